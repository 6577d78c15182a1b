using Bunit;
using MentorDashboard.Data;
using MentorDashboard.Features.Dashboard;
using MentorDashboard.Features.Health;
using MentorDashboard.Features.Questionnaires;
using MentorDashboard.Tests.Features.Questionnaires;
using MentorDashboard.Tests.Support;

namespace MentorDashboard.Tests.Features.Dashboard;

/// <summary>A questionnaire response reaches the coordinator's open dashboard: scale card, counts, attention.</summary>
public sealed class QuestionnaireCardsTests : MudTestContext, IAsyncLifetime
{
    // Five days after the first occasion (31 January): both questionnaires are due, none overdue.
    private readonly FixedTime _time = FixedTime.At(2026, 2, 5);
    private QuestionnaireScenario _scenario = null!;
    private FeatureServices _features = null!;

    public async ValueTask InitializeAsync()
    {
        _scenario = await QuestionnaireScenario.CreateAsync();
        _features = new FeatureServices(_scenario.Database, _time);
        await _scenario.Data.AddPostAsync(_scenario.Match, new DateOnly(2026, 2, 4));
        var coordinator = await _scenario.Data.AddPersonAsync(
            "Marta Test", _scenario.Programme.Id, ProgrammeRole.Coordinator);
        await _features.HealthRules.SaveAsync(_scenario.Programme.Id, [
            new HealthRule { Kind = HealthRuleKind.NoMeetingForDays, Days = 21, Severity = HealthStatus.AtRisk },
            new HealthRule { Kind = HealthRuleKind.ConcernScore, Severity = HealthStatus.AtRisk },
        ]);

        this.AddLiveDashboard(_features, _time, coordinator);
        RenderAs(interactive: true);
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _scenario.Database.DisposeAsync();
    }

    [Fact]
    public async Task Mentee_response_in_the_concern_band_updates_the_open_dashboard()
    {
        var dashboard = Render<LiveDashboard>(p => p.Add(d => d.ProgrammeId, _scenario.Programme.Id));
        dashboard.WaitForAssertion(() => Assert.NotNull(dashboard.Find("#card-questionnaires-due")), WaitTimeout);
        Assert.Equal("2", dashboard.Find("#questionnaires-due").TextContent.Trim());
        Assert.Contains("No responses", dashboard.Find("#card-scale-youth-quality").TextContent);
        Assert.Empty(dashboard.FindAll("#card-attention [data-match-id]"));

        // Every item answered 1: the six positive items score 1 and the four reversed ones 5, so the mean is
        // (6 × 1 + 4 × 5) / 10 = 2.6, under the concern line of 3.0.
        var input = new SubmitInput
        {
            QuestionnaireId = _scenario.Youth.Id,
            MatchId = _scenario.Match.Id,
            Occasion = QuestionnaireScenario.FirstOccasion,
            Answers = QuestionnaireScenario.AllAnswered(_scenario.Youth, 1),
        };
        var result = await _features.Questionnaires.SubmitAsync(_scenario.Programme.Id, _scenario.Mentee.Id, input);

        Assert.True(result.Saved);
        dashboard.WaitForAssertion(() =>
        {
            Assert.Equal("1", dashboard.Find("#questionnaires-due").TextContent.Trim());
            var scale = dashboard.Find("#card-scale-youth-quality");
            Assert.Equal("2.6", scale.QuerySelector(".figure")!.TextContent.Trim());
            Assert.Contains("Concern: 1", scale.QuerySelector("[data-band='Concern']")!.TextContent);
            var attention = Assert.Single(dashboard.FindAll("#card-attention [data-match-id]"));
            Assert.Equal("AtRisk", attention.GetAttribute("data-status"));
            Assert.Contains(
                "Relationship quality score 2.6 is of concern", attention.QuerySelector(".reasons")!.TextContent);
        }, WaitTimeout);
    }
}
