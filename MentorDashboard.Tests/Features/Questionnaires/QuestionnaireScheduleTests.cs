using MentorDashboard.Data;
using MentorDashboard.Features.Demo;
using MentorDashboard.Features.Questionnaires;
using MentorDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static MentorDashboard.Tests.Features.Questionnaires.QuestionnaireScenario;

namespace MentorDashboard.Tests.Features.Questionnaires;

/// <summary>Which questionnaires are due, for a match that started on 1 January 2026.</summary>
public sealed class QuestionnaireScheduleTests : IAsyncLifetime
{
    private readonly FixedTime _time = FixedTime.At(2026, 1, 31);
    private QuestionnaireScenario _scenario = null!;
    private FeatureServices _services = null!;

    public async ValueTask InitializeAsync()
    {
        _scenario = await QuestionnaireScenario.CreateAsync();
        _services = new FeatureServices(_scenario.Database, _time);
    }

    public async ValueTask DisposeAsync() => await _scenario.Database.DisposeAsync();

    [Fact]
    public async Task Nothing_is_due_the_day_before_the_first_month_is_over()
    {
        _time.Now = _time.Now.AddDays(-1);

        Assert.Empty(await DueForAsync(_scenario.Mentor));
    }

    [Fact]
    public async Task Questionnaire_is_due_for_the_mentor_one_month_after_the_match_start()
    {
        var due = Assert.Single(await DueForAsync(_scenario.Mentor));

        Assert.Equal(_scenario.MentorQuestionnaire.Id, due.QuestionnaireId);
        Assert.Equal(_scenario.Match.Id, due.MatchId);
        Assert.Equal("Selam Test", due.PartnerName);
        Assert.Equal(FirstOccasion, due.Occasion);
        Assert.Equal(DueStatus.Due, due.Status);
    }

    [Fact]
    public async Task Mentee_sees_only_the_mentee_questionnaire_with_the_mentor_as_partner()
    {
        var due = Assert.Single(await DueForAsync(_scenario.Mentee));

        Assert.Equal(_scenario.Youth.Id, due.QuestionnaireId);
        Assert.Equal("Iker Test", due.PartnerName);
    }

    [Fact]
    public async Task Questionnaire_for_both_is_due_for_the_mentor_and_the_mentee()
    {
        await SetRespondentAsync(_scenario.Youth, QuestionnaireRespondent.Both);

        var mentorDue = await DueForAsync(_scenario.Mentor);
        var menteeDue = await DueForAsync(_scenario.Mentee);

        Assert.Equal(2, mentorDue.Count);
        Assert.Contains(menteeDue, d => d.QuestionnaireId == _scenario.Youth.Id);
    }

    [Fact]
    public async Task Occasions_repeat_every_three_months_and_the_older_ones_are_overdue()
    {
        _time.Now = new DateTimeOffset(ThirdOccasion.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);

        var due = await DueForAsync(_scenario.Mentor);

        Assert.Equal([FirstOccasion, SecondOccasion, ThirdOccasion], due.Select(d => d.Occasion));
        Assert.Equal([DueStatus.Overdue, DueStatus.Overdue, DueStatus.Due], due.Select(d => d.Status));
    }

    [Theory]
    [InlineData(0, DueStatus.Due)]
    [InlineData(14, DueStatus.Due)]
    [InlineData(15, DueStatus.Overdue)]
    public async Task Occasion_is_due_for_two_weeks_and_overdue_after(int daysLater, DueStatus status)
    {
        _time.Now = _time.Now.AddDays(daysLater);

        var due = Assert.Single(await DueForAsync(_scenario.Mentor));

        Assert.Equal(status, due.Status);
    }

    [Fact]
    public async Task Answered_occasion_is_no_longer_due()
    {
        var result = await _services.Questionnaires.SubmitAsync(
            _scenario.Programme.Id, _scenario.Mentor.Id, _scenario.MentorInput(FirstOccasion));

        Assert.True(result.Saved);
        Assert.Empty(await DueForAsync(_scenario.Mentor));
    }

