using MentorDashboard.Data;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MentorDashboard.Tests.Support;

/// <summary>Steps every browser test takes: sign in through the real form, wait for the live circuit.</summary>
public static class BrowserPages
{
    /// <summary>
    /// A new browser context (its own cookies) signed in as the person, on the home page; with a code from
    /// <see cref="TestAccounts.AuthenticatorKey"/> when the app asks for a second factor.
    /// </summary>
    public static Task<IPage> SignInAsync(
        this IBrowser browser, Uri address, Person person, ViewportSize viewport) =>
        browser.SignInAsync(address, person.Email!, TestAccounts.Password, viewport);

    /// <summary>A new browser context signed in with an e-mail and password, such as a demo account's.</summary>
    public static async Task<IPage> SignInAsync(
        this IBrowser browser, Uri address, string email, string password, ViewportSize viewport)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = address.ToString(),
            ViewportSize = viewport,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.Locator("#login-email").FillAsync(email);
        await page.Locator("#login-password").FillAsync(password);
        await page.Locator("#login-submit").ClickAsync();
        var home = page.Locator("h1", new() { HasText = "My programmes" });
        var codeField = page.Locator("#two-factor-code");
        await Expect(home.Or(codeField)).ToBeVisibleAsync();
        if (await codeField.IsVisibleAsync())
        {
            // The same e-mail signs in to many tests' apps; the app's address tells them apart.
            var account = $"{email} at {new Uri(page.Url).Authority}";
            await codeField.FillAsync(Totp.UnusedCode(TestAccounts.AuthenticatorKey, account));
            await page.Locator("#two-factor-submit").ClickAsync();
        }

        await Expect(page.Locator("h1")).ToHaveTextAsync("My programmes");
        return page;
    }

    /// <summary>Waits until the circuit is connected and the page answers clicks.</summary>
    public static async Task WaitUntilInteractiveAsync(this IPage page) =>
        await Expect(page.Locator("#interactive-marker")).ToHaveAttributeAsync("data-interactive", "true");

    /// <summary>Saves a full-page screenshot in <c>screenshots/</c> beside the test binaries.</summary>
    public static async Task SaveScreenshotAsync(this IPage page, string fileName)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, fileName);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
    }
}
