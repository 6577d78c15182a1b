using Microsoft.Playwright;

namespace MentorDashboard.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright. Playwright cannot download its own browser on these machines, so the
/// tests launch the system one (test.sh installs it); a missing browser fails the test rather than skipping it.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    public const string DefaultPath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<Chromium> LaunchAsync()
    {
        var path = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured
            ? configured
            : DefaultPath;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"Chromium is not at {path}. Run ./test.sh, which installs it with apt, or set CHROMIUM_PATH.");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            // As root in CI the sandbox cannot start; the background flags keep Chromium off the closed network.
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
        });
        return new Chromium(playwright, browser);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
