using System.Globalization;
using System.Text;
using Pipeline.Core.Documents;
using Pipeline.Storage.Outputs;
using Pipeline.Web.Data;

namespace Pipeline.Web.Pages;

/// <summary>One input's result: metadata, what normalisation changed, the duplicate cluster, the raw input's first bytes, the clean text.</summary>
internal static class DocumentPage
{
    public static string Render(DocumentView view)
    {
        var record = view.Record;
        var metadata = record.Metadata;
        var status = OutputWriter.StatusName(record.Status);
        var body = new StringBuilder();
        body.Append("<h1 id=\"document-title\">").Append(Html.Encode(metadata?.Title ?? record.Source.Name)).Append("</h1>")
            .Append("<p>").Append(Html.StatusBadge(status)).Append(" <code id=\"document-name\">").Append(Html.Encode(record.Source.Name)).Append("</code> · <a href=\"")
            .Append(Html.Encode(Html.RecordApiHref(record.Source.Name))).Append("\">record as JSON</a></p>");

        if (record.Error is { } error)
        {
            body.Append("<div class=\"error\" id=\"document-error\"><strong>").Append(Html.Encode(error.Type)).Append("</strong>: ").Append(Html.Encode(error.Message))
                .Append(" (").Append(error.Attempts).Append(" attempts) <button type=\"button\" class=\"replay\" data-name=\"").Append(Html.Encode(record.Source.Name))
                .Append("\">Replay</button> <span class=\"replay-state\"></span></div>");
        }

        if (record.Rejection is { } rejection)
        {
            body.Append("<div class=\"error\">Rejected: ").Append(Html.Encode(rejection.Reason)).Append(": ").Append(Html.Encode(rejection.Detail)).Append("</div>");
        }

        body.Append("<div class=\"columns\"><section><h2>Metadata</h2><dl id=\"metadata\">");
        Field(body, "Id", record.Id);
        Field(body, "Title", metadata?.Title);
        Field(body, "Published", metadata?.PublishedAt);
        Field(body, "Authors", metadata is null ? null : string.Join(", ", metadata.Authors));
        Field(body, "Publisher", metadata?.Publisher);
        Field(body, "Language", metadata is { Language: { } language } ? $"{language} ({metadata.LanguageConfidence.ToString("0.00", CultureInfo.InvariantCulture)})" : null);
        Field(body, "Words", metadata is null ? null : Html.Number(metadata.WordCount));
        Field(body, "Paragraphs", metadata is null ? null : Html.Number(metadata.ParagraphCount));
        Field(body, "Headings", metadata is null ? null : string.Join(" · ", metadata.Headings));
        Field(body, "Places", metadata is null ? null : string.Join(", ", metadata.Entities.Places));
        Field(body, "Size", record.Source.Size is { } size ? Html.Number(size) + " bytes" : null);
        Field(body, "Encoding", record.Source.Encoding is { } encoding ? encoding + (record.Source.HadBom ? " (with BOM)" : string.Empty) : null);
        Field(body, "SHA-256", record.Source.Sha256);
        Field(body, "Version", record.Source.ETag);
        body.Append("</dl></section><section><h2>Normalisation</h2>");
        Counts(body, "normalization-fixes", "Fix", record.Normalization?.Fixes);
        Counts(body, "normalization-removed", "Removed", record.Normalization?.Removed);
        body.Append("<h2>Duplicate cluster</h2>");
        Cluster(body, view);
        body.Append("</section></div>");

        body.Append("<h2>Raw input</h2><p class=\"muted\">The first ").Append(Html.Number(view.RawHead.Length)).Append(" bytes")
            .Append(view.RawSize is { } rawSize ? " of " + Html.Number(rawSize) : " (the input is no longer in raw)").Append(".</p><pre id=\"raw-head\" class=\"raw\">")
            .Append(Html.Encode(Printable(view.RawHead.Span))).Append("</pre>");
        body.Append("<h2>Clean text</h2>");
        body.Append(record.Text is { } text ? "<pre id=\"clean-text\" class=\"text\">" + Html.Encode(text) + "</pre>" : "<p class=\"muted\">No clean text for this result.</p>");
        return Html.Layout(metadata?.Title ?? record.Source.Name, "document", body.ToString());
    }

    private static void Field(StringBuilder body, string label, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            body.Append("<dt>").Append(label).Append("</dt><dd>").Append(Html.Encode(value)).Append("</dd>");
        }
    }

    private static void Counts(StringBuilder body, string id, string label, IReadOnlyDictionary<string, int>? counts)
    {
        if (counts is null || counts.Count == 0)
        {
            body.Append("<p class=\"muted\" id=\"").Append(id).Append("\">").Append(label).Append(": nothing.</p>");
            return;
        }

        body.Append("<table id=\"").Append(id).Append("\"><thead><tr><th>").Append(label).Append("</th><th class=\"num\">Count</th></tr></thead><tbody>");
        foreach (var (name, count) in counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal))
        {
            body.Append("<tr><td>").Append(Html.Encode(name)).Append("</td><td class=\"num\">").Append(Html.Number(count)).Append("</td></tr>");
        }

        body.Append("</tbody></table>");
    }

    private static void Cluster(StringBuilder body, DocumentView view)
    {
        if (view.Canonical is null && view.Duplicates.Count == 0)
        {
            body.Append("<p class=\"muted\" id=\"cluster\">Not part of a cluster.</p>");
            return;
        }

        body.Append("<table id=\"cluster\"><thead><tr><th>Input</th><th>Role</th><th class=\"num\">Similarity</th></tr></thead><tbody>");
        if (view.Canonical is { } canonical)
        {
            Member(body, canonical, "canonical", canonical.Id == view.Record.Id && view.Record.DuplicateOf is null);
        }

        foreach (var duplicate in view.Duplicates)
        {
            Member(body, duplicate, $"{duplicate.Kind} duplicate ({duplicate.Measure})", duplicate.Name == view.Record.Source.Name);
        }

        body.Append("</tbody></table>");
    }

    private static void Member(StringBuilder body, ClusterMember member, string role, bool self) =>
        body.Append(self ? "<tr class=\"self\">" : "<tr>").Append("<td><a href=\"").Append(Html.Encode(Html.DocumentHref(member.Name))).Append("\">").Append(Html.Encode(member.Name))
            .Append("</a></td><td>").Append(Html.Encode(role)).Append("</td><td class=\"num\">").Append(member.Similarity.ToString("0.0000", CultureInfo.InvariantCulture)).Append("</td></tr>");

    /// <summary>The bytes as Latin-1-ish text: printable ASCII and line breaks as they are, anything else as a middle dot.</summary>
    private static string Printable(ReadOnlySpan<byte> bytes)
    {
        // Decoded as UTF-8 where it is valid, so a non-Latin input is readable; invalid bytes show as U+FFFD.
        var text = Encoding.UTF8.GetString(bytes);
        var printable = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            printable.Append(c is '\n' or '\t' || !char.IsControl(c) ? c : '·');
        }

        return printable.ToString();
    }
}
