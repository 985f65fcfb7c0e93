using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Pipeline.Web.Security;

/// <summary>
/// Checks every request before it reaches a page or the API: with a token configured, the request must carry it
/// (<c>Authorization: Bearer</c>, or the cookie the login page sets) or gets 401; on a loopback-only binding, the
/// <c>Host</c> header must be loopback (a DNS-rebinding page cannot reach it); and a write (POST) must come from the
/// view's own origin, so another site open in the same browser cannot upload or replay through it.
/// </summary>
internal sealed class RequestGuard
{
    /// <summary>The cookie holding the token after a login in the browser.</summary>
    public const string TokenCookie = "pipeline_token";

    /// <summary>The login page, reachable without the token.</summary>
    public const string LoginPath = "/login";

    private readonly RequestDelegate _next;
    private readonly WebViewOptions _options;
    private readonly byte[]? _token;

    public RequestGuard(RequestDelegate next, IOptions<WebViewOptions> options)
    {
        _next = next;
        _options = options.Value;
        _token = string.IsNullOrEmpty(_options.Token) ? null : Encoding.UTF8.GetBytes(_options.Token);
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!_options.AllowRemote && !LoopbackBinding.IsLoopbackHost(request.Host.Host))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("The web view answers loopback host names only.", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        if (HttpMethods.IsPost(request.Method) && !IsSameOrigin(request))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsync("Cross-origin writes are refused.", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        // The login page and its stylesheet and script are the only things served without the token.
        var open = request.Path.Equals(LoginPath, StringComparison.Ordinal) || request.Path.StartsWithSegments("/assets", StringComparison.Ordinal);
        if (_token is not null && !open && !Carries(request, _token))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer";
            if (!request.Path.StartsWithSegments("/api", StringComparison.Ordinal) && HttpMethods.IsGet(request.Method))
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(Pages.LoginPage.Render(request.Path + request.QueryString, failed: false), context.RequestAborted).ConfigureAwait(false);
            }

            return;
        }

        await _next(context).ConfigureAwait(false);
    }

    /// <summary>Whether <paramref name="candidate"/> is <paramref name="token"/> (compared in constant time).</summary>
    public static bool Matches(string? candidate, string? token) =>
        !string.IsNullOrEmpty(token) && candidate is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), Encoding.UTF8.GetBytes(token));

    private static bool Carries(HttpRequest request, byte[] token)
    {
        var header = request.Headers.Authorization.ToString();
        var given = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim()
            : request.Cookies.TryGetValue(TokenCookie, out var cookie) ? cookie
            : null;
        return given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), token);
    }

    private static bool IsSameOrigin(HttpRequest request)
    {
        // Browsers send Sec-Fetch-Site and Origin on cross-site form posts; clients such as curl send neither.
        if (string.Equals(request.Headers["Sec-Fetch-Site"].ToString(), "cross-site", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0
            || (Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }
}