    [Fact]
    public async Task Closed_match_has_nothing_due()
    {
        var closedMentor = await _scenario.Data.AddPersonAsync(
            "Pau Test", _scenario.Programme.Id, ProgrammeRole.Mentor);
        var mentee = await _scenario.Data.AddPersonAsync("Oleh Test", _scenario.Programme.Id, ProgrammeRole.Mentee);
        await _scenario.Data.AddMatchAsync(
            _scenario.Programme.Id, closedMentor, mentee, Start, MatchStatus.Closed);

        Assert.Empty(await DueForAsync(closedMentor));
    }

    [Fact]
    public async Task Paused_match_has_nothing_due_and_takes_no_response_until_it_resumes()
    {
        await SetStatusAsync(MatchStatus.Paused);

        var due = await DueForAsync(_scenario.Mentor);
        var response = await _services.Questionnaires.SubmitAsync(
            _scenario.Programme.Id, _scenario.Mentor.Id, _scenario.MentorInput(FirstOccasion));

        Assert.Empty(due);
        Assert.Equal(
            "This match is paused; its questionnaires wait until it resumes.",
            Assert.Single(response.Errors).Message);
        Assert.Equal(new DueCounts(0, 0), await _services.Questionnaires.CountDueAndOverdueAsync(
            _scenario.Programme.Id));
    }

    [Fact]
    public async Task Occasion_that_fell_in_a_pause_is_open_again_after_it_and_overdue_once_past_its_grace()
    {
        await SetStatusAsync(MatchStatus.Paused);
        _time.Now = AtNine(FirstOccasion.AddDays(20));
        Assert.Empty(await DueForAsync(_scenario.Mentor));

        await SetStatusAsync(MatchStatus.Active);

        var due = Assert.Single(await DueForAsync(_scenario.Mentor));
        Assert.Equal((FirstOccasion, DueStatus.Overdue), (due.Occasion, due.Status));
    }

    [Theory]
    [InlineData(0, DueStatus.Due)]
    [InlineData(14, DueStatus.Due)]
    [InlineData(15, DueStatus.Overdue)]
    [InlineData(QuestionnaireSchedule.ClosureAnswerDays, DueStatus.Overdue)]
    public async Task Closed_match_asks_the_closure_questionnaire_for_four_weeks(int daysLater, DueStatus status)
    {
        var (mentor, closureDate) = await AddClosedMatchAsync();
        _time.Now = AtNine(closureDate.AddDays(daysLater));

        var due = Assert.Single(await DueForAsync(mentor));

        Assert.Equal(_scenario.MentorQuestionnaire.Id, due.QuestionnaireId);
        Assert.Equal(closureDate, due.Occasion);
        Assert.Equal(status, due.Status);
    }

    [Fact]
    public async Task Closure_questionnaire_is_no_longer_asked_after_four_weeks()
    {
        var (mentor, closureDate) = await AddClosedMatchAsync();
        _time.Now = AtNine(closureDate.AddDays(QuestionnaireSchedule.ClosureAnswerDays + 1));

        Assert.Empty(await DueForAsync(mentor));
    }

    [Fact]
    public async Task Closed_match_asks_nothing_of_a_questionnaire_not_due_at_closure()
    {
        await using (var db = await _scenario.Database.OpenAsync())
        {
            await db.Set<Questionnaire>()
                .Where(q => q.Id == _scenario.MentorQuestionnaire.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(q => q.DueAtClosure, false));
        }

        var (mentor, closureDate) = await AddClosedMatchAsync();
        _time.Now = AtNine(closureDate);

        Assert.Empty(await DueForAsync(mentor));
    }

