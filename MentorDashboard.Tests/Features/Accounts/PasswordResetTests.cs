using System.Net;
using MentorDashboard.Features.Audit;
using MentorDashboard.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace MentorDashboard.Tests.Features.Accounts;

public sealed class PasswordResetTests : IAsyncLifetime
{
    private const string NewPassword = "Orchard-Compass-318";
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private AccountScenario _scenario = null!;

    private AppFactory App => _scenario.App;

    public async ValueTask InitializeAsync() => _scenario = await AccountScenario.StartAsync(_time);

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Mailed_link_sets_a_new_password_ends_other_sessions_and_is_audited()
    {
        var person = await App.Accounts.AddAsync("Wren Halloway");
        var otherSession = await App.CreateSignedInClientAsync(person);
        var client = App.CreateBrowserClient();

        using var asked = await RequestResetAsync(client, person.Email!);
        var link = await _scenario.LinkInMailAsync();
        using var reset = await SubmitNewPasswordAsync(client, link, NewPassword, NewPassword);
        // Open sessions check the security stamp again after the revalidation interval (30 seconds).
        _time.Advance(TimeSpan.FromMinutes(1));
        using var otherHome = await otherSession.GetAsync("/");
        using var oldPassword = await client.SubmitLoginAsync(person.Email!, TestAccounts.Password);
        using var newPassword = await client.SubmitLoginAsync(person.Email!, NewPassword);

        Assert.StartsWith("/account/reset-password?id=", link, StringComparison.Ordinal);
        Assert.Equal(
            "Your new password is saved. Any other session of yours has ended.",
            AccountScenario.TextOf(await reset.Content.ReadAsStringAsync(), "account-notice"));
        Assert.Equal(HttpStatusCode.Redirect, otherHome.StatusCode);
        Assert.Equal(AccountPages.LoginPath, otherHome.Headers.Location!.AbsolutePath);
        Assert.False(AccountPages.SetsAuthCookie(oldPassword));
        Assert.True(AccountPages.SetsAuthCookie(newPassword));
        var audit = Assert.Single(await _scenario.AuditAsync(AuditKind.PasswordReset));
        Assert.Equal(person.Id, audit.ActorId);
    }

    [Fact]
    public async Task Forgot_password_answers_the_same_for_an_unknown_address_and_mails_only_real_accounts()
    {
        var person = await App.Accounts.AddAsync("Wren Halloway");
        var client = App.CreateBrowserClient();

        using var unknown = await RequestResetAsync(client, "nobody@mentors.test");
        using var known = await RequestResetAsync(client, person.Email!);
        var messages = await _scenario.Smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(20));

        Assert.Equal(
            AccountScenario.TextOf(await known.Content.ReadAsStringAsync(), "account-notice"),
            AccountScenario.TextOf(await unknown.Content.ReadAsStringAsync(), "account-notice"));
        Assert.Equal(person.Email, Assert.Single(messages).To.Mailboxes.Single().Address);
        Assert.DoesNotContain(TestAccounts.Password, messages[0].TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Password123!", "Password123!", "This password is one of the most common ones")]
    [InlineData("Halloway-River-5", "Halloway-River-5", "The password must not contain your name")]
    [InlineData("Orchard-Compass-318", "Orchard-Compass-319", "The two passwords are not the same.")]
    [InlineData("Sunshine2026!", "Sunshine2026!", "This password is one of the most common ones")]
    [InlineData("Lamp-7a", "Lamp-7a", "The password must have at least 8 characters.")]
    public async Task Refused_new_password_says_why_and_keeps_the_old_one(
        string password, string confirmation, string message)
    {
        var person = await App.Accounts.AddAsync("Wren Halloway");
        var client = App.CreateBrowserClient();
        using var asked = await RequestResetAsync(client, person.Email!);
        var link = await _scenario.LinkInMailAsync();

        using var reset = await SubmitNewPasswordAsync(client, link, password, confirmation);
        using var oldPassword = await client.SubmitLoginAsync(person.Email!, TestAccounts.Password);

        Assert.StartsWith(
            message,
            AccountScenario.TextOf(await reset.Content.ReadAsStringAsync(), "account-error"),
            StringComparison.Ordinal);
        Assert.True(AccountPages.SetsAuthCookie(oldPassword));
        Assert.Empty(await _scenario.AuditAsync(AuditKind.PasswordReset));
    }

    [Fact]
    public async Task Reset_link_works_only_once()
    {
        var person = await App.Accounts.AddAsync("Wren Halloway");
        var client = App.CreateBrowserClient();
        using var asked = await RequestResetAsync(client, person.Email!);
        var link = await _scenario.LinkInMailAsync();
        using var first = await SubmitNewPasswordAsync(client, link, NewPassword, NewPassword);

        using var second = await SubmitNewPasswordAsync(client, link, "Second-Harbour-77", "Second-Harbour-77");
        using var signIn = await client.SubmitLoginAsync(person.Email!, NewPassword);

        Assert.Equal(
            "This link is no longer valid. Ask for a new one.",
            AccountScenario.TextOf(await second.Content.ReadAsStringAsync(), "account-error"));
        Assert.True(AccountPages.SetsAuthCookie(signIn));
    }

    private static Task<HttpResponseMessage> RequestResetAsync(HttpClient client, string email) =>
        client.SubmitFormAsync("/account/forgot-password", "account-email-request", new() { ["Input.Email"] = email });

    private static Task<HttpResponseMessage> SubmitNewPasswordAsync(
        HttpClient client, string link, string password, string confirmation) =>
        client.SubmitFormAsync(
            link,
            "reset-password",
            new() { ["Input.Password"] = password, ["Input.Confirmation"] = confirmation });
}
