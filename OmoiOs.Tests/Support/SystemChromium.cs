using Microsoft.Playwright;

namespace OmoiOs.Tests.Support;

/// <summary>
/// Debian's Chromium (<c>apt-get install chromium</c>; scripts/setup.sh installs it) driven by Playwright for .NET.
/// Playwright's own browser download cannot work on this machine, so it launches the system's executable.
/// </summary>
public sealed class SystemChromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright _playwright;

    private SystemChromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    /// <summary>Where screenshots go: TestResults/web-view under the checkout (CI keeps TestResults as artifacts).</summary>
    public static string ScreenshotDirectory => Path.Combine(RepositoryRoot.Find(), "TestResults", "web-view");

    public static async Task<SystemChromium> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"{ExecutablePath} is missing: install Debian's Chromium (`apt-get install -y chromium`; ./scripts/setup.sh does).");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ExecutablePath, Headless = true, Args = Arguments });
        return new SystemChromium(playwright, browser);
    }

    /// <summary>
    /// A fresh page (its own context) on <paramref name="baseAddress"/>. Uncaught script errors and console errors are
    /// kept in <see cref="PageErrors"/>, except Chromium's note on each 4xx answer, which the page expects (a design
    /// not written yet, a form the API refuses).
    /// </summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress, int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout((float)LocalServerHarness.StateDeadline.TotalMilliseconds);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource: the server responded with a status of 4", StringComparison.Ordinal))
            {
                errors.Add(message.Text);
            }
        };
        PageErrors[page] = errors;
        return page;
    }

    /// <summary>Script errors and console errors each page has met so far.</summary>
    public Dictionary<IPage, List<string>> PageErrors { get; } = [];

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
