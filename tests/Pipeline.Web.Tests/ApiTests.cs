using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Blobs.Models;
using Pipeline.Storage.Outputs;

namespace Pipeline.Web.Tests;

/// <summary>The JSON API against a real Azurite and a real worker process.</summary>
[Collection(WebViewCollection.Name)]
public sealed class ApiTests(WebViewFixture web)
{
    private static string RecordPath(string name) => "/api/results/" + string.Join('/', name.Split('/').Select(Uri.EscapeDataString));

    [Fact]
    public async Task Status_counts_the_results_by_status_as_storage_holds_them()
    {
        // Read storage before and after: the counts are taken when the two agree (no run finished in between).
        Dictionary<string, int> expected, after;
        JsonDocument status;
        do
        {
            expected = await CountAsync();
            status = JsonDocument.Parse(await web.Client.GetStringAsync("/api/status"));
            after = await CountAsync();
        }
        while (!expected.OrderBy(e => e.Key).SequenceEqual(after.OrderBy(e => e.Key)));

        using (status)
        {
            var results = status.RootElement.GetProperty("results");
            foreach (var name in new[] { "processed", "duplicate", "rejected", "failed" })
            {
                Assert.Equal(expected.GetValueOrDefault(name), results.GetProperty(name).GetInt32());
            }

            Assert.True(results.GetProperty("duplicate").GetInt32() >= 1);
            Assert.True(results.GetProperty("failed").GetInt32() >= 1);
            Assert.True(status.RootElement.GetProperty("workQueue").GetInt32() >= 0);
            Assert.True(status.RootElement.GetProperty("poisonQueue").GetInt32() >= 1);
            Assert.True(status.RootElement.GetProperty("pending").GetInt32() >= 0);
        }
    }

    private async Task<Dictionary<string, int>> CountAsync()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var blob in web.Storage.Results.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata }))
        {
            var of = blob.Metadata[OutputWriter.StatusMetadata];
            counts[of] = counts.GetValueOrDefault(of) + 1;
        }

        return counts;
    }

    [Fact]
    public async Task Results_are_paged_with_continuation_tokens_and_every_result_appears_once()
    {
        var seen = new List<string>();
        string? continuation = null;
        var pages = 0;
        do
        {
            var url = "/api/results" + (continuation is null ? string.Empty : "?continuation=" + Uri.EscapeDataString(continuation));
            using var page = JsonDocument.Parse(await web.Client.GetStringAsync(url));
            var items = page.RootElement.GetProperty("items");
            Assert.True(items.GetArrayLength() <= WebViewFixture.PageSize);
            seen.AddRange(items.EnumerateArray().Select(i => i.GetProperty("name").GetString()!));
            continuation = page.RootElement.GetProperty("continuation").GetString();
            pages++;
        }
        while (continuation is not null);

        Assert.True(pages >= 3);
        Assert.Equal(seen.Count, seen.Distinct(StringComparer.Ordinal).Count());
        Assert.Superset(TestInputs.Names.ToHashSet(StringComparer.Ordinal), seen.ToHashSet(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Results_filter_by_status_and_name_prefix()
    {
        using var failed = JsonDocument.Parse(await web.Client.GetStringAsync("/api/results?status=failed"));
        Assert.All(failed.RootElement.GetProperty("items").EnumerateArray(), i => Assert.Equal("failed", i.GetProperty("status").GetString()));
        Assert.Contains(failed.RootElement.GetProperty("items").EnumerateArray(), i => i.GetProperty("name").GetString() == TestInputs.Failing);

        using var prefixed = JsonDocument.Parse(await web.Client.GetStringAsync("/api/results?prefix=" + Uri.EscapeDataString("press releases/")));
        var item = Assert.Single(prefixed.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal(TestInputs.Spaces, item.GetProperty("name").GetString());
        Assert.Equal("processed", item.GetProperty("status").GetString());
        Assert.True(item.GetProperty("words").GetInt32() > 20);
        Assert.False(string.IsNullOrEmpty(item.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Result_with_an_unknown_status_filter_is_a_bad_request()
    {
        var response = await web.Client.GetAsync("/api/results?status=nonsense");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData(TestInputs.Spaces)]
    [InlineData(TestInputs.NonLatin)]
    public async Task Record_of_an_input_named_with_spaces_slashes_or_non_Latin_letters_is_served(string name)
    {
        using var record = JsonDocument.Parse(await web.Client.GetStringAsync(RecordPath(name)));
        Assert.Equal(name, record.RootElement.GetProperty("source").GetProperty("name").GetString());
        Assert.Equal("processed", record.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Record_of_an_input_without_a_result_is_not_found()
    {
        var response = await web.Client.GetAsync(RecordPath("no such/input.txt"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Uploaded_file_is_dropped_into_raw_and_processed()
    {
        const string name = "uploads/api upload.txt";
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(TestInputs.Article("Ferry operator adds winter crossings", 977))), "files", name);

        var response = await web.Client.PostAsync("/api/inputs", form);

        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(name, body.RootElement.GetProperty("dropped")[0].GetProperty("name").GetString());
        await web.WaitForResultsAsync([name], TimeSpan.FromMinutes(2));
        using var record = JsonDocument.Parse(await web.Client.GetStringAsync(RecordPath(name)));
        Assert.Equal("processed", record.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Replay_of_a_failed_input_runs_it_again()
    {
        var before = web.Worker.Lines.Count(l => l.Contains(TestInputs.Failing, StringComparison.Ordinal) && l.Contains("poison", StringComparison.Ordinal));
        Assert.True(before >= 1, web.Worker.Output);

        var response = await web.Client.PostAsJsonAsync("/api/replay", new { names = new[] { TestInputs.Failing, "not there.txt" } });

        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(TestInputs.Failing, Assert.Single(body.RootElement.GetProperty("replayed").EnumerateArray()).GetString());
        Assert.Equal("not there.txt", Assert.Single(body.RootElement.GetProperty("missing").EnumerateArray()).GetString());

        // The fault is still injected, so the replayed run fails again: the worker runs it a second time.
        await web.Worker.WaitForLinesAsync(before + 1, TimeSpan.FromMinutes(2), TestInputs.Failing, "poison");
    }
}
