using MentorDashboard.Data;
using MentorDashboard.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MentorDashboard.Tests.Features.Security;

/// <summary>
/// The policy in a real browser: Blazor's circuit, MudBlazor and the apexcharts cards all run under it, and the
/// browser reports no violation.
/// </summary>
public sealed class ContentSecurityPolicyBrowserTests : IAsyncLifetime
{
    // Playwright's init scripts run outside the page's policy, so this listener sees every violation.
    private const string ViolationListener = """
        document.addEventListener('securitypolicyviolation', e =>
            console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + e.blockedURI));
        """;

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
        var match = await _app.Data.AddMatchAsync(_programme.Id, mentor, mentee, new DateOnly(2026, 1, 5));
        var today = DateOnly.FromDateTime(DateTime.Now);
        await _app.Data.AddPostAsync(match, today.AddDays(-10), text: "We walked to the harbour.");
        await _app.Data.AddPostAsync(match, today.AddDays(-3), text: "We cooked together.");
    }

    public async ValueTask DisposeAsync()
    {
        await _chromium.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Dashboard_and_import_page_run_under_the_policy_without_a_violation()
    {
        var page = await _chromium.Browser.SignInAsync(
            _address, _coordinator, new ViewportSize { Width = 1400, Height = 1000 });
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && (message.Text.Contains("CSP violation", StringComparison.Ordinal)
                || message.Text.Contains("Content Security Policy", StringComparison.Ordinal)))
            {
                problems.Add(message.Text);
            }
        };
        await page.Context.AddInitScriptAsync(ViolationListener);

        await page.GotoAsync($"/programmes/{_programme.Id}/dashboard");
        await page.WaitUntilInteractiveAsync();
        await Expect(page.Locator("#card-meetings .apex-chart svg").First).ToBeVisibleAsync();
        await Expect(page.Locator("#card-meetings .apex-chart svg path").First).ToBeAttachedAsync();

        await page.GotoAsync($"/programmes/{_programme.Id}/import");
        await page.WaitUntilInteractiveAsync();
        await Expect(page.Locator("input[type=file]").First).ToBeAttachedAsync();

        // A navigation within the app, so enhanced navigation's fetches and the import map are used again.
        await page.GotoAsync($"/programmes/{_programme.Id}/dashboard");
        await page.WaitUntilInteractiveAsync();
        await Expect(page.Locator("#card-meetings .apex-chart svg").First).ToBeVisibleAsync();

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
