using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Pipeline.Web.Data;
using Pipeline.Web.Security;

namespace Pipeline.Web.Pages;

/// <summary>The server-rendered pages: overview, results, a document, failures, upload, and the login form.</summary>
public static class PageEndpoints
{
    /// <summary>Maps <c>/</c>, <c>/results</c>, <c>/documents/{name}</c>, <c>/failures</c>, <c>/upload</c>, <c>/login</c> and <c>/assets/*</c>.</summary>
    /// <param name="routes">The app's routes.</param>
    public static IEndpointRouteBuilder MapPipelinePages(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("/", async (StatusReader status, PipelineOutputs outputs, CancellationToken ct) =>
            Page(OverviewPage.Render(await status.ReadAsync(ct).ConfigureAwait(false), outputs.AccountName)));
        routes.MapGet("/results", async (string? status, string? prefix, string? continuation, PipelineOutputs outputs, CancellationToken ct) =>
        {
            var query = new ResultsQuery(status, prefix, continuation);
            return query.HasValidStatus
                ? Page(ResultsPageView.Render(query, await outputs.ReadPageAsync(query, ct).ConfigureAwait(false)))
                : Results.BadRequest("status must be one of " + string.Join(", ", ResultsQuery.Statuses));
        });
        routes.MapGet("/documents/{**name}", (string name, PipelineOutputs outputs, CancellationToken ct) => DocumentAsync(name, outputs, ct));
        routes.MapGet("/documents", (string? name, PipelineOutputs outputs, CancellationToken ct) =>
            string.IsNullOrEmpty(name) ? Task.FromResult(Results.Redirect("/results")) : DocumentAsync(name, outputs, ct));
        routes.MapGet("/failures", async (string? continuation, PipelineOutputs outputs, CancellationToken ct) =>
            Page(FailuresPage.Render(await outputs.ReadPageAsync(new ResultsQuery("failed", null, continuation), ct).ConfigureAwait(false), continuation)));
        routes.MapGet("/upload", () => Page(UploadPage.Render()));
        routes.MapGet(RequestGuard.LoginPath, (string? @return) => Page(LoginPage.Render(LocalPath(@return), failed: false)));
        routes.MapPost(RequestGuard.LoginPath, async (HttpContext context, IOptions<WebViewOptions> options) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            var returnPath = LocalPath(form["return"]);
            if (!RequestGuard.Matches(form["token"], options.Value.Token))
            {
                return Results.Content(LoginPage.Render(returnPath, failed: true), "text/html; charset=utf-8", statusCode: StatusCodes.Status401Unauthorized);
            }

            context.Response.Cookies.Append(RequestGuard.TokenCookie, options.Value.Token!, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = context.Request.IsHttps,
                Path = "/",
            });
            return Results.Redirect(returnPath);
        }).DisableAntiforgery();
        routes.MapGet("/assets/{file}", (string file) => Assets.Serve(file));
        return routes;
    }

    private static async Task<IResult> DocumentAsync(string name, PipelineOutputs outputs, CancellationToken ct) =>
        await outputs.ReadDocumentAsync(name, ct).ConfigureAwait(false) is { } view
            ? Page(DocumentPage.Render(view))
            : Results.Content(Html.Layout("Not found", "document", "<h1>No result</h1><p>There is no result for <code>" + Html.Encode(name) + "</code> (yet).</p>"), "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);

    private static IResult Page(string html) => Results.Content(html, "text/html; charset=utf-8");

    /// <summary>A return path that stays on this site: a local absolute path, else <c>/</c>.</summary>
    private static string LocalPath(string? path) =>
        path is { Length: > 0 } && path[0] == '/' && !path.StartsWith("//", StringComparison.Ordinal) && !path.StartsWith("/\\", StringComparison.Ordinal) ? path : "/";
}
