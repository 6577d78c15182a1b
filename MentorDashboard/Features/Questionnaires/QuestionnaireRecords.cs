namespace MentorDashboard.Features.Questionnaires;

/// <summary>What the answering page sends; mutable because the page fills it in answer by answer.</summary>
public sealed class SubmitInput
{
    /// <summary>Chosen by the page once, so a submit retried over a poor connection saves one response.</summary>
    public Guid SubmissionId { get; set; } = Guid.NewGuid();

    public int QuestionnaireId { get; set; }

    public int MatchId { get; set; }

    /// <summary>The due date the response answers, one of the questionnaire's occasions for the match.</summary>
    public DateOnly Occasion { get; set; }

    /// <summary>The chosen point per item key; items left out are unanswered.</summary>
    public Dictionary<string, int> Answers { get; set; } = [];
}

/// <summary>One reason a response was refused; <see cref="Message"/> is the English text and localisation key.
/// </summary>
/// <param name="ItemKey">The item it is about, or null for the response as a whole.</param>
public sealed record ResponseError(string? ItemKey, string Message);

public sealed record SavedResponse(
    long Id, int QuestionnaireId, int MatchId, DateOnly Occasion, DateTime SubmittedAtUtc,
    IReadOnlyList<ScaleScore> Scores);

public sealed record SubmitResult(SavedResponse? Response, IReadOnlyList<ResponseError> Errors)
{
    public bool Saved => Response is not null;

    public static SubmitResult Rejected(params ResponseError[] errors) => new(null, errors);
}

/// <summary>A questionnaire a person should answer for one of their matches.</summary>
/// <param name="PartnerName">The other person of the match: the mentee for a mentor, the mentor for a mentee.
/// </param>
public sealed record DueQuestionnaire(
    int QuestionnaireId, string Title, int MatchId, string PartnerName, DateOnly Occasion, DueStatus Status);

/// <summary>An occasion of a match that has come and has no response yet from one of its respondents.</summary>
/// <param name="IsLatest">No later occasion of the questionnaire has come for the match yet.</param>
public sealed record OpenQuestionnaire(
    int MatchId, int QuestionnaireId, string Title, DateOnly Occasion, bool IsLatest);

/// <summary>Open occasions of a programme's active matches, for the coordinator's dashboard.</summary>
public sealed record DueCounts(int Due, int Overdue)
{
    /// <summary>The open occasions counted as due or overdue on <paramref name="today"/>.</summary>
    public static DueCounts Of(IReadOnlyCollection<OpenQuestionnaire> open, DateOnly today)
    {
        var overdue = open.Count(o => QuestionnaireSchedule.StatusOf(o.Occasion, today) == DueStatus.Overdue);
        return new DueCounts(open.Count - overdue, overdue);
    }
}

/// <summary>Everything the answering page shows for one questionnaire, match and occasion.</summary>
/// <param name="Occasion">The occasion answered: the one asked for, else the oldest open one; null when none has
/// come yet.</param>
public sealed record QuestionnaireForm(
    int QuestionnaireId,
    string Title,
    ResponseScale Scale,
    IReadOnlyList<FormItem> Items,
    int MatchId,
    string PartnerName,
    DateOnly? Occasion,
    bool IsAnswered);

public sealed record FormItem(string Key, string Text);

/// <summary>One scale's results in a programme, for a data card.</summary>
/// <param name="Mean">The mean score of all scored responses in the period; null when none was scored.</param>
/// <param name="Bands">Scored responses per band, in the scale's band order, bands without responses included.
/// </param>
/// <param name="Months">The mean per calendar month of the occasion, oldest first; months without scores are left
/// out.</param>
public sealed record ProgrammeScaleScores(
    int QuestionnaireId,
    string QuestionnaireKey,
    string QuestionnaireTitle,
    string ScaleKey,
    string ScaleName,
    int Responses,
    double? Mean,
    IReadOnlyList<BandCount> Bands,
    IReadOnlyList<MonthlyMean> Months)
{
    public int Concerns => Bands.Where(b => b.IsConcern).Sum(b => b.Count);
}

public sealed record BandCount(string Label, bool IsConcern, int Count);

public sealed record MonthlyMean(int Year, int Month, double Mean, int Responses);

/// <summary>A scale score in a concern band on a match's latest response.</summary>
public sealed record ConcernScore(int MatchId, string ScaleName, double Score, string? Band);
