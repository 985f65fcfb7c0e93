using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pipeline.Core.Documents;
using Pipeline.Storage.Intake;
using Pipeline.Web.Data;

namespace Pipeline.Web.Api;

/// <summary>The JSON API under <c>/api</c>: the same data the pages show, and the two writes (upload, replay).</summary>
public static class ApiEndpoints
{
    /// <summary>Maps <c>/api/status</c>, <c>/api/results</c>, <c>/api/results/{name}</c>, <c>/api/inputs</c> and <c>/api/replay</c>.</summary>
    /// <param name="routes">The app's routes.</param>
    public static IEndpointRouteBuilder MapPipelineApi(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var api = routes.MapGroup("/api");
        api.MapGet("/status", async (StatusReader status, CancellationToken ct) => Results.Ok(await status.ReadAsync(ct).ConfigureAwait(false)));
        api.MapGet("/results", async (string? status, string? prefix, string? continuation, PipelineOutputs outputs, CancellationToken ct) =>
        {
            var query = new ResultsQuery(status, prefix, continuation);
            return query.HasValidStatus
                ? Results.Ok(await outputs.ReadPageAsync(query, ct).ConfigureAwait(false))
                : Results.BadRequest(new { error = $"status must be one of {string.Join(", ", ResultsQuery.Statuses)}" });
        });
        api.MapGet("/results/{**name}", async (string name, PipelineOutputs outputs, CancellationToken ct) =>
            await outputs.ReadRecordAsync(name, ct).ConfigureAwait(false) is { } record
                ? Results.Text(PipelineJson.Serialize(record), "application/json; charset=utf-8")
                : Results.NotFound(new { error = "no result for this input" }));
        api.MapPost("/inputs", UploadAsync).DisableAntiforgery();
        api.MapPost("/replay", async (ReplayRequest request, InputReplayer replayer, CancellationToken ct) =>
        {
            var replayed = new List<string>();
            var missing = new List<string>();
            var names = new List<string>(request.Names ?? []);
            if (request.Failed)
            {
                await foreach (var name in replayer.FailedInputsAsync(ct).ConfigureAwait(false))
                {
                    names.Add(name);
                }
            }

            foreach (var name in names.Distinct(StringComparer.Ordinal))
            {
                (await replayer.ReplayAsync(name, ct).ConfigureAwait(false) is null ? missing : replayed).Add(name);
            }

            return Results.Ok(new ReplayResponse(replayed, missing));
        });
        return routes;
    }

    private static async Task<IResult> UploadAsync(HttpRequest request, BlobDropper dropper, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return Results.BadRequest(new { error = "send multipart/form-data with the files in the field 'files'" });
        }

        var form = await request.ReadFormAsync(ct).ConfigureAwait(false);
        var files = form.Files.GetFiles("files");
        if (files.Count == 0)
        {
            return Results.BadRequest(new { error = "no files in the field 'files'" });
        }

        var dropped = new List<DroppedInput>();
        foreach (var file in files)
        {
            var name = InputName(file.FileName);
            if (name is null)
            {
                return Results.BadRequest(new { error = "a file has no usable name" });
            }

            var stream = file.OpenReadStream();
            await using (stream.ConfigureAwait(false))
            {
                var item = await dropper.DropAsync(name, stream, ct).ConfigureAwait(false);
                dropped.Add(new DroppedInput(item.Name, item.RunId));
            }
        }

        return Results.Ok(new UploadResponse(dropped));
    }

    /// <summary>The blob name for an uploaded file: its (relative) path with forward slashes, without leading slashes.</summary>
    /// <param name="fileName">The name the browser sent (a folder upload sends the relative path).</param>
    internal static string? InputName(string? fileName)
    {
        var name = (fileName ?? string.Empty).Replace('\\', '/').TrimStart('/');
        return name.Length == 0 || name.Length > 1000 ? null : name;
    }
}

/// <summary>The body of <c>POST /api/replay</c>.</summary>
/// <param name="Names">Inputs (blob names in raw) to enqueue again.</param>
/// <param name="Failed">Also every input whose result is failed.</param>
public sealed record ReplayRequest(IReadOnlyList<string>? Names, bool Failed = false);

/// <summary>The answer of <c>POST /api/replay</c>.</summary>
/// <param name="Replayed">The inputs enqueued.</param>
/// <param name="Missing">The named inputs that are not in raw.</param>
public sealed record ReplayResponse(IReadOnlyList<string> Replayed, IReadOnlyList<string> Missing);

/// <summary>The answer of <c>POST /api/inputs</c>.</summary>
/// <param name="Dropped">The inputs uploaded and enqueued, in upload order.</param>
public sealed record UploadResponse(IReadOnlyList<DroppedInput> Dropped);

/// <summary>An uploaded input.</summary>
/// <param name="Name">Its blob name in raw.</param>
/// <param name="RunId">The run of this version.</param>
public sealed record DroppedInput(string Name, string RunId);
