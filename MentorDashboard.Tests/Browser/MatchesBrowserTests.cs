using MentorDashboard.Data;
using MentorDashboard.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MentorDashboard.Tests.Browser;

/// <summary>A coordinator follows a match from the dashboard to its page and closes it, in a real browser.</summary>
public sealed class MatchesBrowserTests : IAsyncLifetime
{
    private AppFactory _app = null!;
    private Chromium _chromium = null!;
    private Uri _address = null!;
    private Programme _programme = null!;
    private Person _coordinator = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await AppFactory.CreateAsync();
        _address = _app.StartKestrelServer();
        _chromium = await Chromium.LaunchAsync();

        var network = await _app.Data.AddNetworkAsync();
        _programme = await _app.Data.AddProgrammeAsync(network.Id, "Harbour Mentors");
        _coordinator = await _app.Accounts.AddAsync("Marta Coordinator", _programme.Id, ProgrammeRole.Coordinator);
        var mentor = await _app.Data.AddPersonAsync("Iker Mentor", _programme.Id, ProgrammeRole.Mentor);
        var mentee = await _app.Data.AddPersonAsync("Selam Mentee", _programme.Id, ProgrammeRole.Mentee);
        var today = DateOnly.FromDateTime(DateTime.Now);
        var match = await _app.Data.AddMatchAsync(_programme.Id, mentor, mentee, today.AddMonths(-8));
        await _app.Data.AddPostAsync(match, today.AddDays(-40), text: "We walked to the harbour.");
        await _app.Data.AddPostAsync(match, today.AddDays(-10), text: "Coffee near the station.");
    }

    public async ValueTask DisposeAsync()
    {
        await _chromium.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Coordinator_goes_from_the_dashboard_to_the_match_and_closes_it()
    {
        var page = await _chromium.Browser.SignInAsync(
            _address, _coordinator, new ViewportSize { Width = 1400, Height = 1000 });
        await page.GotoAsync($"/programmes/{_programme.Id}/dashboard");
        await page.WaitUntilInteractiveAsync();

        await page.Locator("#matches-link").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Matches · Harbour Mentors");
        await Expect(page.Locator("#status-filter")).ToContainTextAsync("Active (1)");
        await page.Locator("#matches td[data-match-id] a", new() { HasText = "Iker Mentor" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Iker Mentor & Selam Mentee");
        await page.WaitUntilInteractiveAsync();
        await Expect(page.Locator("#match-meetings .apex-chart svg").First).ToBeVisibleAsync();
        await Expect(page.Locator("#match-timeline .timeline-post")).ToHaveCountAsync(2);
        await page.Locator("#close-match").ClickAsync();
        await page.Locator("#close-reason").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Goal reached" }).ClickAsync();
        await page.Locator("#close-note").FillAsync("They finished the year with a picnic.");
        await page.Locator("#close-save").ClickAsync();

        await Expect(page.Locator("#match-status")).ToHaveTextAsync("Closed");
        await Expect(page.Locator("#match-closure")).ToContainTextAsync("Goal reached");
        await Expect(page.Locator("#match-timeline .timeline-status")).ToContainTextAsync("Closed on");
        await Expect(page.Locator("#match-timeline .timeline-post")).ToHaveCountAsync(2);
        await page.SaveScreenshotAsync("match-closed.png");
    }
}
