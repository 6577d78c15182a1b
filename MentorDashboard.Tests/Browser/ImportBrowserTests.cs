using System.Text;
using MentorDashboard.Data;
using MentorDashboard.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MentorDashboard.Tests.Browser;

/// <summary>
/// A coordinator imports a CRM roster in a real browser while the programme's dashboard is open in another tab,
/// and the dashboard counts the imported matches without a reload.
/// </summary>
public sealed class ImportBrowserTests : IAsyncLifetime
{
    // As a CRM writes it: UTF-8 with a byte order mark, semicolons, day-first dates, columns we ignore.
    private const string Roster =
        "\uFEFFMatch ID;Stage;Mentor ID;Mentee ID;Program Type;Match Activation Date;Match Closure Date;"
        + "Closure Reason;Match Length\r\n"
        + "a0B5e00000AbCdEfGH;Active;V-1001;C-2001;Community;14/03/2025;;;20\r\n"
        + "a0B5e00000AbCdEfGI;Active;V-1002;C-2002;Site based;02/09/2025;;;15\r\n"
        + "a0B5e00000AbCdEfGJ;Closed;V-1003;C-2003;Community;25/01/2024;30/06/2025;Volunteer: Time constraint;17\r\n";

    private AppFactory _app = null!;
    private Chromium _chromium = null!;
    private Uri _address = null!;
    private Programme _programme = null!;
    private Person _coordinator = null!;
    private string _file = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await AppFactory.CreateAsync();
        _address = _app.StartKestrelServer();
        _chromium = await Chromium.LaunchAsync();

        var network = await _app.Data.AddNetworkAsync();
        _programme = await _app.Data.AddProgrammeAsync(network.Id, "Riverside Mentors");
        _coordinator = await _app.Accounts.AddAsync("Aina Coordinator", _programme.Id, ProgrammeRole.Coordinator);
        var mentor = await _app.Data.AddPersonAsync("Pau Mentor", _programme.Id, ProgrammeRole.Mentor);
        var mentee = await _app.Data.AddPersonAsync("Hodan Mentee", _programme.Id, ProgrammeRole.Mentee);
        var start = DateOnly.FromDateTime(DateTime.Now).AddMonths(-3);
        await _app.Data.AddMatchAsync(_programme.Id, mentor, mentee, start);

        _file = Path.Combine(Path.GetTempPath(), $"crm-roster-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(_file, Roster, new UTF8Encoding(false));
    }

    public async ValueTask DisposeAsync()
    {
        File.Delete(_file);
        await _chromium.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Imported_roster_shows_on_the_open_dashboard()
    {
        var viewport = new ViewportSize { Width = 1400, Height = 1000 };
        var dashboard = await _chromium.Browser.SignInAsync(_address, _coordinator, viewport);
        await dashboard.GotoAsync($"/programmes/{_programme.Id}/dashboard");
        await dashboard.WaitUntilInteractiveAsync();
        await Expect(dashboard.Locator("#headline-active .figure")).ToHaveTextAsync("1");

        var import = await dashboard.Context.NewPageAsync();
        await import.GotoAsync($"/programmes/{_programme.Id}/import");
        await import.WaitUntilInteractiveAsync();
        await import.Locator("input[type=file]").SetInputFilesAsync(_file);

        await Expect(import.Locator("#detected-format")).ToContainTextAsync("UTF-8 (with a byte order mark)");
        await Expect(import.Locator("#detected-format")).ToContainTextAsync("separated by semicolons, 3 rows");
        await Expect(import.Locator("#import-preview")).ToContainTextAsync("a0B5e00000AbCdEfGH");
        await Expect(import.Locator("#stage-values tr[data-stage='Closed']")).ToContainTextAsync("Closed");
        await Expect(import.Locator("#reason-values")).ToContainTextAsync("New reason: Volunteer: Time constraint");

        await import.Locator("#check").ClickAsync();
        await Expect(import.Locator("#check-summary"))
            .ToContainTextAsync("All 3 rows are fine: 3 to create, 0 to update, 0 unchanged.");
        await Expect(import.Locator("#new-reasons")).ToHaveTextAsync(
            "The import adds these closure reasons to the programme: Volunteer: Time constraint.");
        await import.Locator("#import").ClickAsync();
        await Expect(import.Locator("#import-result")).ToContainTextAsync("Imported: 3 created, 0 updated");

        await Expect(dashboard.Locator("#headline-active .figure")).ToHaveTextAsync("3");
        await import.SaveScreenshotAsync("import-roster.png");

        await import.Locator("#check").ClickAsync();
        await Expect(import.Locator("#check-summary"))
            .ToContainTextAsync("All 3 rows are fine: 0 to create, 0 to update, 3 unchanged.");
    }
}
