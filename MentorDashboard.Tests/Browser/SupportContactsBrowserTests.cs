using MentorDashboard.Data;
using MentorDashboard.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MentorDashboard.Tests.Browser;

/// <summary>
/// In a real browser: a coordinator logs a support contact from the dashboard card, and a mentor turns the
/// newsroom's reminder banner off. The app runs on Kestrel on a free loopback port over its own SQLite file.
/// </summary>
public sealed class SupportContactsBrowserTests : IAsyncLifetime
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
        _match = await _app.Data.AddMatchAsync(_programme.Id, _mentor, mentee, today.AddDays(-90));
        await _app.Data.AddPostAsync(_match, today.AddDays(-20), text: "We walked to the harbour.");
    }

    public async ValueTask DisposeAsync()
    {
        await _chromium.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Coordinator_logs_a_contact_from_the_card_and_finds_it_on_the_match_page()
    {
        var page = await _chromium.Browser.SignInAsync(
            _address, _coordinator, new ViewportSize { Width = 1400, Height = 1000 });
        await page.GotoAsync($"/programmes/{_programme.Id}/dashboard");
        await page.WaitUntilInteractiveAsync();
        var row = page.Locator($"#card-support-contacts tr[data-match-id='{_match.Id}']");
        await Expect(row).ToContainTextAsync("Behind");

        await row.Locator(".log-contact").ClickAsync();
        await page.Locator("input[data-with='Family']").CheckAsync();
        await page.Locator("input[data-channel='Phone']").CheckAsync();
        await page.Locator("#contact-note").FillAsync("Spoke with Selam's aunt; all well.");
        await page.Locator("#contact-follow-up").CheckAsync();
        await page.SaveScreenshotAsync("support-contact-dialog.png");
        await page.Locator("#contact-save").ClickAsync();

        await Expect(page.Locator("#contacts-on-standard"))
            .ToHaveTextAsync("1 of 1 active matches contacted as expected");
        await Expect(row.Locator(".follow-up")).ToBeVisibleAsync();
        await Expect(row.Locator(".behind")).ToHaveCountAsync(0);
        await page.SaveScreenshotAsync("support-contacts-card.png");

        await row.Locator("a").First.ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Iker Mentor & Selam Mentee");
        await Expect(page.Locator("[data-contact-id]")).ToContainTextAsync("Spoke with Selam's aunt; all well.");
    }

    [Fact]
    public async Task Mentor_sees_the_reminder_banner_and_turns_in_app_reminders_off()
    {
        var page = await _chromium.Browser.SignInAsync(
            _address, _mentor, new ViewportSize { Width = 360, Height = 740 });
        await page.GotoAsync($"/programmes/{_programme.Id}/newsroom");
        await Expect(page.Locator("#reminder-banner"))
            .ToContainTextAsync("You have not posted about your meetings with Selam Mentee for 20 days.");
        await page.SaveScreenshotAsync("reminder-banner.png");

        // A link clicked while the circuit is still starting can be lost under load; wait for it first.
        await page.WaitUntilInteractiveAsync();
        await page.Locator("#account-reminders").ClickAsync();
        await page.WaitForURLAsync("**/account/reminders");
        await page.WaitUntilInteractiveAsync();
        await page.Locator("#reminders-in-app").UncheckAsync();
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Your reminder settings are saved.");
        await page.SaveScreenshotAsync("reminder-settings.png");
        await page.GotoAsync($"/programmes/{_programme.Id}/newsroom");
        await page.WaitUntilInteractiveAsync();

        await Expect(page.Locator("#feed .post-card")).ToHaveCountAsync(1);
        await Expect(page.Locator("#reminder-banner")).ToHaveCountAsync(0);
    }
}
