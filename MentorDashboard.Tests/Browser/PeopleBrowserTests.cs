using MentorDashboard.Data;
using MentorDashboard.Features.Newsroom;
using MentorDashboard.Features.People;
using MentorDashboard.Tests.Features.People;
using MentorDashboard.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MentorDashboard.Tests.Browser;

/// <summary>
/// The people feature in a real browser: a disabled coordinator's open dashboard goes dark, and a coordinator
/// invites and removes people from the people page. Circuits re-check their person every second here.
/// </summary>
public sealed class PeopleBrowserTests : IAsyncLifetime
{
    private static readonly ViewportSize Desktop = new() { Width = 1400, Height = 1000 };

    private LoopbackSmtpServer _smtp = null!;
    private AppFactory _app = null!;
    private Chromium _chromium = null!;
    private Uri _address = null!;
    private Programme _programme = null!;
    private Person _coordinator = null!;
    private Person _admin = null!;
    private Person _mentor = null!;
    private Match _match = null!;

    public async ValueTask InitializeAsync()
    {
        _smtp = await LoopbackSmtpServer.StartAsync();
        _app = await AppFactory.CreateAsync();
        _app.Settings["Accounts:RevalidationInterval"] = "00:00:01";
        PeopleScenario.SendMailTo(_app, _smtp);
        _address = _app.StartKestrelServer();
        _chromium = await Chromium.LaunchAsync();

        var network = await _app.Data.AddNetworkAsync();
        _programme = await _app.Data.AddProgrammeAsync(network.Id, "Harbour Mentors");
        _coordinator = await _app.Accounts.AddAsync("Marta Coordinator", _programme.Id, ProgrammeRole.Coordinator);
        _admin = await _app.Accounts.AddAsync("Amira Admin", adminOfNetworkId: network.Id);
        _mentor = await _app.Accounts.AddAsync("Iker Mentor", _programme.Id, ProgrammeRole.Mentor);
        var mentee = await _app.Data.AddPersonAsync("Selam Mentee", _programme.Id, ProgrammeRole.Mentee);
        _match = await _app.Data.AddMatchAsync(_programme.Id, _mentor, mentee, new DateOnly(2026, 1, 5));
    }

    public async ValueTask DisposeAsync()
    {
        await _chromium.DisposeAsync();
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task Disabled_coordinators_open_dashboard_stops_receiving_posts_within_a_minute()
    {
        var page = await _chromium.Browser.SignInAsync(_address, _coordinator, Desktop);
        await page.GotoAsync($"/programmes/{_programme.Id}/dashboard");
        await page.WaitUntilInteractiveAsync();
        await PostAsync("We walked along the river.");
        await Expect(page.Locator("#latest-posts")).ToContainTextAsync("along the river");

        var disabled = await _app.Services.GetRequiredService<PeopleService>()
            .SetDisabledAsync(PeopleScenario.As(_admin), _programme.Id, _coordinator.Id, disabled: true);
        Assert.True(disabled.Succeeded);

        // The circuit re-checks every second here (30 seconds by default); a minute is the promise.
        await Expect(page.Locator("#login-email")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        Assert.Contains("/account/login", page.Url);
        await PostAsync("We cooked dinner together.");
        await Expect(page.Locator("#latest-posts")).ToHaveCountAsync(0);
        Assert.DoesNotContain("cooked dinner", await page.ContentAsync());
    }

    [Fact]
    public async Task Coordinator_invites_from_the_people_page_removes_a_role_and_the_invited_person_joins()
    {
        var page = await _chromium.Browser.SignInAsync(_address, _coordinator, Desktop);
        await page.GotoAsync($"/programmes/{_programme.Id}/dashboard");
        await page.WaitUntilInteractiveAsync();
        await page.Locator("#people-link").ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("People");
        await Expect(page.Locator("#members tbody tr")).ToHaveCountAsync(3);

        await page.Locator("#invite-person").ClickAsync();
        await page.Locator("#invite-email").FillAsync("not an address");
        await page.Locator("#invite-send").ClickAsync();
        await Expect(page.Locator("#invite-dialog")).ToContainTextAsync("That is not an e-mail address.");
        await page.Locator("#invite-email").FillAsync("lena.newcomer@mentors.test");
        await page.Locator("input[data-role='Mentee']").CheckAsync();
        await page.Locator("#invite-send").ClickAsync();
        await Expect(page.Locator("#invitations")).ToContainTextAsync("lena.newcomer@mentors.test");
        var message = (await _smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(10)))[0];
        Assert.Contains(_address.ToString().TrimEnd('/') + "/invitations/accept?token=", message.TextBody);

        await page.Locator("#people-search").FillAsync("iker");
        await Expect(page.Locator("#members tbody tr")).ToHaveCountAsync(1);
        await page.Locator("#members .remove-role").ClickAsync();
        await page.Locator(".mud-dialog button", new() { HasText = "Remove role" }).ClickAsync();
        await Expect(page.Locator("#members")).ToContainTextAsync("Nobody here.");
        await page.SaveScreenshotAsync("people-page.png");

        var phone = await _chromium.Browser.NewContextAsync(
            new() { ViewportSize = new() { Width = 360, Height = 740 } });
        var invited = await phone.NewPageAsync();
        await invited.GotoAsync(PeopleScenario.TokenLinkIn(message));
        await Expect(invited.Locator("#invitation-summary")).ToContainTextAsync("Harbour Mentors");
        await invited.Locator("#accept-name").FillAsync("Lena Newcomer");
        await invited.Locator("#accept-password").FillAsync("Harbour-Lights-9");
        await invited.Locator("#accept-submit").ClickAsync();
        await Expect(invited.Locator("h1")).ToHaveTextAsync("Newsroom");
        await invited.SaveScreenshotAsync("invitation-accepted.png");
    }

    private async Task PostAsync(string text)
    {
        var result = await _app.Services.GetRequiredService<PostService>().CreateAsync(
            _programme.Id,
            _mentor.Id,
            new PostInput
            {
                MatchId = _match.Id,
                Date = DateTime.Now.Date,
                Minutes = 60,
                ActivityTypeKey = TestData.ActivityKeys[0],
                TopicKeys = [TestData.TopicKeys[0]],
                Rating = 4,
                Text = text,
            });
        Assert.Empty(result.Errors);
    }
}
