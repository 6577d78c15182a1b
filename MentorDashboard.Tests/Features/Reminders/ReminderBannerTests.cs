using Bunit;
using MentorDashboard.Features.Reminders;
using MentorDashboard.Tests.Support;

namespace MentorDashboard.Tests.Features.Reminders;

/// <summary>The newsroom's reminder banner for Iker, whose match with Selam has had no post for 23 days.</summary>
public sealed class ReminderBannerTests : MudTestContext, IAsyncLifetime
{
    private ReminderScenario _scenario = null!;

    public async ValueTask InitializeAsync()
    {
        _scenario = await ReminderScenario.CreateAsync();
        Services.AddSingleton(_scenario.Reminders);
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _scenario.DisposeAsync();
    }

    [Fact]
    public async Task Banner_names_the_quiet_match_counts_due_questionnaires_and_links_the_settings()
    {
        await _scenario.AddMentorQuestionnaireAsync();

        var banner = RenderBanner(_scenario.Mentor.Id);

        banner.WaitForElement("#reminder-banner", WaitTimeout);
        Assert.Contains("You have not posted about your meetings with Selam Test for 23 days.",
            banner.Find($"[data-match-id='{_scenario.Match.Id}']").TextContent);
        Assert.Contains(
            "Questionnaires waiting for your answers: 1.", banner.Find("#reminder-questionnaires").TextContent);
        Assert.Equal("/account/reminders", banner.Find("#reminder-banner a").GetAttribute("href"));
    }

    [Fact]
    public async Task Mentor_who_turned_in_app_reminders_off_sees_no_banner()
    {
        await _scenario.Reminders.SaveChoicesAsync(_scenario.Mentor.Id, new ReminderChoices(false, true));

        var banner = RenderBanner(_scenario.Mentor.Id);

        Assert.Empty(banner.FindAll("#reminder-banner"));
    }

    [Fact]
    public async Task Mentor_who_posted_recently_sees_no_banner()
    {
        await _scenario.Data.AddPostAsync(_scenario.Match, _scenario.Today.AddDays(-2));

        var banner = RenderBanner(_scenario.Mentor.Id);

        Assert.Empty(banner.FindAll("#reminder-banner"));
    }

    [Fact]
    public void Closing_the_banner_hides_it()
    {
        var banner = RenderBanner(_scenario.Mentor.Id);
        banner.WaitForElement("#reminder-banner", WaitTimeout);

        banner.Find("#reminder-banner button").Click();

        Assert.Empty(banner.FindAll("#reminder-banner"));
    }

    private IRenderedComponent<ReminderBanner> RenderBanner(string personId) =>
        Render<ReminderBanner>(parameters => parameters
            .Add(p => p.ProgrammeId, _scenario.Programme.Id)
            .Add(p => p.PersonId, personId));
}
