using System.Net;
using AngleSharp.Html.Parser;
using MentorDashboard.Data;
using MentorDashboard.Features.People;
using MentorDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Tests.Features.People;

/// <summary>
/// The accept page over HTTP, as a browser without script uses it: open the link from the e-mail, post its form,
/// follow the redirect signed in. The whole app runs with a loopback SMTP server.
/// </summary>
public sealed class AcceptInvitationPageTests : IAsyncLifetime
{
    private const string TokenField = "__RequestVerificationToken";

    private LoopbackSmtpServer _smtp = null!;
    private AppFactory _app = null!;
    private Programme _programme = null!;
    private Person _coordinator = null!;

    public async ValueTask InitializeAsync()
    {
        _smtp = await LoopbackSmtpServer.StartAsync();
        _app = await AppFactory.CreateAsync();
        PeopleScenario.SendMailTo(_app, _smtp);
        var network = await _app.Data.AddNetworkAsync();
        _programme = await _app.Data.AddProgrammeAsync(network.Id, "Harbour Mentors");
        _coordinator = await _app.Accounts.AddAsync("Marta Coordinator", _programme.Id, ProgrammeRole.Coordinator);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task New_person_accepts_through_the_page_and_arrives_signed_in_in_the_newsroom()
    {
        var link = await InviteAsync("lena.newcomer@mentors.test");
        var client = _app.CreateBrowserClient();

        var page = await client.GetStringAsync(link);

        Assert.Contains("Harbour Mentors", TextOf(page, "#invitation-summary"));
        using var accepted = await PostFormAsync(client, link, page, "accept-new", new()
        {
            ["Input.DisplayName"] = "Lena Newcomer",
            ["Input.Password"] = "Harbour-Lights-9",
        });

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal($"/programmes/{_programme.Id}/newsroom", accepted.Headers.Location?.PathAndQuery);
        Assert.True(AccountPages.SetsAuthCookie(accepted));
        var home = await client.GetStringAsync("/");
        Assert.Contains("Harbour Mentors", home);
        Assert.Contains("Lena Newcomer", await MemberNamesAsync());
        Assert.Contains("used already", TextOf(await client.GetStringAsync(link), "#invitation-state"));
    }

    [Fact]
    public async Task Weak_password_shows_identity_reasons_and_keeps_the_link_working()
    {
        var link = await InviteAsync("lena.newcomer@mentors.test");
        var client = _app.CreateBrowserClient();

        using var refused = await PostFormAsync(client, link, await client.GetStringAsync(link), "accept-new", new()
        {
            ["Input.DisplayName"] = "Lena Newcomer",
            ["Input.Password"] = "short",
        });
        var page = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("at least 8 characters", TextOf(page, "#accept-error"));
        Assert.DoesNotContain("value=\"short\"", page);
        Assert.False(AccountPages.SetsAuthCookie(refused));
        Assert.DoesNotContain("Lena Newcomer", await MemberNamesAsync());
        Assert.NotNull(new HtmlParser().ParseDocument(await client.GetStringAsync(link)).QuerySelector("#accept-name"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("?token=not-a-token")]
    [InlineData("?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Unknown_link_says_so_and_offers_no_form(string query)
    {
        var client = _app.CreateBrowserClient();

        var page = await client.GetStringAsync($"/invitations/accept{query}");

        Assert.Contains("not valid", TextOf(page, "#invitation-state"));
        Assert.Null(new HtmlParser().ParseDocument(page).QuerySelector("#accept-submit"));
    }

    [Fact]
    public async Task Existing_account_signs_in_through_the_link_and_accepts()
    {
        var lena = await _app.Accounts.AddAsync("Lena Owner");
        var link = await InviteAsync(lena.Email!);
        var client = _app.CreateBrowserClient();

        var signInLink = new HtmlParser().ParseDocument(await client.GetStringAsync(link))
            .QuerySelector("#accept-sign-in")?.GetAttribute("href");
        var returnUrl = Uri.UnescapeDataString(signInLink!.Split("returnUrl=")[1]);
        using var signedIn = await client.SubmitLoginAsync(lena.Email!, TestAccounts.Password, returnUrl);

        Assert.Equal(link, signedIn.Headers.Location?.PathAndQuery);
        using var accepted = await PostFormAsync(
            client, link, await client.GetStringAsync(link), "accept-existing", []);

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Contains("Lena Owner", await MemberNamesAsync());
    }

    [Fact]
    public async Task Another_signed_in_account_is_refused_and_nothing_changes()
    {
        var lena = await _app.Accounts.AddAsync("Lena Owner");
        var tomas = await _app.Accounts.AddAsync("Tomas Forwarded");
        var link = await InviteAsync(lena.Email!);
        var client = await _app.CreateSignedInClientAsync(tomas);

        using var refused = await PostFormAsync(
            client, link, await client.GetStringAsync(link), "accept-existing", []);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("another e-mail address", TextOf(await refused.Content.ReadAsStringAsync(), "#accept-error"));
        Assert.DoesNotContain("Tomas Forwarded", await MemberNamesAsync());
        Assert.DoesNotContain("Lena Owner", await MemberNamesAsync());
    }

    /// <summary>Marta invites the address through the app's own service; returns the link's path and query.</summary>
    private async Task<string> InviteAsync(string email)
    {
        var result = await _app.Services.GetRequiredService<InvitationService>().InviteAsync(
            PeopleScenario.As(_coordinator),
            _programme.Id,
            new InvitationInput { Email = email, Role = ProgrammeRole.Mentor },
            new Uri("http://localhost/"));
        Assert.Empty(result.Errors);
        var message = (await _smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(10)))[^1];
        return $"/invitations/accept?token={PeopleScenario.TokenIn(message)}";
    }

    private static async Task<HttpResponseMessage> PostFormAsync(
        HttpClient client, string path, string page, string formName, Dictionary<string, string> fields)
    {
        var token = new HtmlParser().ParseDocument(page).QuerySelector($"input[name='{TokenField}']")
            ?.GetAttribute("value") ?? throw new InvalidOperationException("The page has no form to post.");
        fields["_handler"] = formName;
        fields[TokenField] = token;
        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(path, form);
    }

    private static string TextOf(string page, string selector) =>
        new HtmlParser().ParseDocument(page).QuerySelector(selector)?.TextContent.Trim() ?? "";

    private async Task<IReadOnlyList<string>> MemberNamesAsync()
    {
        await using var db = await _app.Database.OpenAsync();
        return await db.Memberships
            .Where(m => m.ProgrammeId == _programme.Id)
            .Select(m => m.Person.DisplayName)
            .ToListAsync();
    }
}
