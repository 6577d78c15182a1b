using MentorDashboard.Features.Framework;

namespace MentorDashboard.Features.Questionnaires;

/// <summary>
/// The rules of a questionnaire's settings that need no database. Keys follow the framework's key rules
/// (<see cref="FrameworkKeys"/>); a questionnaire's key also starts with <see cref="KeyPrefix"/>.
/// </summary>
public static class QuestionnaireRules
{
    public const string KeyPrefix = "questionnaire.";

    public const int MaxTextLength = 500;

    public const int MinRepeatEveryDays = 7;

    /// <summary>Ten years, longer than any match: a larger number is a typing mistake.</summary>
    public const int MaxScheduleDays = 3650;

    public static FrameworkError? CheckKey(string? key) =>
        FrameworkKeys.Check(key, programmeKey: null, QuestionnaireFields.Key)
        ?? (key!.StartsWith(KeyPrefix, StringComparison.Ordinal)
            ? null
            : new(QuestionnaireFields.Key, "A questionnaire key starts with {0}.", KeyPrefix));

    public static FrameworkError? CheckText(string? text) => text switch
    {
        _ when string.IsNullOrWhiteSpace(text) => new(QuestionnaireFields.Text, "Enter the question's text."),
        { Length: > MaxTextLength } => new(QuestionnaireFields.Text, "A question is at most 500 characters long."),
        _ => null,
    };

    public static IEnumerable<FrameworkError> CheckSettings(QuestionnaireSettings settings)
    {
        if (FrameworkKeys.CheckLabel(settings.Title, QuestionnaireFields.Title) is { } titleError)
        {
            yield return titleError with { Message = "Enter a title of at most 200 characters." };
        }

        if (settings.FirstDueAfterDays < 1)
        {
            yield return new(
                QuestionnaireFields.FirstDue, "The first time is at least one day after the match starts.");
        }
        else if (settings.FirstDueAfterDays > MaxScheduleDays)
        {
            yield return new(QuestionnaireFields.FirstDue,
                "The first time is at most 3650 days (ten years) after the match starts.");
        }

        if (settings.RepeatEveryDays is < MinRepeatEveryDays)
        {
            yield return new(QuestionnaireFields.Repeat, "Repeat at most once a week, or leave the repeat empty.");
        }
        else if (settings.RepeatEveryDays > MaxScheduleDays)
        {
            yield return new(QuestionnaireFields.Repeat, "Repeat at least every 3650 days (ten years).");
        }

        foreach (var error in CheckResponseScale(settings.ResponseScale))
        {
            yield return error;
        }
    }

    /// <summary>
    /// A response scale has one label per point. The two ends must be labelled so a person knows which way the
    /// scale runs; a middle point may stay unlabelled (an empty label), as many printed scales do.
    /// </summary>
    public static IEnumerable<FrameworkError> CheckResponseScale(ResponseScale scale)
    {
        if (scale.Points is < ResponseScale.MinPoints or > ResponseScale.MaxPoints)
        {
            yield return new(QuestionnaireFields.Points, "A response scale has 2 to 11 points.");
            yield break;
        }

        if (scale.Anchors.Count != scale.Points)
        {
            yield return new(QuestionnaireFields.Anchors, "Give one label per point.");
        }
        else if (string.IsNullOrWhiteSpace(scale.Anchors[0]) || string.IsNullOrWhiteSpace(scale.Anchors[^1]))
        {
            yield return new(QuestionnaireFields.Anchors, "Label at least the first and the last point.");
        }
        else if (scale.Anchors.Any(a => a.Length > FrameworkKeys.MaxLabelLength))
        {
            yield return new(QuestionnaireFields.Anchors, "A label is at most 200 characters long.");
        }
    }

    /// <summary>
    /// Bands run from low to high: every band but the last has an upper bound above the one before; the last may
    /// have none (it takes every higher score).
    /// </summary>
    public static FrameworkError? CheckBands(IReadOnlyList<ScoreBand> bands)
    {
        double? previous = null;
        for (var i = 0; i < bands.Count; i++)
        {
            var band = bands[i];
            if (FrameworkKeys.CheckLabel(band.Label, QuestionnaireFields.Bands) is not null)
            {
                return new(QuestionnaireFields.Bands, "Give every band a label of at most 200 characters.");
            }

            if (band.UpTo is not { } upTo)
            {
                if (i < bands.Count - 1)
                {
                    return new(QuestionnaireFields.Bands, "Only the last band may have no upper bound.");
                }

                continue;
            }

            if (previous is { } before && upTo <= before)
            {
                return new(QuestionnaireFields.Bands, "Each band's upper bound must be above the one before.");
            }

            previous = upTo;
        }

        return null;
    }
}
