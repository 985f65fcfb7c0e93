using System.Text;
using Pipeline.Web.Data;

namespace Pipeline.Web.Pages;

/// <summary>The overview: counts by status, queue depths, inputs waiting, the latest failures; refreshes itself while work is in flight.</summary>
internal static class OverviewPage
{
    public static string Render(StatusSnapshot status, string accountName)
    {
        var body = new StringBuilder();
        body.Append("<h1>Overview</h1><p class=\"muted\">Storage account <code>").Append(Html.Encode(accountName)).Append("</code> · ")
            .Append("<span id=\"refresh\" data-in-flight=\"").Append(status.InFlight ? "true" : "false").Append("\">")
            .Append(status.InFlight ? "work in flight: refreshing every 2 seconds" : "idle").Append("</span></p>");
        body.Append("<section class=\"cards\">");
        Card(body, "processed", "Processed", status.Results.Processed);
        Card(body, "duplicate", "Duplicate", status.Results.Duplicate);
        Card(body, "rejected", "Rejected", status.Results.Rejected);
        Card(body, "failed", "Failed", status.Results.Failed);
        body.Append("</section><section class=\"cards small\">");
        Card(body, "workQueue", "Work queue", status.WorkQueue);
        Card(body, "poisonQueue", "Poison queue", status.PoisonQueue);
        Card(body, "pending", "Inputs waiting", status.Pending);
        Card(body, "rawBlobs", "Inputs in raw", status.RawBlobs);
        body.Append("</section>");
        if (status.OldestPending.Count > 0)
        {
            body.Append("<h2>Oldest inputs without a result</h2><table><thead><tr><th>Input</th><th>Waiting</th></tr></thead><tbody>");
            foreach (var input in status.OldestPending)
            {
                body.Append("<tr><td>").Append(Html.Encode(input.Name)).Append("</td><td>").Append(Html.Encode(Age(input.Age))).Append("</td></tr>");
            }

            body.Append("</tbody></table>");
        }

        body.Append("<h2>Latest failures</h2>");
        if (status.LatestFailures.Count == 0)
        {
            body.Append("<p class=\"muted\" id=\"no-failures\">No failed inputs.</p>");
        }
        else
        {
            body.Append("<table id=\"latest-failures\"><thead><tr><th>Input</th><th>Error</th><th>Attempts</th></tr></thead><tbody>");
            foreach (var failure in status.LatestFailures)
            {
                body.Append("<tr><td><a href=\"").Append(Html.Encode(Html.DocumentHref(failure.Name))).Append("\">").Append(Html.Encode(failure.Name)).Append("</a></td><td><code>")
                    .Append(Html.Encode(failure.ErrorType)).Append("</code> ").Append(Html.Encode(failure.Message)).Append("</td><td>").Append(failure.Attempts).Append("</td></tr>");
            }

            body.Append("</tbody></table><p><a href=\"/failures\">All failures, with replay</a></p>");
        }

        return Html.Layout("Overview", "overview", body.ToString());
    }

    private static void Card(StringBuilder body, string key, string label, int value) =>
        body.Append("<div class=\"card ").Append(key).Append("\"><div class=\"value\" data-stat=\"").Append(key).Append("\">").Append(Html.Number(value))
            .Append("</div><div class=\"label\">").Append(label).Append("</div></div>");

    private static string Age(TimeSpan age) => age switch
    {
        { TotalSeconds: < 0 } => "0s",
        { TotalMinutes: < 1 } => $"{(int)age.TotalSeconds}s",
        { TotalHours: < 1 } => $"{(int)age.TotalMinutes}m {age.Seconds}s",
        { TotalDays: < 1 } => $"{(int)age.TotalHours}h {age.Minutes}m",
        _ => $"{(int)age.TotalDays}d {age.Hours}h",
    };
}
