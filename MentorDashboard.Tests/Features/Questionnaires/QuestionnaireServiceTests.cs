using MentorDashboard.Data;
using MentorDashboard.Features.Demo;
using MentorDashboard.Features.Live;
using MentorDashboard.Features.Questionnaires;
using MentorDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static MentorDashboard.Tests.Features.Questionnaires.QuestionnaireScenario;

namespace MentorDashboard.Tests.Features.Questionnaires;

public sealed class QuestionnaireServiceTests : IAsyncLifetime
{
    private readonly FixedTime _time = FixedTime.At(2026, 5, 3);
    private QuestionnaireScenario _scenario = null!;
    private FeatureServices _services = null!;

    public async ValueTask InitializeAsync()
    {
        _scenario = await QuestionnaireScenario.CreateAsync();
        _services = new FeatureServices(_scenario.Database, _time);
    }

    public async ValueTask DisposeAsync() => await _scenario.Database.DisposeAsync();

    [Fact]
    public async Task Valid_response_is_saved_with_its_scores_and_announced_after_it_is_stored()
    {
        var storedWhenAnnounced = new TaskCompletionSource<(int, int, ProgrammeEventKind)>(
            TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = _services.Events.Subscribe(_scenario.Programme.Id, async programmeEvent =>
        {
            await using var db = await _scenario.Database.OpenAsync();
            storedWhenAnnounced.TrySetResult((await db.Set<Response>().CountAsync(),
                await db.Set<ResponseScore>().CountAsync(), programmeEvent.Kind));
        }, TimeSpan.Zero);

        var result = await SubmitAsAsync(_scenario.Mentor, ValidInput());

        Assert.True(result.Saved, string.Join("; ", result.Errors.Select(e => e.Message)));
        Assert.Equal((1, 2, ProgrammeEventKind.ResponseSaved),
            await storedWhenAnnounced.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        var saved = result.Response!;
        Assert.Equal(SecondOccasion, saved.Occasion);
        Assert.Equal(_time.Now.UtcDateTime, saved.SubmittedAtUtc);
        await using var check = await _scenario.Database.OpenAsync();
        var response = await check.Set<Response>().Include(r => r.Answers).Include(r => r.Scores).SingleAsync();
        Assert.Equal(_scenario.Programme.Id, response.ProgrammeId);
        Assert.Equal(_scenario.Mentor.Id, response.RespondentId);
        Assert.Equal(14, response.Answers.Count);
        // Every item answered 4: the six reversed closeness items count 2, the four others 4, so
        // (4 * 4 + 6 * 2) / 10 = 2.8, a concern; meeting in practice (2 * 4 + 2 * 2) / 4 = 3.0, fair.
        var closeness = response.Scores.Single(s => s.ScaleKey == DemoQuestionnaires.MentorAffectiveScale);
        Assert.Equal(2.8, closeness.Score!.Value, 9);
        Assert.True(closeness.IsConcern);
        Assert.Equal("Fair", response.Scores.Single(s => s.ScaleKey == DemoQuestionnaires.MentorLogisticalScale).Band);
    }

    [Fact]
    public async Task Mentee_answers_the_mentee_questionnaire()
    {
        var input = ValidInput();
        input.QuestionnaireId = _scenario.Youth.Id;
        input.Answers = AllAnswered(_scenario.Youth, 5);

        var result = await SubmitAsAsync(_scenario.Mentee, input);

        // Six items count 5 and four reversed ones count 1: (30 + 4) / 10 = 3.4.
        Assert.Equal(3.4, Assert.Single(result.Response!.Scores).Score!.Value, 9);
    }

    [Fact]
    public async Task Overdue_occasion_can_still_be_answered()
    {
        var input = ValidInput();
        input.Occasion = FirstOccasion;

        Assert.True((await SubmitAsAsync(_scenario.Mentor, input)).Saved);
    }

    public static TheoryData<string, Action<SubmitInput>> InvalidInputs => new()
    {
        { "That question is not part of this questionnaire.", input => input.Answers["mentor.unknown"] = 3 },
        { "Choose one of the answers offered.", input => input.Answers["mentor.close"] = 0 },
        { "Choose one of the answers offered.", input => input.Answers["mentor.close"] = 6 },
        { "Answer at least one question.", input => input.Answers.Clear() },
        { "That date is not one on which this questionnaire is due.", input => input.Occasion = new(2026, 2, 1) },
        { "That date is not one on which this questionnaire is due.", input => input.Occasion = new(2026, 7, 30) },
        { "That match is not part of this programme.", input => input.MatchId = 999 },
        { "That questionnaire is not part of this programme.", input => input.QuestionnaireId = 999 },
    };

    [Theory]
    [MemberData(nameof(InvalidInputs))]
    public async Task Invalid_response_is_refused_and_nothing_is_stored(string message, Action<SubmitInput> spoil)
    {
        var input = ValidInput();
        spoil(input);

        var result = await SubmitAsAsync(_scenario.Mentor, input);

        Assert.False(result.Saved);
        Assert.Contains(result.Errors, e => e.Message == message);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Every_error_is_returned_at_once()
    {
        var input = ValidInput();
        input.Occasion = new DateOnly(2026, 2, 1);
        input.Answers["mentor.close"] = 9;
        input.Answers["mentor.unknown"] = 1;

        var result = await SubmitAsAsync(_scenario.Mentor, input);

        Assert.Equal(3, result.Errors.Count);
        Assert.Contains(result.Errors, e => e.ItemKey == "mentor.close");
        Assert.Contains(result.Errors, e => e.ItemKey == "mentor.unknown");
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Mentor_cannot_answer_the_mentee_questionnaire()
    {
        var input = ValidInput();
        input.QuestionnaireId = _scenario.Youth.Id;
        input.Answers = AllAnswered(_scenario.Youth, 3);

        var result = await SubmitAsAsync(_scenario.Mentor, input);

        Assert.Equal("This questionnaire is not yours to answer for this match.", Assert.Single(result.Errors).Message);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Mentor_of_another_match_cannot_answer_for_this_one()
    {
        var otherMentor = await _scenario.Data.AddPersonAsync("Pau Test", _scenario.Programme.Id, ProgrammeRole.Mentor);

        var result = await SubmitAsAsync(otherMentor, ValidInput());

        Assert.Equal("This questionnaire is not yours to answer for this match.", Assert.Single(result.Errors).Message);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Response_for_a_closed_match_is_refused()
    {
        var mentee = await _scenario.Data.AddPersonAsync("Oleh Test", _scenario.Programme.Id, ProgrammeRole.Mentee);
        var closed = await _scenario.Data.AddMatchAsync(
            _scenario.Programme.Id, _scenario.Mentor, mentee, Start, MatchStatus.Closed);
        var input = ValidInput();
        input.MatchId = closed.Id;

        var result = await SubmitAsAsync(_scenario.Mentor, input);

        Assert.Equal("This match is closed; it takes no new responses.", Assert.Single(result.Errors).Message);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Questionnaire_of_another_network_is_refused()
    {
        var otherNetwork = await _scenario.Data.AddNetworkAsync("Other Network");
        var foreign = await _scenario.AddQuestionnaireAsync(otherNetwork.Id, DemoQuestionnaires.Mentor());
        var input = ValidInput();
        input.QuestionnaireId = foreign.Id;

        var result = await SubmitAsAsync(_scenario.Mentor, input);

        Assert.False(result.Saved);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Second_submission_for_an_answered_occasion_is_refused()
    {
        Assert.True((await SubmitAsAsync(_scenario.Mentor, ValidInput())).Saved);

        var second = await SubmitAsAsync(_scenario.Mentor, ValidInput());

        Assert.Equal("This questionnaire has already been answered for that date.",
            Assert.Single(second.Errors).Message);
        await using var db = await _scenario.Database.OpenAsync();
        Assert.Equal(1, await db.Set<Response>().CountAsync());
    }

    [Fact]
    public async Task Retried_submission_is_saved_once_and_returns_the_first_response()
    {
        var input = ValidInput();

        var first = await SubmitAsAsync(_scenario.Mentor, input);
        var retry = await SubmitAsAsync(_scenario.Mentor, input);

        Assert.Equal(first.Response!.Id, retry.Response!.Id);
        Assert.Equivalent(first.Response.Scores, retry.Response.Scores);
        await using var db = await _scenario.Database.OpenAsync();
        Assert.Equal(1, await db.Set<Response>().CountAsync());
    }

    [Fact]
    public async Task Simultaneous_retries_of_one_submission_save_one_response()
    {
        var input = ValidInput();

        var results = await Task.WhenAll(Enumerable.Range(0, 4)
            .Select(_ => Task.Run(() => SubmitAsAsync(_scenario.Mentor, input))));

        Assert.All(results, r => Assert.True(r.Saved));
        Assert.Single(results.Select(r => r.Response!.Id).Distinct());
        await using var db = await _scenario.Database.OpenAsync();
        Assert.Equal(1, await db.Set<Response>().CountAsync());
    }

    [Fact]
    public async Task Programme_scores_give_the_mean_bands_and_months_of_each_scale()
    {
        var first = ValidInput();
        first.Occasion = FirstOccasion;
        first.Answers = AllAnswered(_scenario.MentorQuestionnaire, 5);
        await SubmitAsAsync(_scenario.Mentor, first);
        await SubmitAsAsync(_scenario.Mentor, ValidInput());

        var scores = await _services.Questionnaires.ReadProgrammeScoresAsync(_scenario.Programme.Id, Start);

        // Closeness: all 5s count (4 * 5 + 6 * 1) / 10 = 2.6 in January, all 4s count 2.8 in May.
        var closeness = scores.Single(s => s.ScaleKey == DemoQuestionnaires.MentorAffectiveScale);
        Assert.Equal(2, closeness.Responses);
        Assert.Equal(2.7, closeness.Mean!.Value, 9);
        Assert.Equal(2, closeness.Concerns);
        Assert.Equal(["Concern", "Fair", "Strong"], closeness.Bands.Select(b => b.Label));
        Assert.Equal([(2026, 1), (2026, 5)], closeness.Months.Select(m => (m.Year, m.Month)));
        Assert.Equal(2.6, closeness.Months[0].Mean, 9);
        Assert.Equal(2, scores.Count);
        Assert.Empty(
            await _services.Questionnaires.ReadProgrammeScoresAsync(_scenario.Programme.Id, new(2026, 6, 1)));
    }

    private SubmitInput ValidInput() => _scenario.MentorInput(SecondOccasion);

    private Task<SubmitResult> SubmitAsAsync(Person person, SubmitInput input) =>
        _services.Questionnaires.SubmitAsync(_scenario.Programme.Id, person.Id, input);

    private async Task AssertNothingStoredAsync()
    {
        await using var db = await _scenario.Database.OpenAsync();
        Assert.Equal(0, await db.Set<Response>().CountAsync());
        Assert.Equal(0, await db.Set<ResponseAnswer>().CountAsync());
        Assert.Equal(0, await db.Set<ResponseScore>().CountAsync());
    }
}
