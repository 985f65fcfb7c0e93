using Microsoft.Extensions.Options;
using Pipeline.Web.Security;

namespace Pipeline.Web;

/// <summary>Refuses a binding beyond loopback unless remote access is allowed and a token is set.</summary>
internal sealed class WebViewOptionsValidator : IValidateOptions<WebViewOptions>
{
    public ValidateOptionsResult Validate(string? name, WebViewOptions options)
    {
        var remote = options.UrlList.Where(u => !LoopbackBinding.IsLoopback(u)).ToList();
        if (options.UrlList.Count == 0)
        {
            return ValidateOptionsResult.Fail("Pipeline:Web:Urls names no address.");
        }

        if (remote.Count == 0)
        {
            return ValidateOptionsResult.Success;
        }

        if (!options.AllowRemote)
        {
            return ValidateOptionsResult.Fail($"The web view listens on loopback only; {string.Join(", ", remote)} is not loopback. Pass --allow-remote and a --token (upload and replay write to storage).");
        }

        return string.IsNullOrWhiteSpace(options.Token)
            ? ValidateOptionsResult.Fail($"Listening on {string.Join(", ", remote)} needs a token: pass --token or set Pipeline__Web__Token (at least 16 characters).")
            : ValidateOptionsResult.Success;
    }
}
