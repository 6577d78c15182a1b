using System.Security.Claims;
using Bunit;
using MentorDashboard.Features.Dashboard;
using MentorDashboard.Features.Live;
using MentorDashboard.Tests.Features.SupportContacts;
using MentorDashboard.Tests.Support;
using MudBlazor;
using static MentorDashboard.Tests.Features.SupportContacts.ContactScenario;

namespace MentorDashboard.Tests.Features.Dashboard.Cards;

/// <summary>The support contacts card on a live dashboard: Iker and Selam's match has had no contact since March.
/// </summary>
public sealed class SupportContactsCardTests : MudTestContext, IAsyncLifetime
{
    private ContactScenario _scenario = null!;

    public async ValueTask InitializeAsync()
    {
        _scenario = await ContactScenario.CreateAsync();
        await _scenario.Features.Cards.SaveLayoutAsync(_scenario.Programme.Id, [DashboardCards.SupportContacts]);
        Services.AddSingleton<TimeProvider>(_scenario.Time);
        Services.AddSingleton(_scenario.Features.Dashboard);
        Services.AddSingleton<IProgrammeEvents>(_scenario.Features.Events);
        Services.AddSingleton<LiveAccess>();
        Services.AddSingleton(_scenario.Access);
        Services.AddSingleton(_scenario.Contacts);
        Services.AddSingleton<CircuitConnection>();
        var authorization = AddAuthorization();
        authorization.SetAuthorized("marta.test@mentors.test");
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, _scenario.Coordinator.Id));
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _scenario.DisposeAsync();
    }

    [Fact]
    public async Task Logged_contact_updates_the_open_dashboard_without_a_reload()
    {
        var dashboard = RenderDashboard();
        dashboard.WaitForAssertion(
            () => Assert.Single(dashboard.FindAll($"#card-support-contacts [data-match-id='{_scenario.Match.Id}']")),
            WaitTimeout);
        Assert.Equal("0 of 1 active matches contacted as expected", OnStandardText(dashboard));
        Assert.Contains("never", dashboard.Find("#card-support-contacts tbody").TextContent);

        var result = await _scenario.Contacts.LogAsync(
            UserOf(_scenario.Coordinator), _scenario.Programme.Id, Input(_scenario.Match, _scenario.Time.Today));

        Assert.True(result.Saved);
        dashboard.WaitForAssertion(() =>
        {
            Assert.Equal("1 of 1 active matches contacted as expected", OnStandardText(dashboard));
            Assert.Empty(dashboard.FindAll("#card-support-contacts [data-match-id]"));
        }, WaitTimeout);
        Assert.Contains("100", dashboard.Find("#contacts-share").TextContent);
    }

    [Fact]
    public async Task Follow_up_stays_on_the_card_until_a_later_contact_is_logged()
    {
        var dashboard = RenderDashboard();
        dashboard.WaitForElement("#card-support-contacts [data-match-id]", WaitTimeout);
        var user = UserOf(_scenario.Coordinator);
        var followUp = Input(_scenario.Match, _scenario.Time.Today.AddDays(-1));
        followUp.FollowUpNeeded = true;

        await _scenario.Contacts.LogAsync(user, _scenario.Programme.Id, followUp);

        dashboard.WaitForAssertion(() =>
        {
            Assert.Equal("1 of 1 active matches contacted as expected", OnStandardText(dashboard));
            Assert.NotNull(dashboard.Find($"[data-match-id='{_scenario.Match.Id}'] .follow-up"));
        }, WaitTimeout);
        Assert.Empty(dashboard.FindAll("#card-support-contacts .behind"));

        await _scenario.Contacts.LogAsync(user, _scenario.Programme.Id, Input(_scenario.Match, _scenario.Time.Today));

        dashboard.WaitForAssertion(
            () => Assert.Empty(dashboard.FindAll("#card-support-contacts [data-match-id]")), WaitTimeout);
    }

    [Fact]
    public void Log_contact_on_the_card_opens_the_dialog_and_the_saved_contact_takes_the_match_off_the_card()
    {
        var dialogs = Render<MudDialogProvider>();
        Render<MudSnackbarProvider>();
        var dashboard = RenderDashboard();
        dashboard.WaitForElement("#card-support-contacts .log-contact", WaitTimeout).Click();

        dialogs.WaitForElement("#contact-save", WaitTimeout);
        Assert.Contains("Iker Test · Selam Test", dialogs.Markup);
        dialogs.Find("input[data-with='Mentee']").Click();
        dialogs.Find("input[data-channel='InPerson']").Click();
        dialogs.Find("#contact-save").Click();

        dashboard.WaitForAssertion(() =>
        {
            Assert.Equal("1 of 1 active matches contacted as expected", OnStandardText(dashboard));
            Assert.Empty(dashboard.FindAll("#card-support-contacts [data-match-id]"));
        }, WaitTimeout);
        Assert.Empty(dialogs.FindAll("#log-contact-dialog"));
    }

    private IRenderedComponent<LiveDashboard> RenderDashboard() =>
        Render<LiveDashboard>(p => p.Add(d => d.ProgrammeId, _scenario.Programme.Id));

    private static string OnStandardText(IRenderedComponent<LiveDashboard> dashboard) =>
        dashboard.Find("#contacts-on-standard").TextContent.Trim();
}