    [Fact]
    public async Task Closure_questionnaire_is_answered_once_and_regular_occasions_are_refused()
    {
        var (mentor, closureDate) = await AddClosedMatchAsync();
        _time.Now = AtNine(closureDate.AddDays(3));
        var match = (await DueForAsync(mentor)).Single().MatchId;
        SubmitInput InputFor(DateOnly occasion) => new()
        {
            QuestionnaireId = _scenario.MentorQuestionnaire.Id,
            MatchId = match,
            Occasion = occasion,
            Answers = AllAnswered(_scenario.MentorQuestionnaire, 4),
        };

        var atClosure = await _services.Questionnaires.SubmitAsync(
            _scenario.Programme.Id, mentor.Id, InputFor(closureDate));
        var regular = await _services.Questionnaires.SubmitAsync(
            _scenario.Programme.Id, mentor.Id, InputFor(FirstOccasion));

        Assert.True(atClosure.Saved);
        Assert.Equal(
            "This match is closed; it takes no new responses.", Assert.Single(regular.Errors).Message);
        Assert.Empty(await DueForAsync(mentor));
    }

    [Fact]
    public async Task Questionnaire_added_to_a_running_match_asks_only_its_latest_past_occasion()
    {
        _time.Now = AtNine(ThirdOccasion.AddDays(10));
        await using (var db = await _scenario.Database.OpenAsync())
        {
            await db.Set<Questionnaire>()
                .Where(q => q.Id == _scenario.MentorQuestionnaire.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(q => q.AskedFrom, ThirdOccasion.AddDays(-5)));
        }

        var due = await DueForAsync(_scenario.Mentor);

        // The occasions of January and May had passed before the questionnaire was asked at all.
        Assert.Equal([SecondOccasion, ThirdOccasion], due.Select(d => d.Occasion));
    }

    [Fact]
    public async Task Questionnaire_gets_its_first_asking_day_when_its_first_question_is_added()
    {
        var networkId = _scenario.Network.Id;
        var created = await _services.QuestionnaireEditing.CreateAsync(networkId, "questionnaire.checkin", "Check-in");
        var questionnaireId = created.Id!.Value;
        await _services.QuestionnaireEditing.AddScaleAsync(networkId, questionnaireId, "checkin.all", "All");
        var before = await AskedFromAsync(questionnaireId);

        var errors = await _services.QuestionnaireEditing.AddItemAsync(
            networkId, questionnaireId, "checkin.plan", new("We meet as planned.", "checkin.all", false));

        Assert.Empty(errors);
        Assert.Null(before);
        Assert.Equal(_time.Today(), await AskedFromAsync(questionnaireId));
    }

    [Fact]
    public async Task Schedule_stored_beyond_the_last_calendar_day_leaves_nothing_due_instead_of_failing()
    {
        await SetScheduleAsync(_scenario.MentorQuestionnaire, firstDueAfterDays: int.MaxValue, repeatEveryDays: 90);
        await SetScheduleAsync(_scenario.Youth, firstDueAfterDays: 30, repeatEveryDays: int.MaxValue);

        var mentorDue = await DueForAsync(_scenario.Mentor);
        var menteeDue = await DueForAsync(_scenario.Mentee);

        Assert.Empty(mentorDue);
        Assert.Equal(FirstOccasion, Assert.Single(menteeDue).Occasion);
    }

    [Fact]
    public async Task Question_added_to_a_questionnaire_already_asked_keeps_every_occasion_open()
    {
        _time.Now = AtNine(ThirdOccasion);
        var plans = new ItemSettings("We plan our next meeting.", DemoQuestionnaires.MentorLogisticalScale, false);

        var errors = await _services.QuestionnaireEditing.AddItemAsync(
            _scenario.Network.Id, _scenario.MentorQuestionnaire.Id, "mentor.plans", plans);

        Assert.Empty(errors);
        Assert.Null(await AskedFromAsync(_scenario.MentorQuestionnaire.Id));
        Assert.Equal([FirstOccasion, SecondOccasion, ThirdOccasion],
            (await DueForAsync(_scenario.Mentor)).Select(d => d.Occasion));
    }

    [Fact]
    public async Task Retired_questionnaire_is_not_due()
    {
        await using (var db = await _scenario.Database.OpenAsync())
        {
            await db.Set<Questionnaire>()
                .Where(q => q.Id == _scenario.MentorQuestionnaire.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(q => q.IsRetired, true));
        }

        Assert.Empty(await DueForAsync(_scenario.Mentor));
    }

