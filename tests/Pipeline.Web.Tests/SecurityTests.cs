using Pipeline.Tests.Shared;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using Pipeline.Web;

namespace Pipeline.Web.Tests;

/// <summary>Who may reach the web view, and what it never shows.</summary>
[Collection(WebViewCollection.Name)]
public sealed class SecurityTests(WebViewFixture web)
{
    private const string Token = "test-token-0123456789abcdef";

    private static string DocumentPath(string name) => "/documents/" + string.Join('/', name.Split('/').Select(Uri.EscapeDataString));

    [Fact]
    public async Task A_binding_beyond_loopback_without_allow_remote_refuses_to_start()
    {
        await using var app = web.BuildApp(new Dictionary<string, string?> { ["Pipeline:Web:Urls"] = "http://0.0.0.0:0" });
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        Assert.Contains("--allow-remote", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_remote_binding_without_a_token_refuses_to_start()
    {
        await using var app = web.BuildApp(new Dictionary<string, string?> { ["Pipeline:Web:Urls"] = "http://0.0.0.0:0", ["Pipeline:Web:AllowRemote"] = "true" });
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        Assert.Contains("token", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_command_refuses_a_remote_binding_without_a_token_and_says_why()
    {
        await using var process = WorkerProcess.Start(["web", "--urls", "http://0.0.0.0:0", "--allow-remote"], web.Settings);
        var exit = await process.WaitForExitAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(2, exit);
        Assert.Contains("needs a token", process.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_token_requests_without_it_get_401_and_with_it_succeed()
    {
        await using var app = web.BuildApp(new Dictionary<string, string?> { ["Pipeline:Web:Token"] = Token });
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(WebViewApplication.Addresses(app)[0]) };

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/status")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/api/replay", JsonContent.Create(new { names = new[] { "x" } }))).StatusCode);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/api/status") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "wrong-token-0123456789") } };
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(wrong)).StatusCode);

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/status")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_browser_signs_in_once_and_keeps_the_token_in_a_cookie()
    {
        await using var app = web.BuildApp(new Dictionary<string, string?> { ["Pipeline:Web:Token"] = Token });
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(WebViewApplication.Addresses(app)[0]) };

        var wrong = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = "not-the-token-at-all", ["return"] = "/results" }));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        var signedIn = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = Token, ["return"] = "/results" }));

        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.EndsWith("/results", signedIn.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/status")).StatusCode);
    }

    [Fact]
    public async Task A_request_for_another_host_name_is_refused_on_loopback()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/status");
        request.Headers.Host = "attacker.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await web.Client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task A_cross_site_write_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/replay") { Content = JsonContent.Create(new { names = new[] { TestInputs.Spaces } }) };
        request.Headers.Add("Origin", "https://attacker.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await web.Client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task A_title_with_markup_is_rendered_as_text()
    {
        using var record = System.Text.Json.JsonDocument.Parse(await web.Client.GetStringAsync("/api/results/" + TestInputs.Xss));
        var title = record.RootElement.GetProperty("metadata").GetProperty("title").GetString()!;
        Assert.Contains("<script>", title, StringComparison.Ordinal);

        var document = await web.Client.GetStringAsync(DocumentPath(TestInputs.Xss));
        var results = await web.Client.GetStringAsync("/results?prefix=xss");

        foreach (var page in new[] { document, results })
        {
            Assert.DoesNotContain("<script>window.pwned", page, StringComparison.Ordinal);
            Assert.Contains(System.Text.Encodings.Web.HtmlEncoder.Default.Encode(title), page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task No_page_or_response_carries_the_account_key()
    {
        var key = System.Text.RegularExpressions.Regex.Match(web.ConnectionString, "AccountKey=([^;]+)").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(key));
        string[] paths = ["/", "/results", "/failures", "/upload", DocumentPath(TestInputs.Failing), DocumentPath(TestInputs.Duplicate), "/api/status", "/api/results", "/api/results?status=failed", "/api/results/" + TestInputs.Failing];
        foreach (var path in paths)
        {
            var body = await web.Client.GetStringAsync(path);
            Assert.DoesNotContain(key, body, StringComparison.Ordinal);
            Assert.DoesNotContain("AccountKey=", body, StringComparison.OrdinalIgnoreCase);
        }
    }
}
