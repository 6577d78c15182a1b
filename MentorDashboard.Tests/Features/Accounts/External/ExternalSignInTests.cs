using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using AngleSharp.Html.Parser;
using MentorDashboard.Data;
using MentorDashboard.Features.Accounts;
using MentorDashboard.Features.Accounts.External;
using MentorDashboard.Features.Audit;
using MentorDashboard.Features.People;
using MentorDashboard.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Tests.Features.Accounts.External;

/// <summary>
/// Sign-in through a network's OpenID Connect provider, end to end against a real provider on loopback: the app
/// in memory, the provider in Node, a browser without script walking between them.
/// </summary>
public sealed class ExternalSignInTests(OidcProvider provider) : IClassFixture<OidcProvider>, IAsyncLifetime
{
    public const string Scheme = "contoso";

    private const string NoInvitation = "No invitation for this address — ask your coordinator.";

    private const string ProviderRefusal =
        "The sign-in provider's answer could not be accepted. Try again, or ask your coordinator.";

    private readonly FixedTime _clock = new(DateTimeOffset.UtcNow);
    private AppFactory _factory = null!;
    private WebApplicationFactory<Program> _app = null!;
    private Network _network = null!;
    private Programme _programme = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = await AppFactory.CreateAsync();
        _network = await _factory.Data.AddNetworkAsync("Harbour Network");
        _programme = await _factory.Data.AddProgrammeAsync(_network.Id, "Harbour Mentors");
        _app = provider.ConfigureApp(_factory, _network.Id, _clock);
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Sign_in_page_offers_the_provider_and_keeps_only_a_safe_return_url()
    {
        using var client = NewClient();

        var local = await ButtonOnLoginPageAsync(client, "/programmes/7/newsroom");
        var foreign = await ButtonOnLoginPageAsync(client, "https://evil.example/");

        Assert.Equal("Sign in with Contoso staff", local.Text);
        Assert.Equal($"/account/external/{Scheme}?returnUrl=%2Fprogrammes%2F7%2Fnewsroom", local.Href);
        Assert.Equal($"/account/external/{Scheme}?returnUrl=%2F", foreign.Href);
    }

