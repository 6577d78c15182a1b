using System.Net;
using MentorDashboard.Data;
using MentorDashboard.Features.Audit;
using MentorDashboard.Tests.Support;
using Microsoft.AspNetCore.Identity;

namespace MentorDashboard.Tests.Features.Accounts;

public sealed class TwoFactorSignInTests : IAsyncLifetime
{
    private AccountScenario _scenario = null!;
    private Network _network = null!;

    private AppFactory App => _scenario.App;

    public async ValueTask InitializeAsync()
    {
        _scenario = await AccountScenario.StartAsync();
        _network = await App.Data.AddNetworkAsync();
    }

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Admin_signs_in_only_after_the_code_from_the_authenticator()
    {
        var admin = await App.Accounts.AddAsync("Ansel Crowe", adminOfNetworkId: _network.Id);
        var client = App.CreateBrowserClient();

        using var password = await client.SubmitLoginAsync(admin.Email!, TestAccounts.Password);
        using var between = await client.GetAsync("/");
        using var code = await client.SubmitTwoFactorCodeAsync(
            password.Headers.Location!.OriginalString, Totp.CodeNow(TestAccounts.AuthenticatorKey));
        using var home = await client.GetAsync("/");

        Assert.True(AccountPages.IsTwoFactorStep(password));
        Assert.False(AccountPages.SetsAuthCookie(password));
        Assert.Equal(HttpStatusCode.Redirect, between.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.True(AccountPages.SetsAuthCookie(code));
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.NotNull(AccountScenario.TextOf(await home.Content.ReadAsStringAsync(), "framework-link"));
        Assert.Equal("TwoFactor", Assert.Single(await _scenario.AuditAsync(AuditKind.SignedIn)).Detail);
    }

    [Fact]
    public async Task Recovery_code_signs_in_once()
    {
        var admin = await App.Accounts.AddAsync("Ansel Crowe", adminOfNetworkId: _network.Id);
        var recoveryCode = (await NewRecoveryCodesAsync(admin))[0];

        using var first = await SignInWithSecondStepAsync(App.CreateBrowserClient(), admin, recoveryCode);
        using var second = await SignInWithSecondStepAsync(App.CreateBrowserClient(), admin, recoveryCode);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.True(AccountPages.SetsAuthCookie(first));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(
            "That code is not right. Codes change every 30 seconds: check that your phone's clock is right.",
            AccountPages.LoginErrorIn(await second.Content.ReadAsStringAsync()));
        Assert.False(AccountPages.SetsAuthCookie(second));
    }

    [Fact]
    public async Task Five_wrong_codes_lock_the_account()
    {
        var admin = await App.Accounts.AddAsync("Ansel Crowe", adminOfNetworkId: _network.Id);
        var client = App.CreateBrowserClient();
        using var password = await client.SubmitLoginAsync(admin.Email!, TestAccounts.Password);
        var step = password.Headers.Location!.OriginalString;
        var errors = new List<string?>();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await client.SubmitTwoFactorCodeAsync(step, WrongCode());
            errors.Add(AccountPages.LoginErrorIn(await wrong.Content.ReadAsStringAsync()));
        }

        using var right = await client.SubmitTwoFactorCodeAsync(step, Totp.CodeNow(TestAccounts.AuthenticatorKey));

        Assert.Equal("Too many failed attempts. Try again in 15 minutes.", errors[4]);
        Assert.Equal(
            "Too many failed attempts. Try again in 15 minutes.",
            AccountPages.LoginErrorIn(await right.Content.ReadAsStringAsync()));
        Assert.False(AccountPages.SetsAuthCookie(right));
        // The attempt that locked the account and the one refused while it was locked.
        Assert.Equal(2, (await _scenario.AuditAsync(AuditKind.LockedOut)).Count);
    }

    [Fact]
    public async Task Admin_without_two_factor_sign_in_has_no_admin_rights_and_is_shown_the_way()
    {
        var admin = await App.Accounts.AddAsync("Ansel Crowe", adminOfNetworkId: _network.Id, twoFactor: false);
        var client = await App.CreateSignedInClientAsync(admin);

        using var home = await client.GetAsync("/");
        using var export = await client.GetAsync("/api/framework/export");
        var page = await home.Content.ReadAsStringAsync();

        Assert.StartsWith(
            "Your network admin rights start once you turn on two-factor sign-in.",
            AccountScenario.TextOf(page, "two-factor-required"),
            StringComparison.Ordinal);
        Assert.Null(AccountScenario.TextOf(page, "framework-link"));
        Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode);
    }

    [Fact]
    public async Task Demo_admin_keeps_admin_rights_without_two_factor_in_development()
    {
        var admin = await App.Accounts.AddAsync(
            "Demo Admin", adminOfNetworkId: _network.Id, isDemo: true, twoFactor: false);
        var client = await App.CreateSignedInClientAsync(admin);

        using var home = await client.GetAsync("/");
        var page = await home.Content.ReadAsStringAsync();

        Assert.NotNull(AccountScenario.TextOf(page, "framework-link"));
        Assert.Null(AccountScenario.TextOf(page, "two-factor-required"));
    }

    private static async Task<HttpResponseMessage> SignInWithSecondStepAsync(
        HttpClient client, Person person, string code)
    {
        using var password = await client.SubmitLoginAsync(person.Email!, TestAccounts.Password);
        return await client.SubmitTwoFactorCodeAsync(password.Headers.Location!.OriginalString, code);
    }

    private async Task<List<string>> NewRecoveryCodesAsync(Person person)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Person>>();
        var stored = await users.FindByIdAsync(person.Id);
        return [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(stored!, 10) ?? []];
    }

    [Fact]
    public async Task Code_that_signed_in_once_does_not_sign_in_a_second_time()
    {
        var admin = await App.Accounts.AddAsync("Ansel Crowe", adminOfNetworkId: _network.Id);
        var code = Totp.CodeNow(TestAccounts.AuthenticatorKey);
        var first = App.CreateBrowserClient();
        var second = App.CreateBrowserClient();

        using var firstPassword = await first.SubmitLoginAsync(admin.Email!, TestAccounts.Password);
        using var firstCode = await first.SubmitTwoFactorCodeAsync(
            firstPassword.Headers.Location!.OriginalString, code);
        using var secondPassword = await second.SubmitLoginAsync(admin.Email!, TestAccounts.Password);
        using var secondCode = await second.SubmitTwoFactorCodeAsync(
            secondPassword.Headers.Location!.OriginalString, code);

        Assert.True(AccountPages.SetsAuthCookie(firstCode));
        Assert.False(AccountPages.SetsAuthCookie(secondCode));
        Assert.NotNull(AccountPages.LoginErrorIn(await secondCode.Content.ReadAsStringAsync()));
    }

    /// <summary>A six-digit code that is not the right one now nor in the minutes around it.</summary>
    private static string WrongCode()
    {
        var now = DateTimeOffset.UtcNow;
        var near = Enumerable.Range(-3, 7)
            .Select(step => Totp.CodeAt(TestAccounts.AuthenticatorKey, now.AddSeconds(30 * step)))
            .ToHashSet();
        return Enumerable.Range(0, 10).Select(d => new string((char)('0' + d), 6)).First(c => !near.Contains(c));
    }
}
