namespace MentorDashboard.Features.Questionnaires;

public enum QuestionnaireRespondent
{
    Mentor,
    Mentee,
    Both,
}

public enum ResponseScaleKind
{
    Agreement,
    Frequency,
    Faces,
}

public enum ScaleScoring
{
    Mean,
    Sum,
}

/// <summary>
/// The points a person chooses from, 1 to <see cref="Points"/>, with one label per point (an empty label leaves a
/// middle point unlabelled).
/// </summary>
public sealed record ResponseScale(int Points, ResponseScaleKind Kind, IReadOnlyList<string> Anchors)
{
    public const int MinPoints = 2;

    public const int MaxPoints = 11;
}

/// <summary>
/// A band of scale scores below <see cref="UpTo"/> (exclusive; null means no upper bound), such as "concern".
/// </summary>
public sealed record ScoreBand(double? UpTo, string Label, bool IsConcern = false);

/// <summary>
/// A network's questionnaire: items on one response scale, grouped into scales, answered by the mentor, the mentee
/// or both of every match on a schedule relative to the match start.
/// </summary>
public sealed class Questionnaire
{
    public int Id { get; set; }

    public int NetworkId { get; set; }

    /// <summary>A lower-case dotted key such as <c>questionnaire.youth-relationship</c>; never edited or reused.
    /// </summary>
    public required string Key { get; set; }

    public required string Title { get; set; }

    public QuestionnaireRespondent Respondent { get; set; }

    public required ResponseScale ResponseScale { get; set; }

    /// <summary>Days after the match start of the first occasion, for example 30.</summary>
    public int FirstDueAfterDays { get; set; }

    /// <summary>Days between later occasions, for example 90; null for a questionnaire given once.</summary>
    public int? RepeatEveryDays { get; set; }

    public bool DueAtClosure { get; set; }

    /// <summary>
    /// The day the questionnaire first had a question to ask. A match that was already running then answers the
    /// latest occasion before that day, not every one since its start, so adding a questionnaire does not make
    /// every running match overdue many times over. Null asks every occasion (questionnaires that predate it).
    /// </summary>
    public DateOnly? AskedFrom { get; set; }

    /// <summary>Whether the questionnaire has a question in use, so that people are asked it.</summary>
    public bool HasQuestions => Items.Any(i => !i.IsRetired);

    /// <summary>
    /// Notes today as the day asking began when a change gave the questionnaire its first question in use. One
    /// that was asked before the change keeps its day, or none if it predates them, so that an added question or
    /// an import does not take away occasions its running matches already had open.
    /// </summary>
    /// <param name="askedBefore"><see cref="HasQuestions"/> as it was before the change.</param>
    public void MarkAskedFrom(DateOnly today, bool askedBefore)
    {
        if (AskedFrom is null && !askedBefore && HasQuestions)
        {
            AskedFrom = today;
        }
    }

    /// <summary>A retired questionnaire keeps its responses but is no longer due.</summary>
    public bool IsRetired { get; set; }

    public int SortOrder { get; set; }

    public List<QuestionnaireItem> Items { get; set; } = [];

    public List<QuestionnaireScale> Scales { get; set; } = [];

    public bool IsAnsweredBy(QuestionnaireRespondent role) =>
        Respondent == QuestionnaireRespondent.Both || Respondent == role;
}

/// <summary>One statement or question, answered on the questionnaire's response scale.</summary>
public sealed class QuestionnaireItem
{
    public int Id { get; set; }

    public int QuestionnaireId { get; set; }

    /// <summary>Stable within its questionnaire, such as <c>youth.trust</c>; answers refer to it.</summary>
    public required string Key { get; set; }

    /// <summary>The text in the network's default language.</summary>
    public required string Text { get; set; }

    /// <summary>Translations by culture name (<c>es-ES</c>, <c>fr</c>); a missing one falls back to
    /// <see cref="Text"/>.</summary>
    public Dictionary<string, string> Texts { get; set; } = [];

    public required string ScaleKey { get; set; }

    /// <summary>A negatively worded item: its answer counts as (points + 1 − value).</summary>
    public bool IsReversed { get; set; }

    /// <summary>A retired item is no longer asked; answers given to it stay readable.</summary>
    public bool IsRetired { get; set; }

    public int SortOrder { get; set; }

    public string TextFor(string cultureName)
    {
        if (Texts.TryGetValue(cultureName, out var text))
        {
            return text;
        }

        var dash = cultureName.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && Texts.TryGetValue(cultureName[..dash], out var neutral) ? neutral : Text;
    }
}

/// <summary>A group of items with one score, for example the affective side of a relationship.</summary>
public sealed class QuestionnaireScale
{
    public int Id { get; set; }

    public int QuestionnaireId { get; set; }

    public required string Key { get; set; }

    public required string Name { get; set; }

    public ScaleScoring Scoring { get; set; }

    /// <summary>Fewer answered items than this leave the score empty rather than guessed.</summary>
    public int MinAnswered { get; set; } = 1;

    /// <summary>Ordered by <see cref="ScoreBand.UpTo"/>; the first whose bound lies above a score names it.</summary>
    public List<ScoreBand> Bands { get; set; } = [];

    public int SortOrder { get; set; }
}
