using MentorDashboard.Data;
using MentorDashboard.Features.Reminders;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Tests.Features.Reminders;

/// <summary>What the newsroom reminds a mentor of, and each person's choice of reminders.</summary>
public sealed class ReminderServiceTests : IAsyncLifetime
{
    private ReminderScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await ReminderScenario.CreateAsync();

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Quiet_match_is_reminded_in_the_app_with_its_mentee_and_days()
    {
        var reminders = await ListForMentorAsync();

        var quiet = Assert.Single(reminders.QuietMatches);
        Assert.Equal(("Selam Test", 23, new DateOnly(2026, 11, 10)), (quiet.MenteeName, quiet.DaysWithoutPost,
            quiet.LastPost));
        Assert.Equal(0, reminders.QuestionnairesDue);
    }

    [Theory]
    [InlineData(13, false)]
    [InlineData(14, true)]
    public async Task Match_is_quiet_from_exactly_fourteen_days_without_a_post(int daysAgo, bool quiet)
    {
        await _scenario.Data.AddPostAsync(_scenario.Match, _scenario.Today.AddDays(-daysAgo));

        var reminders = await ListForMentorAsync();

        Assert.Equal(quiet, reminders.QuietMatches.Count == 1);
    }

    [Fact]
    public async Task New_match_counts_its_days_from_its_start()
    {
        var mentor = await _scenario.AddMentorAsync("Noor Test");
        var mentee = await _scenario.Data.AddPersonAsync("Amir Test", _scenario.Programme.Id, ProgrammeRole.Mentee);
        var match = await _scenario.Data.AddMatchAsync(
            _scenario.Programme.Id, mentor, mentee, _scenario.Today.AddDays(-15));

        var reminders = await _scenario.Reminders.ListInAppAsync(_scenario.Programme.Id, mentor.Id);

        var quiet = Assert.Single(reminders.QuietMatches);
        Assert.Equal((match.Id, 15, (DateOnly?)null), (quiet.MatchId, quiet.DaysWithoutPost, quiet.LastPost));
    }

    [Theory]
    [InlineData(MatchStatus.Paused)]
    [InlineData(MatchStatus.Closed)]
    public async Task Paused_or_closed_match_is_not_reminded(MatchStatus status)
    {
        await using (var db = await _scenario.Database.OpenAsync())
        {
            await db.Matches.ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, status)
                .SetProperty(m => m.ClosureDate, status == MatchStatus.Closed ? new DateOnly(2026, 11, 30) : null)
                .SetProperty(m => m.PausedOn, status == MatchStatus.Paused ? new DateOnly(2026, 11, 30) : null));
        }

        Assert.False((await ListForMentorAsync()).Any);
    }

    [Fact]
    public async Task Due_questionnaires_are_counted_from_the_due_list()
    {
        await _scenario.AddMentorQuestionnaireAsync();

        var reminders = await ListForMentorAsync();

        Assert.Equal(1, reminders.QuestionnairesDue);
    }

    [Fact]
    public async Task Mentor_who_turned_in_app_reminders_off_gets_none_and_the_choice_is_kept()
    {
        await _scenario.AddMentorQuestionnaireAsync();

        await _scenario.Reminders.SaveChoicesAsync(_scenario.Mentor.Id, new ReminderChoices(false, true));

        Assert.False((await ListForMentorAsync()).Any);
        Assert.Equal(new ReminderChoices(false, true), await _scenario.Reminders.GetChoicesAsync(_scenario.Mentor.Id));
    }

    [Fact]
    public async Task Reminders_are_on_for_a_person_who_never_chose()
    {
        Assert.Equal(ReminderChoices.Default, await _scenario.Reminders.GetChoicesAsync(_scenario.Mentor.Id));
        Assert.Equal(new ReminderChoices(true, true), ReminderChoices.Default);
    }

    [Fact]
    public async Task Mentee_gets_no_in_app_reminder()
    {
        var reminders = await _scenario.Reminders.ListInAppAsync(_scenario.Programme.Id, _scenario.Match.MenteeId);

        Assert.False(reminders.Any);
    }

    private Task<InAppReminders> ListForMentorAsync() =>
        _scenario.Reminders.ListInAppAsync(_scenario.Programme.Id, _scenario.Mentor.Id);
}
