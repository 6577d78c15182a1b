namespace MentorDashboard.Features.Questionnaires;

/// <summary>One scale's score in one response.</summary>
/// <param name="Score">The mean or sum after reversal; null when fewer than the minimum items were answered.</param>
/// <param name="Band">The label of the band the score falls in, if the scale has bands.</param>
public sealed record ScaleScore(string ScaleKey, double? Score, string? Band, bool IsConcern);

/// <summary>
/// Turns answers into scale scores by the questionnaire's own rules. It reads nothing and writes nothing, so the
/// same rules score a response on saving, a re-scoring after an admin edit, and a test worked by hand.
/// </summary>
public static class ScoringEngine
{
    /// <summary>Scores every scale of the questionnaire, in its order; answers are keyed by item key.</summary>
    public static IReadOnlyList<ScaleScore> Score(
        Questionnaire questionnaire, IReadOnlyDictionary<string, int> answers)
    {
        var points = questionnaire.ResponseScale.Points;
        return questionnaire.Scales
            .OrderBy(s => s.SortOrder)
            .Select(scale =>
            {
                var counted = questionnaire.Items
                    .Where(item => item.ScaleKey == scale.Key && answers.ContainsKey(item.Key))
                    .Select(item => Counted(answers[item.Key], item.IsReversed, points))
                    .ToList();
                return ScoreOf(scale, counted);
            })
            .ToList();
    }

    /// <summary>What an answer counts for: a reversed item's scale is turned round.</summary>
    public static int Counted(int value, bool isReversed, int points) => isReversed ? points + 1 - value : value;

    /// <summary>The band a score falls in: the first whose exclusive upper bound lies above it.</summary>
    public static ScoreBand? BandOf(IEnumerable<ScoreBand> bands, double score) =>
        bands.FirstOrDefault(band => band.UpTo is not { } upTo || score < upTo);

    private static ScaleScore ScoreOf(QuestionnaireScale scale, List<int> counted)
    {
        if (counted.Count == 0 || counted.Count < scale.MinAnswered)
        {
            return new ScaleScore(scale.Key, null, null, false);
        }

        double score = scale.Scoring == ScaleScoring.Sum ? counted.Sum() : counted.Average();
        var band = BandOf(scale.Bands, score);
        return new ScaleScore(scale.Key, score, band?.Label, band?.IsConcern ?? false);
    }
}
