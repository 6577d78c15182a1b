using MentorDashboard.Features.Demo;
using MentorDashboard.Features.Questionnaires;

namespace MentorDashboard.Tests.Features.Questionnaires;

public sealed class ScoringEngineTests
{
    private const int Precision = 9;

    [Theory]
    [InlineData(5, 1, 5)]
    [InlineData(5, 2, 4)]
    [InlineData(5, 3, 3)]
    [InlineData(4, 1, 4)]
    [InlineData(4, 3, 2)]
    [InlineData(11, 2, 10)]
    [InlineData(2, 2, 1)]
    public void Reversed_answer_counts_as_points_plus_one_minus_the_value(int points, int value, int counted) =>
        Assert.Equal(counted, ScoringEngine.Counted(value, isReversed: true, points));

    [Fact]
    public void Answer_to_an_item_that_is_not_reversed_counts_as_given() =>
        Assert.Equal(2, ScoringEngine.Counted(2, isReversed: false, points: 5));

    [Fact]
    public void Mean_scale_averages_its_answered_items_after_reversal()
    {
        var questionnaire = Define(ScaleScoring.Mean, minAnswered: 1, ("a", false), ("b", true), ("c", false));

        // a = 4, b = 2 reversed on 5 points = 4, c = 1: (4 + 4 + 1) / 3 = 3
        var score = Single(questionnaire, ("a", 4), ("b", 2), ("c", 1));

        Assert.Equal(3.0, score.Score!.Value, Precision);
    }

    [Fact]
    public void Sum_scale_adds_its_answered_items_after_reversal()
    {
        var questionnaire = Define(ScaleScoring.Sum, minAnswered: 1, ("a", false), ("b", true), ("c", false));

        // 4 + (6 - 2) + 1 = 9
        var score = Single(questionnaire, ("a", 4), ("b", 2), ("c", 1));

        Assert.Equal(9.0, score.Score!.Value, Precision);
    }

    [Fact]
    public void Unanswered_items_are_left_out_of_the_mean_rather_than_counted_as_zero()
    {
        var questionnaire = Define(ScaleScoring.Mean, minAnswered: 2, ("a", false), ("b", false), ("c", false));

        var score = Single(questionnaire, ("a", 5), ("c", 2));

        Assert.Equal(3.5, score.Score!.Value, Precision);
    }

    [Fact]
    public void Scale_with_exactly_the_minimum_answered_is_scored()
    {
        var questionnaire = Define(ScaleScoring.Mean, minAnswered: 2, ("a", false), ("b", false), ("c", false));

        Assert.NotNull(Single(questionnaire, ("a", 3), ("b", 3)).Score);
    }

    [Fact]
    public void Scale_with_one_answer_fewer_than_the_minimum_has_no_score_band_or_concern()
    {
        var questionnaire = Define(ScaleScoring.Mean, minAnswered: 2, ("a", false), ("b", false), ("c", false));

        var score = Single(questionnaire, ("a", 1));

        Assert.Null(score.Score);
        Assert.Null(score.Band);
        Assert.False(score.IsConcern);
    }

    [Fact]
    public void Scale_with_no_answers_has_no_score_even_with_a_minimum_of_zero()
    {
        var questionnaire = Define(ScaleScoring.Sum, minAnswered: 0, ("a", false));

        Assert.Null(Single(questionnaire).Score);
    }

    [Theory]
    [InlineData(2.99, "Concern", true)]
    [InlineData(3.0, "Fair", false)]
    [InlineData(3.99, "Fair", false)]
    [InlineData(4.0, "Strong", false)]
    [InlineData(5.0, "Strong", false)]
    public void Band_is_the_first_whose_upper_bound_lies_above_the_score(
        double score, string label, bool isConcern)
    {
        var band = ScoringEngine.BandOf(DemoQuestionnaires.Youth().Scales[0].Bands, score);

        Assert.Equal(label, band?.Label);
        Assert.Equal(isConcern, band?.IsConcern);
    }

