using System.Net;
using MentorDashboard.Tests.Support;

namespace MentorDashboard.Tests.Features.Accounts;

public sealed class EmailConfirmationTests : IAsyncLifetime
{
    private const string ConfirmFirst = "Confirm your e-mail address first: open the link in the e-mail we sent you.";
    private AccountScenario _scenario = null!;

    private AppFactory App => _scenario.App;

    public async ValueTask InitializeAsync() => _scenario = await AccountScenario.StartAsync();

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Unconfirmed_account_is_told_to_confirm_and_the_mailed_link_lets_it_sign_in()
    {
        var person = await App.Accounts.AddAsync("Wren Halloway", emailConfirmed: false);
        var client = App.CreateBrowserClient();

        using var refused = await client.SubmitLoginAsync(person.Email!, TestAccounts.Password);
        var refusedPage = await refused.Content.ReadAsStringAsync();
        using var resend = await client.SubmitFormAsync(
            "/account/resend-confirmation", "account-email-request", new() { ["Input.Email"] = person.Email! });
        var link = await _scenario.LinkInMailAsync();
        using var confirm = await client.GetAsync(link);
        using var signIn = await client.SubmitLoginAsync(person.Email!, TestAccounts.Password);

        Assert.Equal(ConfirmFirst, AccountPages.LoginErrorIn(refusedPage));
        Assert.NotNull(AccountScenario.TextOf(refusedPage, "login-resend-confirmation"));
        Assert.False(AccountPages.SetsAuthCookie(refused));
        Assert.StartsWith(
            "If an account with this address waits for confirmation",
            AccountScenario.TextOf(await resend.Content.ReadAsStringAsync(), "account-notice"));
        Assert.StartsWith("/account/confirm-email?id=", link, StringComparison.Ordinal);
        Assert.Equal(
            "Thank you: your e-mail address is confirmed. You can sign in now.",
            AccountScenario.TextOf(await confirm.Content.ReadAsStringAsync(), "account-notice"));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.True(AccountPages.SetsAuthCookie(signIn));
    }

    [Fact]
    public async Task Unconfirmed_account_with_a_wrong_password_gets_the_usual_answer()
    {
        var person = await App.Accounts.AddAsync("Wren Halloway", emailConfirmed: false);
        var client = App.CreateBrowserClient();

        using var response = await client.SubmitLoginAsync(person.Email!, "Wrong-Guess-Again-7");

        Assert.Equal(
            "That e-mail and password do not match an account.",
            AccountPages.LoginErrorIn(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Confirmation_link_with_a_changed_token_is_refused()
    {
        var person = await App.Accounts.AddAsync("Wren Halloway", emailConfirmed: false);
        var client = App.CreateBrowserClient();
        using var resend = await client.SubmitFormAsync(
            "/account/resend-confirmation", "account-email-request", new() { ["Input.Email"] = person.Email! });
        var link = await _scenario.LinkInMailAsync();

        using var confirm = await client.GetAsync(link.Replace("token=", "token=x", StringComparison.Ordinal));
        using var signIn = await client.SubmitLoginAsync(person.Email!, TestAccounts.Password);

        Assert.Equal(
            "This link is no longer valid. Ask for a new one.",
            AccountScenario.TextOf(await confirm.Content.ReadAsStringAsync(), "account-error"));
        Assert.Equal(ConfirmFirst, AccountPages.LoginErrorIn(await signIn.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Resend_answers_the_same_for_an_unknown_address_and_mails_only_real_accounts()
    {
        var person = await App.Accounts.AddAsync("Wren Halloway", emailConfirmed: false);
        var client = App.CreateBrowserClient();

        using var unknown = await client.SubmitFormAsync(
            "/account/resend-confirmation", "account-email-request", new() { ["Input.Email"] = "nobody@mentors.test" });
        using var known = await client.SubmitFormAsync(
            "/account/resend-confirmation", "account-email-request", new() { ["Input.Email"] = person.Email! });
        var messages = await _scenario.Smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(20));

        Assert.Equal(
            AccountScenario.TextOf(await known.Content.ReadAsStringAsync(), "account-notice"),
            AccountScenario.TextOf(await unknown.Content.ReadAsStringAsync(), "account-notice"));
        // The mail queue keeps order: a message for the unknown address would have arrived first.
        Assert.Equal(person.Email, Assert.Single(messages).To.Mailboxes.Single().Address);
    }
}
