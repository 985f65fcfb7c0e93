using Microsoft.Playwright;
using Pipeline.Tests.Shared;

namespace Pipeline.Web.Tests;

/// <summary>
/// The pages in a real browser: Playwright driving Debian's Chromium (<c>apt-get install chromium</c>; no browser
/// download). Each test saves a screenshot of its page under <c>docs/web/</c>, which the README shows.
/// </summary>
[Collection(WebViewCollection.Name)]
public sealed class BrowserTests(WebViewFixture web) : IAsyncLifetime
{
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private IPage _page = null!;

    /// <summary>Chromium as Debian installs it; a missing browser fails the tests rather than skipping them.</summary>
    private static string Chromium() =>
        new[] { Environment.GetEnvironmentVariable("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists)
        ?? throw new FileNotFoundException("Chromium is not installed: run `apt-get install -y chromium` (.ci/run does) or set CHROMIUM_PATH.");

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium(), Args = ["--no-sandbox"] });
        _page = await _browser.NewPageAsync(new() { BaseURL = web.BaseAddress.ToString(), ViewportSize = new() { Width = 1280, Height = 900 } });
        _page.SetDefaultTimeout(60_000);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    private Task ScreenshotAsync(string file) =>
        _page.ScreenshotAsync(new() { Path = RepositoryPaths.File("docs", "web", file), FullPage = true });

    [Fact]
    public async Task Overview_shows_the_counts_by_status()
    {
        using var status = System.Text.Json.JsonDocument.Parse(await web.Client.GetStringAsync("/api/status"));
        var processed = status.RootElement.GetProperty("results").GetProperty("processed").GetInt32();

        await _page.GotoAsync("/");

        await Assertions.Expect(_page.Locator("[data-stat=processed]")).ToHaveTextAsync(processed.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(_page.Locator("[data-stat=failed]")).Not.ToHaveTextAsync("0");
        await Assertions.Expect(_page.Locator("#latest-failures")).ToContainTextAsync(TestInputs.Failing);
        await ScreenshotAsync("overview.png");
    }

    [Fact]
    public async Task A_result_opens_its_document()
    {
        await _page.GotoAsync("/results?prefix=" + Uri.EscapeDataString("press releases/"));
        await ScreenshotAsync("results.png");

        await _page.GetByRole(AriaRole.Link, new() { Name = TestInputs.Spaces }).ClickAsync();

        await Assertions.Expect(_page.Locator("#document-name")).ToHaveTextAsync(TestInputs.Spaces);
        await Assertions.Expect(_page.Locator("#clean-text")).ToContainTextAsync("Residents of");
        await Assertions.Expect(_page.Locator("#raw-head")).ToContainTextAsync("Council weighs");
    }

    [Fact]
    public async Task A_duplicate_shows_its_cluster_with_the_canonical_document()
    {
        await _page.GotoAsync("/results");
        await _page.GotoAsync("/documents/" + TestInputs.Canonical);

        await Assertions.Expect(_page.Locator("#cluster")).ToContainTextAsync(TestInputs.Duplicate);
        await Assertions.Expect(_page.Locator("#cluster")).ToContainTextAsync("canonical");
        await ScreenshotAsync("document.png");
    }

    [Fact]
    public async Task Failures_list_the_error_with_a_replay_button()
    {
        await _page.GotoAsync("/failures");

        var row = _page.Locator($"#failures tr[data-name=\"{TestInputs.Failing}\"]");
        await Assertions.Expect(row).ToContainTextAsync("InjectedFault");
        await Assertions.Expect(row.GetByRole(AriaRole.Button, new() { Name = "Replay" })).ToBeVisibleAsync();
        await ScreenshotAsync("failures.png");
    }

    [Fact]
    public async Task An_uploaded_file_appears_with_its_result()
    {
        var folder = Directory.CreateTempSubdirectory("pipeline-web-upload-").FullName;
        try
        {
            var file = Path.Combine(folder, "browser upload.txt");
            await File.WriteAllTextAsync(file, TestInputs.Article("Night market returns to the quay", 3131));
            await _page.GotoAsync("/upload");

            await _page.Locator("#file-input").SetInputFilesAsync(file);

            var row = _page.Locator("#uploads tr[data-name=\"browser upload.txt\"]");
            await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "processed", new() { Timeout = 120_000 });
            await Assertions.Expect(row).ToContainTextAsync("Night market returns to the quay");
            await ScreenshotAsync("upload.png");

            await _page.GotoAsync("/results?prefix=browser");
            await Assertions.Expect(_page.Locator("#results")).ToContainTextAsync("browser upload.txt");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