    [Fact]
    public void Score_above_every_bound_has_no_band_when_the_last_band_is_bounded()
    {
        var questionnaire = Define(ScaleScoring.Mean, minAnswered: 1, ("a", false));
        questionnaire.Scales[0].Bands = [new ScoreBand(3.0, "Low", IsConcern: true)];

        var score = Single(questionnaire, ("a", 4));

        Assert.Equal(4.0, score.Score);
        Assert.Null(score.Band);
        Assert.False(score.IsConcern);
    }

    [Fact]
    public void Each_scale_counts_only_its_own_items()
    {
        var questionnaire = Define(ScaleScoring.Mean, minAnswered: 1, ("a", false), ("b", false));
        questionnaire.Items[1].ScaleKey = "other";
        questionnaire.Scales.Add(new QuestionnaireScale
        {
            Key = "other", Name = "Other", Scoring = ScaleScoring.Sum, MinAnswered = 1, SortOrder = 2,
        });

        var scores = ScoringEngine.Score(questionnaire, Answers(("a", 2), ("b", 5)));

        Assert.Equal(["scale", "other"], scores.Select(s => s.ScaleKey));
        Assert.Equal(2.0, scores[0].Score);
        Assert.Equal(5.0, scores[1].Score);
    }

    [Fact]
    public void Youth_relationship_example_worked_by_hand_is_strong()
    {
        // Items in order, R = reversed, counted as 6 - value on five points:
        // look-forward 4, listens 5, trust 3, bored R 2 -> 4, helps 4, uneasy R 1 -> 5, cares 5,
        // keep-quiet R 3 -> 3, be-myself 4, other-mentor R 2 -> 4.
        // Sum 4 + 5 + 3 + 4 + 4 + 5 + 5 + 3 + 4 + 4 = 41 over 10 items: mean 4.1, at least 4.0, so "Strong".
        var score = Single(DemoQuestionnaires.Youth(),
            ("youth.look-forward", 4), ("youth.listens", 5), ("youth.trust", 3), ("youth.bored", 2),
            ("youth.helps", 4), ("youth.uneasy", 1), ("youth.cares", 5), ("youth.keep-quiet", 3),
            ("youth.be-myself", 4), ("youth.other-mentor", 2));

        Assert.Equal(DemoQuestionnaires.YouthScale, score.ScaleKey);
        Assert.Equal(4.1, score.Score!.Value, Precision);
        Assert.Equal("Strong", score.Band);
        Assert.False(score.IsConcern);
    }

    [Fact]
    public void Youth_relationship_with_one_item_skipped_and_low_answers_is_a_concern()
    {
        // other-mentor left out; 9 answered is at least the minimum of 8.
        // look-forward 2, listens 3, trust 2, bored R 4 -> 2, helps 3, uneasy R 3 -> 3, cares 3,
        // keep-quiet R 4 -> 2, be-myself 2. Sum 2 + 3 + 2 + 2 + 3 + 3 + 3 + 2 + 2 = 22 over 9: mean 2.444...,
        // under 3.0, so "Concern".
        var score = Single(DemoQuestionnaires.Youth(),
            ("youth.look-forward", 2), ("youth.listens", 3), ("youth.trust", 2), ("youth.bored", 4),
            ("youth.helps", 3), ("youth.uneasy", 3), ("youth.cares", 3), ("youth.keep-quiet", 4),
            ("youth.be-myself", 2));

        Assert.Equal(22.0 / 9, score.Score!.Value, Precision);
        Assert.Equal("Concern", score.Band);
        Assert.True(score.IsConcern);
    }

    [Fact]
    public void Youth_relationship_with_three_items_skipped_has_no_score()
    {
        var score = Single(DemoQuestionnaires.Youth(),
            ("youth.look-forward", 5), ("youth.listens", 5), ("youth.trust", 5), ("youth.bored", 1),
            ("youth.helps", 5), ("youth.uneasy", 1), ("youth.cares", 5));

        Assert.Null(score.Score);
    }

