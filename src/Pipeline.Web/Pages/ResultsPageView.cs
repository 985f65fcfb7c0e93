using System.Text;
using Pipeline.Web.Data;

namespace Pipeline.Web.Pages;

/// <summary>The results table: name, status, title, language, date, words; filter by status and name prefix; paged with continuation tokens.</summary>
internal static class ResultsPageView
{
    public static string Render(ResultsQuery query, ResultsPage page)
    {
        var body = new StringBuilder();
        body.Append("<h1>Results</h1><form class=\"filters\" method=\"get\" action=\"/results\"><label>Status <select name=\"status\"><option value=\"\">all</option>");
        foreach (var status in ResultsQuery.Statuses)
        {
            body.Append("<option").Append(status == query.Status ? " selected" : string.Empty).Append('>').Append(status).Append("</option>");
        }

        body.Append("</select></label> <label>Name starts with <input type=\"text\" name=\"prefix\" value=\"").Append(Html.Encode(query.Prefix))
            .Append("\"></label> <button type=\"submit\">Filter</button></form>");
        body.Append(Table(page.Items));
        body.Append("<p class=\"pager\">");
        if (!string.IsNullOrEmpty(query.Continuation))
        {
            body.Append("<a href=\"").Append(Html.Encode(Href(query with { Continuation = null }))).Append("\">First page</a> ");
        }

        if (page.Continuation is not null)
        {
            body.Append("<a id=\"next-page\" href=\"").Append(Html.Encode(Href(query with { Continuation = page.Continuation }))).Append("\">Next page</a>");
        }

        body.Append("</p>");
        return Html.Layout("Results", "results", body.ToString());
    }

    public static string Table(IReadOnlyList<ResultSummary> items)
    {
        var body = new StringBuilder();
        if (items.Count == 0)
        {
            return "<p class=\"muted\" id=\"no-results\">No results on this page.</p>";
        }

        body.Append("<table id=\"results\"><thead><tr><th>Name</th><th>Status</th><th>Title</th><th>Language</th><th>Date</th><th class=\"num\">Words</th></tr></thead><tbody>");
        foreach (var item in items)
        {
            body.Append("<tr data-name=\"").Append(Html.Encode(item.Name)).Append("\"><td><a href=\"").Append(Html.Encode(Html.DocumentHref(item.Name))).Append("\">").Append(Html.Encode(item.Name))
                .Append("</a></td><td>").Append(Html.StatusBadge(item.Status)).Append("</td><td>").Append(Html.Encode(item.Title))
                .Append("</td><td>").Append(Html.Encode(item.Language)).Append("</td><td>").Append(Html.Encode(item.PublishedAt))
                .Append("</td><td class=\"num\">").Append(Html.Number(item.Words)).Append("</td></tr>");
        }

        return body.Append("</tbody></table>").ToString();
    }

    private static string Href(ResultsQuery query)
    {
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(query.Status))
        {
            parts.Add("status=" + Html.Query(query.Status));
        }

        if (!string.IsNullOrEmpty(query.Prefix))
        {
            parts.Add("prefix=" + Html.Query(query.Prefix));
        }

        if (!string.IsNullOrEmpty(query.Continuation))
        {
            parts.Add("continuation=" + Html.Query(query.Continuation));
        }

        return parts.Count == 0 ? "/results" : "/results?" + string.Join('&', parts);
    }
}
