using System.Globalization;
using MentorDashboard.Data;
using MentorDashboard.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MentorDashboard.Tests.Browser;

/// <summary>
/// The whole path in a real browser: a mentor on a phone posts, and a coordinator's open dashboard changes
/// without a reload. The app runs on Kestrel on a free loopback port over its own SQLite file.
/// </summary>
public sealed class LiveDashboardBrowserTests : IAsyncLifetime
{
    private AppFactory _app = null!;
    private Chromium _chromium = null!;
    private Uri _address = null!;
    private Programme _programme = null!;
    private Person _coordinator = null!;
    private Person _mentor = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await AppFactory.CreateAsync();
        _address = _app.StartKestrelServer();
        _chromium = await Chromium.LaunchAsync();

        var network = await _app.Data.AddNetworkAsync();
        _programme = await _app.Data.AddProgrammeAsync(network.Id, "Harbour Mentors");
        _coordinator = await _app.Accounts.AddAsync("Marta Coordinator", _programme.Id, ProgrammeRole.Coordinator);
        _mentor = await _app.Accounts.AddAsync("Iker Mentor", _programme.Id, ProgrammeRole.Mentor);
        var mentee = await _app.Data.AddPersonAsync("Selam Mentee", _programme.Id, ProgrammeRole.Mentee);
        var match = await _app.Data.AddMatchAsync(_programme.Id, _mentor, mentee, new DateOnly(2026, 1, 5));
        var today = DateOnly.FromDateTime(DateTime.Now);
        await _app.Data.AddPostAsync(match, today.AddDays(-10), text: "We walked to the harbour.");
    }

    public async ValueTask DisposeAsync()
    {
        await _chromium.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Mentor_post_on_a_phone_reaches_the_open_dashboard_without_a_reload()
    {
        var coordinator = await _chromium.Browser.SignInAsync(
            _address, _coordinator, new ViewportSize { Width = 1400, Height = 1000 });
        await coordinator.GotoAsync($"/programmes/{_programme.Id}/dashboard");
        await coordinator.WaitUntilInteractiveAsync();
        await Expect(coordinator.Locator("#card-meetings .apex-chart svg").First).ToBeVisibleAsync();
        await Expect(coordinator.Locator("#latest-posts [data-post-id]")).ToHaveCountAsync(1);
        await Expect(coordinator.Locator("#card-meetings")).ToContainTextAsync("this week so far: 0");
        var meetingsBefore = int.Parse(
            await coordinator.Locator("#headline-meetings .figure").InnerTextAsync(), CultureInfo.InvariantCulture);

        var mentor = await _chromium.Browser.SignInAsync(
            _address, _mentor, new ViewportSize { Width = 360, Height = 740 });
        await mentor.GotoAsync($"/programmes/{_programme.Id}/newsroom");
        await mentor.WaitUntilInteractiveAsync();
        Assert.True(await mentor.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"),
            "The newsroom scrolls sideways on a 360 px wide phone.");
        await mentor.Locator("#post-activity").ClickAsync();
        await mentor.Locator(".mud-popover-open .mud-list-item", new() { HasText = "coffee" }).ClickAsync();
        await mentor.Locator("[data-topic='topic.work']").ClickAsync();
        await mentor.Locator("[data-rating='5']").ClickAsync();
        await mentor.Locator("#post-text").FillAsync("We practised for Selam's first job interview.");
        await mentor.Locator("#post-submit").ClickAsync();
        await Expect(mentor.Locator("#feed .post-card").First).ToContainTextAsync("first job interview");

        await Expect(coordinator.Locator("#latest-posts [data-post-id]")).ToHaveCountAsync(2);
        await Expect(coordinator.Locator("#latest-posts")).ToContainTextAsync("first job interview");
        await Expect(coordinator.Locator("#card-meetings")).ToContainTextAsync("this week so far: 1");
        await Expect(coordinator.Locator("#headline-meetings .figure"))
            .ToHaveTextAsync((meetingsBefore + 1).ToString(CultureInfo.InvariantCulture));
        await coordinator.SaveScreenshotAsync("dashboard-after-post.png");
    }
}