    [Fact]
    public void Mentor_relationship_example_worked_by_hand_scores_both_subscales()
    {
        // Closeness (10 items, 6 reversed, counted as 6 - value):
        // close 4, frustrated R 2 -> 4, enjoy 5, hard-to-connect R 1 -> 5, difference 3, not-wanted R 2 -> 4,
        // shares 4, surface R 3 -> 3, dread R 1 -> 5, doubt R 2 -> 4.
        // Sum 4 + 4 + 5 + 5 + 3 + 4 + 4 + 3 + 5 + 4 = 41 over 10: mean 4.1, "Strong".
        // Meeting in practice (4 items, 2 reversed):
        // easy-to-plan 2, travel R 5 -> 1, turns-up 3, cancelled R 4 -> 2.
        // Sum 2 + 1 + 3 + 2 = 8 over 4: mean 2.0, under 3.0, "Concern".
        var scores = ScoringEngine.Score(DemoQuestionnaires.Mentor(), Answers(
            ("mentor.close", 4), ("mentor.frustrated", 2), ("mentor.enjoy", 5), ("mentor.hard-to-connect", 1),
            ("mentor.difference", 3), ("mentor.not-wanted", 2), ("mentor.shares", 4), ("mentor.surface", 3),
            ("mentor.dread", 1), ("mentor.doubt", 2),
            ("mentor.easy-to-plan", 2), ("mentor.travel", 5), ("mentor.turns-up", 3), ("mentor.cancelled", 4)));

        Assert.Equal(
            [DemoQuestionnaires.MentorAffectiveScale, DemoQuestionnaires.MentorLogisticalScale],
            scores.Select(s => s.ScaleKey));
        Assert.Equal(4.1, scores[0].Score!.Value, Precision);
        Assert.Equal("Strong", scores[0].Band);
        Assert.Equal(2.0, scores[1].Score!.Value, Precision);
        Assert.Equal("Concern", scores[1].Band);
        Assert.True(scores[1].IsConcern);
    }

    [Fact]
    public void Demo_instruments_have_the_item_counts_and_reversals_of_their_design()
    {
        var youth = DemoQuestionnaires.Youth();
        var mentor = DemoQuestionnaires.Mentor();

        Assert.Equal(10, youth.Items.Count);
        Assert.Equal(4, youth.Items.Count(i => i.IsReversed));
        Assert.Equal(5, youth.ResponseScale.Points);
        Assert.Equal(ResponseScaleKind.Frequency, youth.ResponseScale.Kind);
        Assert.Equal(14, mentor.Items.Count);
        Assert.Equal(8, mentor.Items.Count(i => i.IsReversed));
        Assert.Equal(10, mentor.Items.Count(i => i.ScaleKey == DemoQuestionnaires.MentorAffectiveScale));
        Assert.Equal(4, mentor.Items.Count(i => i.ScaleKey == DemoQuestionnaires.MentorLogisticalScale));
        Assert.Equal(ResponseScaleKind.Agreement, mentor.ResponseScale.Kind);
        Assert.All([youth, mentor], q => Assert.Equal(q.ResponseScale.Points, q.ResponseScale.Anchors.Count));
        Assert.All([youth, mentor], q => Assert.Equal(q.Items.Count, q.Items.Select(i => i.Key).Distinct().Count()));
    }

    private static ScaleScore Single(Questionnaire questionnaire, params (string Key, int Value)[] answers) =>
        Assert.Single(ScoringEngine.Score(questionnaire, Answers(answers)));

    private static Dictionary<string, int> Answers(params (string Key, int Value)[] answers) =>
        answers.ToDictionary(a => a.Key, a => a.Value);

    /// <summary>A five-point questionnaire with one scale, "scale", holding the given items.</summary>
    private static Questionnaire Define(
        ScaleScoring scoring, int minAnswered, params (string Key, bool IsReversed)[] items) => new()
    {
        Key = "questionnaire.test",
        Title = "Test",
        ResponseScale = new ResponseScale(5, ResponseScaleKind.Agreement, ["1", "2", "3", "4", "5"]),
        Items = items
            .Select((item, index) => new QuestionnaireItem
            {
                Key = item.Key, Text = item.Key, ScaleKey = "scale", IsReversed = item.IsReversed,
                SortOrder = index,
            })
            .ToList(),
        Scales =
        [
            new QuestionnaireScale
            {
                Key = "scale", Name = "Scale", Scoring = scoring, MinAnswered = minAnswered, SortOrder = 1,
            },
        ],
    };
}
