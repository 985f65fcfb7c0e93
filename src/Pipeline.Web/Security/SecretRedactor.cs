using System.Text.RegularExpressions;

namespace Pipeline.Web.Security;

/// <summary>
/// Removes storage secrets (an account key, a SAS signature) from text about to be shown, such as an error
/// message that quoted a request or a connection string.
/// </summary>
public static partial class SecretRedactor
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Redacted = "REDACTED";

    /// <summary>The text with every <c>AccountKey=</c>, <c>SharedAccessSignature=</c> and <c>sig=</c> value replaced.</summary>
    /// <param name="text">The text, or null.</param>
    public static string? Redact(string? text) => text is null ? null : Secrets().Replace(text, m => m.Groups["name"].Value + Redacted);

    [GeneratedRegex(@"(?<name>\b(?:AccountKey|SharedAccessSignature|sig)=)[^;&\s""'<>]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Secrets();
}
