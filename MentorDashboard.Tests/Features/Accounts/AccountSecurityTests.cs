using System.Net;
using AngleSharp.Html.Parser;
using MentorDashboard.Data;
using MentorDashboard.Features.Audit;
using MentorDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Tests.Features.Accounts;

public sealed class AccountSecurityTests : IAsyncLifetime
{
    private AccountScenario _scenario = null!;

    private AppFactory App => _scenario.App;

    public async ValueTask InitializeAsync() => _scenario = await AccountScenario.StartAsync();

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Signed_out_visitor_is_sent_to_sign_in()
    {
        using var response = await App.CreateBrowserClient().GetAsync("/account/security");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(AccountPages.LoginPath, response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Code_from_the_shown_key_turns_two_factor_on_shows_recovery_codes_once_and_keeps_the_session()
    {
        var person = await App.Accounts.AddAsync("Wren Halloway");
        var client = await App.CreateSignedInClientAsync(person);
        var key = KeyOn(await client.GetStringAsync("/account/security"));

        using var enabled = await client.SubmitFormAsync(
            "/account/security", "enable-two-factor", new() { ["EnableInput.Code"] = Totp.CodeNow(key) });
        var page = new HtmlParser().ParseDocument(await enabled.Content.ReadAsStringAsync());
        var later = await client.GetStringAsync("/account/security");
        var next = App.CreateBrowserClient();
        using var password = await next.SubmitLoginAsync(person.Email!, TestAccounts.Password);

        Assert.Equal(10, page.QuerySelectorAll("#recovery-codes p").Length);
        Assert.NotNull(page.GetElementById("two-factor-status"));
        Assert.Null(new HtmlParser().ParseDocument(later).GetElementById("recovery-codes"));
        Assert.True(await TwoFactorEnabledAsync(person));
        Assert.True(AccountPages.IsTwoFactorStep(password));
        Assert.Equal("on", Assert.Single(await _scenario.AuditAsync(AuditKind.TwoFactorChanged)).Detail);
    }

    [Fact]
    public async Task Opening_the_page_keeps_the_security_stamp_so_other_sessions_go_on()
    {
        var person = await App.Accounts.AddAsync("Wren Halloway");
        var client = await App.CreateSignedInClientAsync(person);
        var before = await StampAsync(person);

        var first = KeyOn(await client.GetStringAsync("/account/security"));
        var second = KeyOn(await client.GetStringAsync("/account/security"));

        Assert.Equal(before, await StampAsync(person));
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Wrong_code_leaves_two_factor_off()
    {
        var person = await App.Accounts.AddAsync("Wren Halloway");
        var client = await App.CreateSignedInClientAsync(person);
        var key = KeyOn(await client.GetStringAsync("/account/security"));
        var wrong = Totp.CodeAt(key, DateTimeOffset.UtcNow.AddHours(1));

        using var response = await client.SubmitFormAsync(
            "/account/security", "enable-two-factor", new() { ["EnableInput.Code"] = wrong });

        Assert.Equal(
            "That code is not right. Codes change every 30 seconds: check that your phone's clock is right.",
            AccountScenario.TextOf(await response.Content.ReadAsStringAsync(), "account-error"));
        Assert.False(await TwoFactorEnabledAsync(person));
        Assert.Empty(await _scenario.AuditAsync(AuditKind.TwoFactorChanged));
    }

    [Fact]
    public async Task Code_turns_two_factor_off_and_the_next_sign_in_needs_only_the_password()
    {
        var person = await App.Accounts.AddAsync("Wren Halloway", twoFactor: true);
        var client = await App.CreateSignedInClientAsync(person);

        using var disabled = await client.SubmitFormAsync(
            "/account/security",
            "disable-two-factor",
            new() { ["DisableInput.Code"] = Totp.UnusedCode(TestAccounts.AuthenticatorKey, person.Id) });
        using var home = await client.GetAsync("/");
        using var next = await App.CreateBrowserClient().SubmitLoginAsync(person.Email!, TestAccounts.Password);

        Assert.Equal(
            "Two-factor sign-in is off.",
            AccountScenario.TextOf(await disabled.Content.ReadAsStringAsync(), "account-notice"));
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.False(await TwoFactorEnabledAsync(person));
        Assert.True(AccountPages.SetsAuthCookie(next));
    }

    /// <summary>The key the page shows in groups, as a person would type it into their app.</summary>
    private static string KeyOn(string html) =>
        AccountScenario.TextOf(html, "two-factor-key")!.Replace(" ", "", StringComparison.Ordinal);

    private async Task<string?> StampAsync(Person person)
    {
        await using var db = await App.Database.OpenAsync();
        return await db.Users.Where(p => p.Id == person.Id).Select(p => p.SecurityStamp).SingleAsync();
    }

    private async Task<bool> TwoFactorEnabledAsync(Person person)
    {
        await using var db = await App.Database.OpenAsync();
        return await db.Users.Where(p => p.Id == person.Id).Select(p => p.TwoFactorEnabled).SingleAsync();
    }
}
