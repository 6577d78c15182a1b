using MentorDashboard.Data;
using MentorDashboard.Tests.Features.Health;
using MentorDashboard.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MentorDashboard.Tests.Browser;

/// <summary>
/// Issue [3] end to end: a coordinator keeps the dashboard open while a mentor, on a phone, reports two meetings
/// in a row that went badly; the match moves into "need attention" with the reason, without a reload. The
/// programme uses the default health rules.
/// </summary>
public sealed class NeedAttentionBrowserTests : IAsyncLifetime
{
    private AppFactory _app = null!;
    private Chromium _chromium = null!;
    private Uri _address = null!;
    private Programme _programme = null!;
    private Person _coordinator = null!;
    private Person _mentor = null!;
    private Match _match = null!;

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
        var today = DateOnly.FromDateTime(DateTime.Now);
        _match = await _app.Data.AddMatchAsync(_programme.Id, _mentor, mentee, today.AddDays(-120));

        // On track by every default rule: two good meetings this month and a support contact last week.
        await _app.Data.AddPostAsync(_match, today.AddDays(-10), rating: 4, text: "We walked to the harbour.");
        await _app.Data.AddPostAsync(_match, today.AddDays(-3), rating: 5, text: "We cooked together.");
        await _app.Database.AddSupportContactAsync(_match, today.AddDays(-6));
    }

    public async ValueTask DisposeAsync()
    {
        await _chromium.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Coordinator_sees_a_match_need_attention_when_a_mentor_reports_two_bad_meetings_in_a_row()
    {
        var coordinator = await _chromium.Browser.SignInAsync(
            _address, _coordinator, new ViewportSize { Width = 1400, Height = 1000 });
        await coordinator.GotoAsync($"/programmes/{_programme.Id}/dashboard");
        await coordinator.WaitUntilInteractiveAsync();
        var attention = coordinator.Locator("#card-attention");
        await Expect(attention).ToContainTextAsync("Every active match is on track.");

        var mentor = await _chromium.Browser.SignInAsync(
            _address, _mentor, new ViewportSize { Width = 360, Height = 740 });
        await mentor.GotoAsync($"/programmes/{_programme.Id}/newsroom");
        await mentor.WaitUntilInteractiveAsync();

        await PostAsync(mentor, rating: 2, "Selam did not want to talk today.");
        await Expect(coordinator.Locator("#latest-posts")).ToContainTextAsync("did not want to talk");
        await Expect(attention).ToContainTextAsync("Every active match is on track.");

        await PostAsync(mentor, rating: 1, "We argued and left early.");

        var row = attention.Locator($"[data-match-id='{_match.Id}']");
        await Expect(row).ToBeVisibleAsync();
        await Expect(row).ToHaveAttributeAsync("data-status", "AtRisk");
        await Expect(row.Locator(".status")).ToHaveTextAsync("At risk");
        await Expect(row.Locator(".reasons")).ToContainTextAsync("The last 2 meetings went badly");
        await Expect(row.Locator(".match-link")).ToHaveAttributeAsync(
            "href", $"/programmes/{_programme.Id}/matches/{_match.Id}");
        await coordinator.SaveScreenshotAsync("dashboard-match-needs-attention.png");
    }

    private static async Task PostAsync(IPage mentor, int rating, string text)
    {
        await mentor.Locator("#post-activity").ClickAsync();
        await mentor.Locator(".mud-popover-open .mud-list-item", new() { HasText = "coffee" }).ClickAsync();
        await mentor.Locator("[data-topic='topic.work']").ClickAsync();
        await mentor.Locator($"[data-rating='{rating}']").ClickAsync();
        await mentor.Locator("#post-text").FillAsync(text);
        await mentor.Locator("#post-submit").ClickAsync();
        await Expect(mentor.Locator("#feed .post-card").First).ToContainTextAsync(text);
    }
}
