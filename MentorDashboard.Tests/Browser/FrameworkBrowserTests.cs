using MentorDashboard.Data;
using MentorDashboard.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MentorDashboard.Tests.Browser;

/// <summary>
/// A network admin changes the framework in a real browser, and a mentor uses the change in the next post, with
/// the same app running throughout (no restart between the two).
/// </summary>
public sealed class FrameworkBrowserTests : IAsyncLifetime
{
    private static readonly ViewportSize Desktop = new() { Width = 1400, Height = 1000 };
    private static readonly ViewportSize Phone = new() { Width = 360, Height = 740 };
    private AppFactory _app = null!;
    private Chromium _chromium = null!;
    private Uri _address = null!;
    private Programme _programme = null!;
    private Person _admin = null!;
    private Person _mentor = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await AppFactory.CreateAsync();
        _address = _app.StartKestrelServer();
        _chromium = await Chromium.LaunchAsync();

        var network = await _app.Data.AddNetworkAsync();
        _programme = await _app.Data.AddProgrammeAsync(network.Id, "Harbour Mentors");
        _admin = await _app.Accounts.AddAsync("Helena Admin", adminOfNetworkId: network.Id);
        _mentor = await _app.Accounts.AddAsync("Iker Mentor", _programme.Id, ProgrammeRole.Mentor);
        var mentee = await _app.Data.AddPersonAsync("Selam Mentee", _programme.Id, ProgrammeRole.Mentee);
        await _app.Data.AddMatchAsync(_programme.Id, _mentor, mentee, new DateOnly(2026, 1, 5));
    }

    public async ValueTask DisposeAsync()
    {
        await _chromium.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Topic_an_admin_adds_and_publishes_is_in_the_mentors_next_post()
    {
        var admin = await _chromium.Browser.SignInAsync(_address, _admin, Desktop);
        await admin.WaitUntilInteractiveAsync();
        await admin.Locator("#framework-link").ClickAsync();
        await Expect(admin.Locator("h1")).ToHaveTextAsync("Network framework");
        await admin.WaitUntilInteractiveAsync();
        await admin.Locator("#topics-new-key").FillAsync("topic.boats");
        await admin.Locator("#topics-new-label").FillAsync("Boats and the harbour");
        await admin.Locator("#topics-add").ClickAsync();
        await Expect(admin.Locator("#topics-items tr[data-key='topic.boats']")).ToBeVisibleAsync();
        await admin.SaveScreenshotAsync("framework-topics.png");
        await admin.GetByRole(AriaRole.Tab, new() { Name = "Versions" }).ClickAsync();
        await admin.Locator("#publish-note").FillAsync("A topic for the harbour programmes");
        await admin.Locator("#publish").ClickAsync();
        await Expect(admin.Locator("#versions tbody tr").First).ToContainTextAsync("A topic for the harbour");
        await admin.Locator("#compare").ClickAsync();
        await Expect(admin.Locator("#changes")).ToHaveTextAsync("Added: Boats and the harbour (topic.boats)");
        await admin.SaveScreenshotAsync("framework-versions.png");

        var mentor = await _chromium.Browser.SignInAsync(_address, _mentor, Phone);
        await mentor.GotoAsync($"/programmes/{_programme.Id}/newsroom");
        await mentor.WaitUntilInteractiveAsync();
        await mentor.Locator("#post-activity").ClickAsync();
        await mentor.Locator(".mud-popover-open .mud-list-item", new() { HasText = "walk" }).ClickAsync();
        await mentor.Locator("[data-topic='topic.boats']").ClickAsync();
        await mentor.Locator("[data-rating='4']").ClickAsync();
        await mentor.Locator("#post-text").FillAsync("We watched the boats come in.");
        await mentor.Locator("#post-submit").ClickAsync();

        var post = mentor.Locator("#feed .post-card").First;
        await Expect(post).ToContainTextAsync("We watched the boats come in.");
        await Expect(post).ToContainTextAsync("Boats and the harbour");
    }
}
