using System.Security.Claims;
using MentorDashboard.Features.Health;
using MentorDashboard.Features.Questionnaires;
using MentorDashboard.Tests.Features.Questionnaires;
using MentorDashboard.Tests.Support;

namespace MentorDashboard.Tests.Features.Health;

/// <summary>
/// Questionnaire facts in the health rules: occasions left unanswered and scores of concern, read through the
/// questionnaire service. The match started on 1 January; both questionnaires fell due on 31 January.
/// </summary>
public sealed class HealthQuestionnaireTests : IAsyncLifetime
{
    private readonly FixedTime _time = FixedTime.At(2026, 2, 13);
    private QuestionnaireScenario _scenario = null!;
    private FeatureServices _features = null!;

    public async ValueTask InitializeAsync()
    {
        _scenario = await QuestionnaireScenario.CreateAsync();
        _features = new FeatureServices(_scenario.Database, _time);
        await _features.SaveDefaultRulesAsync(
            _scenario.Programme.Id, HealthRuleKind.QuestionnaireOverdue, HealthRuleKind.ConcernScore);
    }

    public async ValueTask DisposeAsync() => await _scenario.Database.DisposeAsync();

    [Fact]
    public async Task Questionnaires_unanswered_fourteen_days_after_they_fell_due_need_a_check_in()
    {
        var thirteenDays = Assert.Single(await EvaluateAsync());
        _time.Now = _time.Now.AddDays(1);
        var fourteenDays = Assert.Single(await EvaluateAsync());

        Assert.Equal(HealthStatus.OnTrack, thirteenDays.Health.Status);
        Assert.Equal(HealthStatus.NeedsCheckIn, fourteenDays.Health.Status);
        Assert.Equal(
            [
                "How is it going with your mentor? unanswered 14 days after it fell due",
                "How is your match going? unanswered 14 days after it fell due",
            ],
            fourteenDays.Health.Reasons.Select(r => r.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Occasion_missed_before_the_next_one_came_is_no_longer_chased()
    {
        // 15 May: the second occasion (1 May) is 14 days old; the first (31 January) was never answered.
        _time.Now = new DateTimeOffset(2026, 5, 15, 12, 0, 0, TimeSpan.Zero);

        var health = Assert.Single(await EvaluateAsync()).Health;

        Assert.Equal(
            [
                "How is it going with your mentor? unanswered 14 days after it fell due",
                "How is your match going? unanswered 14 days after it fell due",
            ],
            health.Reasons.Select(r => r.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Answered_questionnaire_is_no_longer_overdue()
    {
        _time.Now = _time.Now.AddDays(1);

        await SubmitMentorAsync();

        var health = Assert.Single(await EvaluateAsync()).Health;
        Assert.Equal(
            ["How is it going with your mentor? unanswered 14 days after it fell due"],
            health.Reasons.Select(r => r.ToString()));
    }

    [Fact]
    public async Task Score_of_concern_puts_the_match_at_risk()
    {
        var result = await _features.Questionnaires.SubmitAsync(_scenario.Programme.Id, _scenario.Mentee.Id,
            new SubmitInput
            {
                QuestionnaireId = _scenario.Youth.Id,
                MatchId = _scenario.Match.Id,
                Occasion = QuestionnaireScenario.FirstOccasion,
                Answers = QuestionnaireScenario.AllAnswered(_scenario.Youth, 1),
            });

        Assert.True(result.Saved);
        var health = Assert.Single(await EvaluateAsync()).Health;
        Assert.Equal(HealthStatus.AtRisk, health.Status);
        Assert.Equal(["Relationship quality score 2.6 is of concern"], health.Reasons.Select(r => r.ToString()));
    }

    [Fact]
    public async Task Acknowledged_flag_comes_back_when_a_response_arrives_after_it()
    {
        _time.Now = _time.Now.AddDays(1);
        var coordinator = await _scenario.Data.AddPersonAsync(
            "Marta Coordinator", _scenario.Programme.Id, Data.ProgrammeRole.Coordinator);
        var user = new ClaimsPrincipal(
            new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, coordinator.Id)], "Test"));
        await _features.Health.AcknowledgeAsync(
            user, _scenario.Programme.Id, _scenario.Match.Id, HealthStatus.NeedsCheckIn);
        Assert.Empty(await _features.Health.ReadNeedAttentionAsync(_scenario.Programme.Id));
        _time.Now = _time.Now.AddHours(1);

        // The mentor answers; the mentee's questionnaire is still overdue, so the flag stands, and it is news.
        await SubmitMentorAsync();

        var flagged = Assert.Single(await _features.Health.ReadNeedAttentionAsync(_scenario.Programme.Id));
        Assert.Equal(HealthStatus.NeedsCheckIn, flagged.Health.Status);
    }

    private Task<IReadOnlyList<EvaluatedMatch>> EvaluateAsync() =>
        _features.Health.EvaluateAsync(_scenario.Programme.Id);

    /// <summary>Answers the mentor questionnaire all 3s: 3.0 on both scales, no concern.</summary>
    private async Task SubmitMentorAsync()
    {
        var result = await _features.Questionnaires.SubmitAsync(_scenario.Programme.Id, _scenario.Mentor.Id,
            _scenario.MentorInput(QuestionnaireScenario.FirstOccasion, value: 3));
        Assert.True(result.Saved);
    }
}
