using System.Text.RegularExpressions;
using MentorDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MentorDashboard.Tests.Features.Accounts;

/// <summary>A person turns on two-factor sign-in in a real browser, as they would with their phone at hand.
/// </summary>
public sealed class AccountSecurityBrowserTests : IAsyncLifetime
{
    private static readonly ViewportSize Phone = new() { Width = 360, Height = 740 };
    private AppFactory _app = null!;
    private Chromium _chromium = null!;
    private Uri _address = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await AppFactory.CreateAsync();
        _address = _app.StartKestrelServer();
        _chromium = await Chromium.LaunchAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _chromium.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Person_turns_on_two_factor_sign_in_with_the_shown_key_and_sees_recovery_codes()
    {
        var person = await _app.Accounts.AddAsync("Wren Halloway");
        var page = await _chromium.Browser.SignInAsync(_address, person, Phone);
        await page.WaitUntilInteractiveAsync();

        await page.Locator("#account-security").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Two-factor sign-in");
        var key = (await page.Locator("#two-factor-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        await Expect(page.Locator("#two-factor-uri")).ToHaveAttributeAsync("href", new Regex("^otpauth://totp/"));
        await page.Locator("#enable-code").FillAsync(Totp.CodeNow(key));
        await page.Locator("#enable-submit").ClickAsync();

        await Expect(page.Locator("#recovery-codes p")).ToHaveCountAsync(10);
        await Expect(page.Locator("#two-factor-status")).ToBeVisibleAsync();
        await page.SaveScreenshotAsync("account-security-recovery-codes.png");
        await using var db = await _app.Database.OpenAsync();
        Assert.True(await db.Users.Where(p => p.Id == person.Id).Select(p => p.TwoFactorEnabled).SingleAsync());
    }
}
