using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Pipeline.Storage.Outputs;

namespace Pipeline.Web.Pages;

/// <summary>
/// The pages' HTML helpers. Everything that comes from an input (names, titles, text, errors) goes through
/// <see cref="Encode"/>, so markup in an input shows as text; links to inputs go through <see cref="DocumentHref"/>.
/// </summary>
internal static class Html
{
    /// <summary>HTML-encodes text for element content and quoted attribute values.</summary>
    public static string Encode(string? text) => HtmlEncoder.Default.Encode(text ?? string.Empty);

    /// <summary>Formats a number the same way in every culture.</summary>
    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>The document page of an input: <c>/documents/{name}</c>, each segment percent-encoded, or a query for names a path cannot carry.</summary>
    public static string DocumentHref(string name) => "/documents" + NamePath(name);

    /// <summary>The record API of an input.</summary>
    public static string RecordApiHref(string name) => "/api/results" + NamePath(name);

    /// <summary>A query-string value, percent-encoded.</summary>
    public static string Query(string? value) => Uri.EscapeDataString(value ?? string.Empty);

    private static string NamePath(string name) =>

        // Dot segments and empty segments would be collapsed by the browser or the server: such names go in the query.
        OutputNames.IsSafe(name) ? "/" + string.Join('/', name.Split('/').Select(Uri.EscapeDataString)) : "?name=" + Uri.EscapeDataString(name);

    /// <summary>A page: the shared head, navigation and styles around <paramref name="body"/> (already HTML).</summary>
    public static string Layout(string title, string page, string body)
    {
        var html = new StringBuilder(body.Length + 2048);
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(Encode(title)).Append(" · pipeline</title><link rel=\"stylesheet\" href=\"/assets/app.css\"></head>")
            .Append("<body data-page=\"").Append(Encode(page)).Append("\"><header><a class=\"brand\" href=\"/\">pipeline</a><nav>");
        foreach (var (href, key, label) in new[] { ("/", "overview", "Overview"), ("/results", "results", "Results"), ("/failures", "failures", "Failures"), ("/upload", "upload", "Upload") })
        {
            html.Append("<a href=\"").Append(href).Append('"').Append(key == page ? " class=\"active\"" : string.Empty).Append('>').Append(label).Append("</a>");
        }

        html.Append("</nav></header><main>").Append(body).Append("</main><script src=\"/assets/app.js\"></script></body></html>");
        return html.ToString();
    }

    /// <summary>A status as a coloured badge.</summary>
    public static string StatusBadge(string status) => $"<span class=\"badge {Encode(status)}\">{Encode(status)}</span>";
}