    [Fact]
    public async Task New_questionnaire_is_due_only_once_it_has_a_question()
    {
        var editing = _services.QuestionnaireEditing;
        var created = await editing.CreateAsync(_scenario.Network.Id, "questionnaire.first-weeks", "First weeks");
        var id = created.Id!.Value;

        Assert.DoesNotContain(await DueForAsync(_scenario.Mentee), d => d.QuestionnaireId == id);

        await editing.AddScaleAsync(_scenario.Network.Id, id, "first-weeks.closeness", "Closeness");
        await editing.AddItemAsync(_scenario.Network.Id, id, "first-weeks.trust",
            new ItemSettings("I trust my mentor.", "first-weeks.closeness", IsReversed: false));

        Assert.Contains(await DueForAsync(_scenario.Mentee), d => d.QuestionnaireId == id);
    }

    [Fact]
    public async Task Programme_counts_due_and_overdue_occasions_of_every_respondent()
    {
        _time.Now = new DateTimeOffset(SecondOccasion.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);

        var counts = await _services.Questionnaires.CountDueAndOverdueAsync(_scenario.Programme.Id);

        // The mentor's and the mentee's questionnaire, each overdue since January and due since May.
        Assert.Equal(new DueCounts(Due: 2, Overdue: 2), counts);
    }

    private async Task<DateOnly?> AskedFromAsync(int questionnaireId)
    {
        await using var db = await _scenario.Database.OpenAsync();
        return await db.Set<Questionnaire>().Where(q => q.Id == questionnaireId).Select(q => q.AskedFrom).SingleAsync();
    }

    private static DateTimeOffset AtNine(DateOnly day) =>
        new(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);

    /// <summary>A second match of the programme, closed six months after the shared start date.</summary>
    private async Task<(Person Mentor, DateOnly ClosureDate)> AddClosedMatchAsync()
    {
        var mentor = await _scenario.Data.AddPersonAsync("Pau Test", _scenario.Programme.Id, ProgrammeRole.Mentor);
        var mentee = await _scenario.Data.AddPersonAsync("Oleh Test", _scenario.Programme.Id, ProgrammeRole.Mentee);
        var match = await _scenario.Data.AddMatchAsync(
            _scenario.Programme.Id, mentor, mentee, Start, MatchStatus.Closed);
        return (mentor, match.ClosureDate!.Value);
    }

    private Task<IReadOnlyList<DueQuestionnaire>> DueForAsync(Person person) =>
        _services.Questionnaires.ListDueAsync(_scenario.Programme.Id, person.Id);

    /// <summary>Pauses the scenario's match from mid-January, or makes it active again.</summary>
    private async Task SetStatusAsync(MatchStatus status)
    {
        await using var db = await _scenario.Database.OpenAsync();
        await db.Matches
            .Where(m => m.Id == _scenario.Match.Id)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, status)
                .SetProperty(m => m.PausedOn, status == MatchStatus.Paused ? new DateOnly(2026, 1, 20) : null));
    }

    private async Task SetScheduleAsync(Questionnaire questionnaire, int firstDueAfterDays, int repeatEveryDays)
    {
        await using var db = await _scenario.Database.OpenAsync();
        await db.Set<Questionnaire>()
            .Where(q => q.Id == questionnaire.Id)
            .ExecuteUpdateAsync(s => s
                .SetProperty(q => q.FirstDueAfterDays, firstDueAfterDays)
                .SetProperty(q => q.RepeatEveryDays, repeatEveryDays));
    }

    private async Task SetRespondentAsync(Questionnaire questionnaire, QuestionnaireRespondent respondent)
    {
        await using var db = await _scenario.Database.OpenAsync();
        await db.Set<Questionnaire>()
            .Where(q => q.Id == questionnaire.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(q => q.Respondent, respondent));
    }
}