    [Fact]
    public async Task Challenge_for_an_unknown_provider_is_not_found()
    {
        using var client = NewClient();

        using var response = await client.GetAsync("/account/external/fabrikam");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Invited_address_gets_an_account_and_membership_and_signs_in_again_by_its_link()
    {
        var invitation = await InviteAsync("quinn.aldous@harbour.test", _programme.Id);
        using var browser = NewBrowser();

        var first = await SignInAsync(browser, "quinn.aldous@harbour.test", returnUrl: "/programmes");
        using var again = NewBrowser();
        var second = await SignInAsync(again, "quinn.aldous@harbour.test");

        Assert.Equal("/programmes", first.Url.PathAndQuery);
        Assert.Equal("/", second.Url.PathAndQuery);
        Assert.True(await IsSignedInAsync(again.App));
        await using var db = await _factory.Database.OpenAsync();
        var person = await db.Users.SingleAsync(p => p.NormalizedEmail == "QUINN.ALDOUS@HARBOUR.TEST");
        Assert.Equal("Quinn Aldous", person.DisplayName);
        Assert.True(person.EmailConfirmed);
        Assert.Null(person.PasswordHash);
        var membership = await db.Memberships.SingleAsync(m => m.PersonId == person.Id);
        Assert.Equal((_programme.Id, ProgrammeRole.Mentor), (membership.ProgrammeId, membership.Role));
        var accepted = await db.Set<Invitation>().SingleAsync(i => i.Id == invitation.Id);
        Assert.Equal(person.Id, accepted.AcceptedById);
        Assert.Equal(_clock.Now.UtcDateTime, accepted.AcceptedAtUtc);
        Assert.Equal(Scheme, (await db.UserLogins.SingleAsync(l => l.UserId == person.Id)).LoginProvider);
        var signIns = await db.Set<AuditEntry>().Where(a => a.Kind == AuditKind.SignedIn).ToListAsync();
        Assert.Equal(2, signIns.Count);
        var granted = Assert.Single(
            await db.Set<AuditEntry>().Where(a => a.Kind == AuditKind.RoleGranted).ToListAsync());
        Assert.Equal((person.Id, "Mentor"), (granted.SubjectId, granted.Detail));
        Assert.All(signIns, a => Assert.Equal((person.Id, $"oidc:{Scheme}"), (a.ActorId, a.Detail)));
    }

    [Fact]
    public async Task Existing_member_of_the_network_is_linked_and_signed_in()
    {
        var person = await AddPersonAsync("Ines Morrow", "ines.morrow@harbour.test", _programme.Id);
        using var browser = NewBrowser();

        var page = await SignInAsync(browser, "ines.morrow@harbour.test");

        Assert.Equal("/", page.Url.PathAndQuery);
        Assert.True(await IsSignedInAsync(browser.App));
        await using var db = await _factory.Database.OpenAsync();
        Assert.Equal(person.Id, (await db.UserLogins.SingleAsync(l => l.LoginProvider == Scheme)).UserId);
        Assert.Equal(1, await db.Users.CountAsync());
    }

    [Fact]
    public async Task Address_without_an_invitation_to_the_network_is_refused_and_nothing_is_stored()
    {
        var elsewhere = await _factory.Data.AddNetworkAsync("Riverside Network");
        var riverside = await _factory.Data.AddProgrammeAsync(elsewhere.Id, "Riverside Mentors");
        var invitation = await InviteAsync("tobin.vale@harbour.test", riverside.Id);
        await AddPersonAsync("Tobin Vale", "tobin.vale@harbour.test", riverside.Id);
        using var browser = NewBrowser();

        var page = await SignInAsync(browser, "tobin.vale@harbour.test");

        await AssertRefusedAsync(browser, page, NoInvitation, "NoInvitation");
        await using var db = await _factory.Database.OpenAsync();
        Assert.Null((await db.Set<Invitation>().SingleAsync(i => i.Id == invitation.Id)).AcceptedAtUtc);
        Assert.Equal(1, await db.Memberships.CountAsync());
    }

    [Fact]
    public async Task Address_the_provider_has_not_verified_is_refused_even_with_an_invitation()
    {
        var invitation = await InviteAsync("pell.arden@harbour.test", _programme.Id);
        using var browser = NewBrowser();

        var page = await SignInAsync(browser, "unverified:pell.arden@harbour.test");

        await AssertRefusedAsync(
            browser,
            page,
            "Your provider has not confirmed your e-mail address. Confirm it there, then try again.",
            "EmailNotVerified");
        await using var db = await _factory.Database.OpenAsync();
        Assert.Null((await db.Set<Invitation>().SingleAsync(i => i.Id == invitation.Id)).AcceptedAtUtc);
    }

    [Fact]
    public async Task Disabled_person_is_refused_and_not_linked()
    {
        var person = await AddPersonAsync("Maren Holt", "maren.holt@harbour.test", _programme.Id, disabled: true);
        using var browser = NewBrowser();

        var page = await SignInAsync(browser, "maren.holt@harbour.test");

        await AssertRefusedAsync(
            browser, page, "Your account has been disabled. Ask your coordinator.", "Disabled", person.Id);
    }

    [Fact]
    public async Task Person_with_two_factor_sign_in_is_sent_on_to_the_second_factor()
    {
        var person = await AddPersonAsync("Oskar Lind", "oskar.lind@harbour.test", _programme.Id);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Person>>();
            var stored = await users.FindByIdAsync(person.Id);
            await users.ResetAuthenticatorKeyAsync(stored!);
            await users.SetTwoFactorEnabledAsync(stored!, true);
        }

        using var browser = NewBrowser();
        var page = await SignInAsync(browser, "oskar.lind@harbour.test");

        Assert.Equal(AccountsExtensions.TwoFactorPath, page.Url.AbsolutePath);
        Assert.DoesNotContain("two-factor sign-in: sign in with your e-mail", page.Html, StringComparison.Ordinal);
        Assert.False(await IsSignedInAsync(browser.App));
    }

    [Fact]
    public async Task Disabled_person_with_a_linked_login_is_refused()
    {
        var person = await AddPersonAsync("Maren Holt", "maren.holt@harbour.test", _programme.Id);
        using (var first = NewBrowser())
        {
            await SignInAsync(first, "maren.holt@harbour.test");
        }

        await using (var db = await _factory.Database.OpenAsync())
        {
            await db.Users.Where(p => p.Id == person.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.DisabledAtUtc, _clock.Now.UtcDateTime));
        }

