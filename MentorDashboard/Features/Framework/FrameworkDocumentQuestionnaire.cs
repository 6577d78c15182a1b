using MentorDashboard.Features.Questionnaires;

namespace MentorDashboard.Features.Framework;

/// <summary>A questionnaire as the <c>questionnaires</c> section of a framework document lists it.</summary>
public sealed record FrameworkDocumentQuestionnaire(
    string Key,
    string Title,
    QuestionnaireRespondent Respondent,
    FrameworkDocumentResponseScale ResponseScale,
    FrameworkDocumentSchedule Schedule,
    bool Retired,
    int SortOrder,
    IReadOnlyList<FrameworkDocumentQuestionnaireItem> Items,
    IReadOnlyList<FrameworkDocumentScale> Scales)
{
    /// <summary>The section entry of a stored questionnaire, its items and scales in their order.</summary>
    public static FrameworkDocumentQuestionnaire From(Questionnaire questionnaire) => new(
        questionnaire.Key,
        questionnaire.Title,
        questionnaire.Respondent,
        new(questionnaire.ResponseScale.Points, questionnaire.ResponseScale.Anchors,
            questionnaire.ResponseScale.Kind),
        new(questionnaire.FirstDueAfterDays, questionnaire.RepeatEveryDays, questionnaire.DueAtClosure),
        questionnaire.IsRetired,
        questionnaire.SortOrder,
        questionnaire.Items
            .OrderBy(i => i.SortOrder)
            .ThenBy(i => i.Key, StringComparer.Ordinal)
            .Select(i => new FrameworkDocumentQuestionnaireItem(
                i.Key,
                i.Text,
                new SortedDictionary<string, string>(i.Texts, StringComparer.Ordinal),
                i.ScaleKey,
                i.IsReversed,
                i.SortOrder,
                i.IsRetired))
            .ToList(),
        questionnaire.Scales
            .OrderBy(s => s.SortOrder)
            .ThenBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => new FrameworkDocumentScale(s.Key, s.Name, s.Scoring, s.MinAnswered,
                s.Bands.Select(b => new FrameworkDocumentBand(b.UpTo, b.Label, b.IsConcern)).ToList(), s.SortOrder))
            .ToList());
}

public sealed record FrameworkDocumentResponseScale(
    int Points, IReadOnlyList<string> Anchors, ResponseScaleKind Kind);

public sealed record FrameworkDocumentSchedule(int FirstDueAfterDays, int? RepeatEveryDays, bool DueAtClosure);

public sealed record FrameworkDocumentQuestionnaireItem(
    string Key,
    string Text,
    IReadOnlyDictionary<string, string> Texts,
    string Scale,
    bool Reversed,
    int SortOrder,
    bool Retired = false);

public sealed record FrameworkDocumentScale(
    string Key,
    string Name,
    ScaleScoring Scoring,
    int MinAnswered,
    IReadOnlyList<FrameworkDocumentBand> Bands,
    int SortOrder);

public sealed record FrameworkDocumentBand(double? UpTo, string Label, bool IsConcern);
