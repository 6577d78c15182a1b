using System.Net;
using AngleSharp.Html.Parser;
using MentorDashboard.Tests.Support;

namespace MentorDashboard.Tests.Features.Accounts;

public sealed class LoginTests : IAsyncLifetime
{
    private AppFactory _app = null!;

    public async ValueTask InitializeAsync() => _app = await AppFactory.CreateAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Right_password_redirects_home_and_the_cookie_opens_the_home_page()
    {
        var person = await _app.Accounts.AddAsync("Wren Halloway");
        var client = _app.CreateBrowserClient();

        using var response = await client.SubmitLoginAsync(person.Email!, TestAccounts.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", LocalTarget(client, response));
        Assert.True(AccountPages.SetsAuthCookie(response));
        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal("My programmes", HeadingOf(await home.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Wrong_password_shows_an_error_and_sets_no_auth_cookie()
    {
        var person = await _app.Accounts.AddAsync("Wren Halloway");
        var client = _app.CreateBrowserClient();

        using var response = await client.SubmitLoginAsync(person.Email!, "Not-The-Password-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            "That e-mail and password do not match an account.",
            AccountPages.LoginErrorIn(await response.Content.ReadAsStringAsync()));
        Assert.False(AccountPages.SetsAuthCookie(response));
        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("/\t/evil.example", "/")]
    [InlineData("/\u3000x", "/")]
    [InlineData("/programmes/7/newsroom?tab=latest", "/programmes/7/newsroom?tab=latest")]
    public async Task Sign_in_follows_a_local_return_url_and_goes_home_otherwise(string returnUrl, string target)
    {
        var person = await _app.Accounts.AddAsync("Wren Halloway");
        var client = _app.CreateBrowserClient();

        using var response = await client.SubmitLoginAsync(person.Email!, TestAccounts.Password, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(target, LocalTarget(client, response));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var person = await _app.Accounts.AddAsync("Wren Halloway");
        var client = _app.CreateBrowserClient();
        var errors = new List<string?>();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await client.SubmitLoginAsync(person.Email!, $"Wrong-Guess-{attempt}");
            errors.Add(AccountPages.LoginErrorIn(await wrong.Content.ReadAsStringAsync()));
        }

        using var right = await client.SubmitLoginAsync(person.Email!, TestAccounts.Password);

        Assert.All(errors[..4], e => Assert.Equal("That e-mail and password do not match an account.", e));
        Assert.Equal("Too many failed attempts. Try again in 15 minutes.", errors[4]);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(
            "Too many failed attempts. Try again in 15 minutes.",
            AccountPages.LoginErrorIn(await right.Content.ReadAsStringAsync()));
        Assert.False(AccountPages.SetsAuthCookie(right));
    }

    [Fact]
    public async Task Second_account_with_the_same_e_mail_is_refused()
    {
        await _app.Accounts.AddAsync("Wren Halloway");

        var duplicate = await Assert.ThrowsAsync<InvalidOperationException>(
            () => _app.Accounts.AddAsync("Wren Halloway"));

        Assert.Contains("is already taken", duplicate.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_works_over_kestrel_on_a_loopback_port()
    {
        var address = _app.StartKestrelServer();
        var person = await _app.Accounts.AddAsync("Wren Halloway");
        var client = _app.CreateBrowserClient();

        await client.SignInAsync(person);
        using var home = await client.GetAsync("/");

        Assert.Equal(IPAddress.Loopback.ToString(), address.Host);
        Assert.NotEqual(0, address.Port);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal("My programmes", HeadingOf(await home.Content.ReadAsStringAsync()));
    }

    /// <summary>Where a redirect leads, as path and query; fails when it leads off the app's own address.</summary>
    private static string LocalTarget(HttpClient client, HttpResponseMessage response)
    {
        var app = client.BaseAddress!;
        var target = new Uri(app, response.Headers.Location!);
        Assert.Equal(app.GetLeftPart(UriPartial.Authority), target.GetLeftPart(UriPartial.Authority));
        return target.PathAndQuery;
    }

    private static string? HeadingOf(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelector("h1")?.TextContent.Trim();
}
