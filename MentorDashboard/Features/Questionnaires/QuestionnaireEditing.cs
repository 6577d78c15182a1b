using MentorDashboard.Features.Framework;

namespace MentorDashboard.Features.Questionnaires;

/// <summary>A questionnaire in the admin's list.</summary>
public sealed record QuestionnaireSummary(
    int Id, string Key, string Title, QuestionnaireRespondent Respondent, int ItemCount, bool IsRetired,
    bool HasResponses);

/// <summary>A questionnaire with its items and scales, read for editing; <see cref="HasResponses"/> locks
/// whatever would rescore the responses already given.</summary>
public sealed record QuestionnaireDetails(Questionnaire Questionnaire, bool HasResponses);

/// <summary>What the editor changes at once: the title, who answers and when, and the response scale.</summary>
public sealed record QuestionnaireSettings(
    string? Title,
    QuestionnaireRespondent Respondent,
    int FirstDueAfterDays,
    int? RepeatEveryDays,
    bool DueAtClosure,
    ResponseScale ResponseScale);

public sealed record ScaleSettings(string? Name, ScaleScoring Scoring, int MinAnswered, IReadOnlyList<ScoreBand> Bands);

/// <param name="Texts">Translations by culture name; a blank one is dropped (the item then shows
/// <paramref name="Text"/>); null keeps the item's translations as they are.</param>
public sealed record ItemSettings(
    string? Text, string? ScaleKey, bool IsReversed, IReadOnlyDictionary<string, string?>? Texts = null);

/// <summary>A created questionnaire's id, or the reasons it was refused.</summary>
public sealed record QuestionnaireCreated(int? Id, IReadOnlyList<FrameworkError> Errors);

/// <summary>The fields a refusal names, so the editor shows it beside the right input.</summary>
public static class QuestionnaireFields
{
    public const string Key = "key";

    public const string Title = "title";

    public const string FirstDue = "firstDue";

    public const string Repeat = "repeat";

    public const string Points = "points";

    public const string Anchors = "anchors";

    public const string Name = "name";

    public const string Scoring = "scoring";

    public const string MinAnswered = "minAnswered";

    public const string Bands = "bands";

    public const string Text = "text";

    public const string Scale = "scale";

    public const string Reversed = "reversed";
}
