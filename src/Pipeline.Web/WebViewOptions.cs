using System.ComponentModel.DataAnnotations;

namespace Pipeline.Web;

/// <summary>
/// The web view's settings. Bound from <c>Pipeline:Web</c> (e.g. <c>Pipeline__Web__Token</c>); the command line's
/// <c>--port</c>, <c>--urls</c>, <c>--allow-remote</c> and <c>--token</c> set the same values. Validated at start:
/// a binding other than loopback needs <see cref="AllowRemote"/> and a <see cref="Token"/>.
/// </summary>
public sealed class WebViewOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Pipeline:Web";

    /// <summary>The default port.</summary>
    public const int DefaultPort = 7080;

    /// <summary>The addresses to listen on, separated by <c>;</c> (as ASP.NET Core's <c>--urls</c>).</summary>
    /// <value>Defaults to <c>http://127.0.0.1:7080</c>: loopback only.</value>
    [Required, StringLength(2048, MinimumLength = 1)]
    public string Urls { get; set; } = $"http://127.0.0.1:{DefaultPort}";

    /// <summary>Whether <see cref="Urls"/> may name an address other than loopback (upload and replay write to storage).</summary>
    /// <value>Defaults to false.</value>
    public bool AllowRemote { get; set; }

    /// <summary>
    /// The bearer token every request must carry (<c>Authorization: Bearer {token}</c>, or the cookie the login page
    /// sets). Required with <see cref="AllowRemote"/>; optional on loopback.
    /// </summary>
    /// <value>Defaults to null: no token. At least 16 characters when set.</value>
    [StringLength(1024, MinimumLength = 16)]
    public string? Token { get; set; }

    /// <summary>How many results a page of <c>/results</c> and <c>/api/results</c> shows.</summary>
    /// <value>Defaults to 50. Range 1 to 1,000.</value>
    [Range(1, 1000)]
    public int PageSize { get; set; } = 50;

    /// <summary>How many listing pages one request reads at most while filtering by status (a rare status must not make one request list the whole container).</summary>
    /// <value>Defaults to 20. Range 1 to 1,000.</value>
    [Range(1, 1000)]
    public int MaxListingPagesPerRequest { get; set; } = 20;

    /// <summary>How many of the latest failures the overview shows.</summary>
    /// <value>Defaults to 10. Range 0 to 100.</value>
    [Range(0, 100)]
    public int LatestFailures { get; set; } = 10;

    /// <summary>How many duplicates a document's cluster lists.</summary>
    /// <value>Defaults to 50. Range 1 to 1,000.</value>
    [Range(1, 1000)]
    public int MaxClusterMembers { get; set; } = 50;

    /// <summary>How many of the raw input's first bytes the document page shows.</summary>
    /// <value>Defaults to 512. Range 16 to 65,536.</value>
    [Range(16, 65536)]
    public int RawPreviewBytes { get; set; } = 512;

    /// <summary>The largest upload accepted in one request, in bytes.</summary>
    /// <value>Defaults to 256 MiB. Range 1 KiB to 4 GiB.</value>
    [Range(1024L, 4L * 1024 * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>The addresses in <see cref="Urls"/>, one per entry.</summary>
    public IReadOnlyList<string> UrlList => Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
