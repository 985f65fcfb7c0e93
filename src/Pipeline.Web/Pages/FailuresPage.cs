using System.Text;
using Pipeline.Web.Data;

namespace Pipeline.Web.Pages;

/// <summary>The failed inputs with their errors, each with a replay button (the same as <c>pipeline replay NAME</c>).</summary>
internal static class FailuresPage
{
    public static string Render(ResultsPage page, string? continuation)
    {
        var body = new StringBuilder("<h1>Failures</h1>");
        if (page.Items.Count == 0)
        {
            body.Append("<p class=\"muted\" id=\"no-failures\">No failed inputs on this page.</p>");
        }
        else
        {
            body.Append("<p><button type=\"button\" class=\"replay-all\">Replay every failed input</button> <span class=\"replay-status\" role=\"status\"></span></p>")
                .Append("<table id=\"failures\"><thead><tr><th>Input</th><th>Error</th><th>Attempts</th><th></th></tr></thead><tbody>");
            foreach (var item in page.Items)
            {
                body.Append("<tr data-name=\"").Append(Html.Encode(item.Name)).Append("\"><td><a href=\"").Append(Html.Encode(Html.DocumentHref(item.Name))).Append("\">").Append(Html.Encode(item.Name))
                    .Append("</a></td><td><code>").Append(Html.Encode(item.Error?.Type)).Append("</code> ").Append(Html.Encode(item.Error?.Message))
                    .Append("</td><td>").Append(item.Error?.Attempts ?? 0).Append("</td><td><button type=\"button\" class=\"replay\" data-name=\"").Append(Html.Encode(item.Name))
                    .Append("\">Replay</button> <span class=\"replay-state\"></span></td></tr>");
            }

            body.Append("</tbody></table>");
        }

        body.Append("<p class=\"pager\">");
        if (!string.IsNullOrEmpty(continuation))
        {
            body.Append("<a href=\"/failures\">First page</a> ");
        }

        if (page.Continuation is not null)
        {
            body.Append("<a href=\"/failures?continuation=").Append(Html.Encode(Html.Query(page.Continuation))).Append("\">Next page</a>");
        }

        body.Append("</p>");
        return Html.Layout("Failures", "failures", body.ToString());
    }
}