        using var browser = NewBrowser();
        var page = await SignInAsync(browser, "maren.holt@harbour.test");

        Assert.Equal(
            "Your account has been disabled. Ask your coordinator.", RefusalOn(page));
        Assert.False(await IsSignedInAsync(browser.App));
    }

    [Fact]
    public async Task Cancelling_at_the_provider_shows_the_refusal_page()
    {
        using var browser = NewBrowser();
        var start = new Uri(browser.App.BaseAddress!, $"/account/external/{Scheme}");
        var loginForm = await browser.GetAsync(start);
        var cancel = new HtmlParser().ParseDocument(loginForm.Html).QuerySelector("a[href*='abort']")
            ?? throw new InvalidOperationException("The provider's login page has no cancel link.");

        var answer = await browser.GetAsync(new Uri(loginForm.Url, cancel.GetAttribute("href")));
        var page = await browser.SubmitAsync(answer);

        await AssertRefusedAsync(browser, page, ProviderRefusal, "provider");
    }

    [Fact]
    public async Task Id_token_the_provider_issued_to_another_application_is_refused()
    {
        await InviteAsync("orla.penn@harbour.test", _programme.Id);
        using var browser = NewBrowser();
        var answer = await ReachProviderAnswerAsync(browser, "orla.penn@harbour.test", "/");
        var foreignToken = await IdTokenOfOtherApplicationAsync(browser);

        // The provider's answer to our app, with a real id_token slipped in that was issued to the other app.
        var page = await browser.SubmitAsync(answer, new Dictionary<string, string> { ["id_token"] = foreignToken });

        await AssertRefusedAsync(browser, page, ProviderRefusal, "audience");
        await AssertNobodyJoinedAsync();
    }

    [Fact]
    public async Task Id_token_past_its_expiry_by_the_app_clock_is_refused()
    {
        await InviteAsync("orla.penn@harbour.test", _programme.Id);
        using var browser = NewBrowser();
        var answer = await ReachProviderAnswerAsync(browser, "orla.penn@harbour.test", "/");

        // The provider's id tokens live an hour; the answer reaches the app two hours after it was issued.
        _clock.Now += TimeSpan.FromHours(2);
        var page = await browser.SubmitAsync(answer);

        await AssertRefusedAsync(browser, page, ProviderRefusal, "lifetime");
        await AssertNobodyJoinedAsync();
    }

    private HttpClient NewClient() => _app.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    private TwoSiteBrowser NewBrowser() => new(NewClient(), provider.Issuer);

    /// <summary>Signs in at the provider as the login and lets the browser carry its answer to the app.</summary>
    private static async Task<BrowsedPage> SignInAsync(TwoSiteBrowser browser, string login, string returnUrl = "/") =>
        await browser.SubmitAsync(await ReachProviderAnswerAsync(browser, login, returnUrl));

    /// <summary>
    /// Clicks the sign-in button, signs in at the provider's login form and consents; returns the provider's
    /// answer (a form the browser would post back to the app) without posting it.
    /// </summary>
    private static async Task<BrowsedPage> ReachProviderAnswerAsync(
        TwoSiteBrowser browser, string login, string returnUrl)
    {
        var start = QueryHelpers.AddQueryString($"/account/external/{Scheme}", "returnUrl", returnUrl);
        var loginForm = await browser.GetAsync(new Uri(browser.App.BaseAddress!, start));
        var consent = await browser.SubmitAsync(
            loginForm, new Dictionary<string, string> { ["login"] = login, ["password"] = "any" });
        var answer = await browser.SubmitAsync(consent);
        Assert.Equal($"/signin-oidc-{Scheme}", ActionOf(answer).AbsolutePath);
        return answer;
    }

    /// <summary>
    /// The other application's sign-in at the same provider, by the same person (their session there is open):
    /// code flow with PKCE, then the code redeemed at the token endpoint as that application's server would.
    /// </summary>
    private async Task<string> IdTokenOfOtherApplicationAsync(TwoSiteBrowser browser)
    {
        var verifier = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var challenge = WebEncoders.Base64UrlEncode(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier)));
        var query = new Dictionary<string, string?>
        {
            ["client_id"] = OidcProvider.OtherClientId,
            ["redirect_uri"] = OidcProvider.OtherRedirectUri.ToString(),
            ["response_type"] = "code",
            ["scope"] = "openid email",
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
        };
        var authorize = QueryHelpers.AddQueryString(new Uri(provider.Issuer, "/auth").ToString(), query);
        var consent = await browser.GetAsync(new Uri(authorize));
        var redirect = (await browser.SubmitAsync(consent)).Location
            ?? throw new InvalidOperationException("The provider did not send the other application a code.");
        var code = QueryHelpers.ParseQuery(redirect.Query)["code"].ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(provider.Issuer, "/token"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["code"] = code,
                ["redirect_uri"] = OidcProvider.OtherRedirectUri.ToString(),
                ["code_verifier"] = verifier,
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(
            System.Text.Encoding.ASCII.GetBytes($"{OidcProvider.OtherClientId}:{OidcProvider.OtherClientSecret}")));
        using var response = await browser.Provider.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var tokens = await response.Content.ReadFromJsonAsync<Dictionary<string, object>>();
        return tokens!["id_token"].ToString()!;
    }

    private async Task AssertRefusedAsync(
        TwoSiteBrowser browser,
        BrowsedPage page,
        string message,
        string reason,
        string? actorId = null)
    {
        Assert.Equal(ExternalSignInExtensions.RefusedPath, page.Url.AbsolutePath);
        Assert.Equal(message, RefusalOn(page));
        Assert.DoesNotContain("Exception", page.Html, StringComparison.Ordinal);
        Assert.False(await IsSignedInAsync(browser.App));
        await using var db = await _factory.Database.OpenAsync();
        Assert.Empty(await db.UserLogins.ToListAsync());
        var failure = await db.Set<AuditEntry>().SingleAsync();
        Assert.Equal(AuditKind.SignInFailed, failure.Kind);
        Assert.Equal($"oidc:{Scheme}:{reason}", failure.Detail);
        Assert.Equal(actorId, failure.ActorId);
    }

    private async Task AssertNobodyJoinedAsync()
    {
        await using var db = await _factory.Database.OpenAsync();
        Assert.Equal(0, await db.Users.CountAsync());
        Assert.Null((await db.Set<Invitation>().SingleAsync()).AcceptedAtUtc);
    }

    private static async Task<bool> IsSignedInAsync(HttpClient client)
    {
        using var home = await client.GetAsync("/");
        return home.StatusCode == HttpStatusCode.OK;
    }

    private static string? RefusalOn(BrowsedPage page) =>
        new HtmlParser().ParseDocument(page.Html).QuerySelector("#external-refused")?.TextContent.Trim();

    private static Uri ActionOf(BrowsedPage page) => new(
        page.Url,
        new HtmlParser().ParseDocument(page.Html).QuerySelector("form")?.GetAttribute("action") ?? "");

    private static async Task<(string Text, string? Href)> ButtonOnLoginPageAsync(HttpClient client, string returnUrl)
    {
        var html = await client.GetStringAsync($"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        var button = new HtmlParser().ParseDocument(html).QuerySelector($"#external-{Scheme}")
            ?? throw new InvalidOperationException("The sign-in page has no button for the provider.");
        return (button.TextContent.Trim(), button.GetAttribute("href"));
    }

    private Task<Invitation> InviteAsync(string email, int programmeId) =>
        Invitations.AddAsync(_factory.Database, email, programmeId, _clock.Now.UtcDateTime);

    /// <summary>A person with an e-mail but no password, created through the app's own user manager.</summary>
    private async Task<Person> AddPersonAsync(string name, string email, int programmeId, bool disabled = false)
    {
        var person = new Person
        {
            DisplayName = name,
            Email = email,
            UserName = email,
            EmailConfirmed = true,
            DisabledAtUtc = disabled ? _clock.Now.UtcDateTime : null,
        };
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<UserManager<Person>>().CreateAsync(person);
            Assert.True(created.Succeeded);
        }

        await using var db = await _factory.Database.OpenAsync();
        db.Memberships.Add(
            new Membership { PersonId = person.Id, ProgrammeId = programmeId, Role = ProgrammeRole.Mentor });
        await db.SaveChangesAsync();
        return person;
    }
}
