using System.Globalization;
using MentorDashboard.Data;
using MentorDashboard.Features.Live;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Features.Questionnaires;

/// <summary>Says which questionnaires are due, saves responses with their scores, and reads a programme's results.
/// </summary>
public sealed partial class QuestionnaireService(
    IDbContextFactory<AppDbContext> dbFactory,
    IProgrammeEvents events,
    TimeProvider time,
    ILogger<QuestionnaireService> logger)
{
    private const string AlreadyAnswered = "This questionnaire has already been answered for that date.";

    public DateOnly Today => time.Today();

    /// <summary>
    /// The person's open occasions in the programme, oldest first: every questionnaire they answer for each of
    /// their active matches, at each occasion up to today that has no response from them yet.
    /// </summary>
    public async Task<IReadOnlyList<DueQuestionnaire>> ListDueAsync(
        int programmeId, string personId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var open = await ReadOpenOccasionsAsync(db, programmeId, personId, cancellationToken);
        return open
            .Select(o => new DueQuestionnaire(o.Questionnaire.Id, o.Questionnaire.Title, o.MatchId, o.PartnerName,
                o.Occasion, QuestionnaireSchedule.StatusOf(o.Occasion, Today)))
            .OrderBy(d => d.Occasion)
            .ThenBy(d => d.PartnerName, StringComparer.CurrentCulture)
            .ToList();
    }

    /// <summary>How many occasions of the programme's active matches wait for a response, due and overdue.</summary>
    public async Task<DueCounts> CountDueAndOverdueAsync(
        int programmeId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var open = await ReadOpenOccasionsAsync(db, programmeId, null, cancellationToken);
        var overdue = open.Count(o => QuestionnaireSchedule.StatusOf(o.Occasion, Today) == DueStatus.Overdue);
        return new DueCounts(open.Count - overdue, overdue);
    }

    /// <summary>
    /// The questionnaire as the person answers it for the match, or null when it is not theirs to answer.
    /// </summary>
    public async Task<QuestionnaireForm?> GetFormAsync(
        int programmeId,
        string personId,
        int questionnaireId,
        int matchId,
        DateOnly? occasion = null,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var questionnaire = await ReadQuestionnaireAsync(db, programmeId, questionnaireId, cancellationToken);
        var match = await ReadMatchAsync(db, programmeId, matchId, cancellationToken);
        if (questionnaire is null || match is null
            || match.RoleOf(personId) is not { } role || !questionnaire.IsAnsweredBy(role))
        {
            return null;
        }

        var answered = await db.Set<Response>()
            .Where(r => r.MatchId == matchId && r.QuestionnaireId == questionnaireId && r.RespondentId == personId)
            .Select(r => r.Occasion)
            .ToListAsync(cancellationToken);
        var occasions = match.OpenOccasions(questionnaire, Today).ToList();
        var chosen = occasion is { } asked && occasions.Contains(asked)
            ? asked
            : occasions.Where(o => !answered.Contains(o)).Cast<DateOnly?>().FirstOrDefault();
        var culture = CultureInfo.CurrentUICulture.Name;
        return new QuestionnaireForm(
            questionnaire.Id,
            questionnaire.Title,
            questionnaire.ResponseScale,
            questionnaire.Items
                .Where(i => !i.IsRetired)
                .OrderBy(i => i.SortOrder)
                .Select(i => new FormItem(i.Key, i.TextFor(culture)))
                .ToList(),
            matchId,
            match.PartnerNameOf(role),
            chosen,
            chosen is { } date && answered.Contains(date));
    }

    /// <summary>
    /// Checks the response against the questionnaire, the match and the schedule, saves it with its scores, and
    /// only after the save has committed tells the programme's live views. Refused input changes nothing and
    /// comes back with every error; a retried submission returns the response it saved the first time.
    /// </summary>
    public async Task<SubmitResult> SubmitAsync(
        int programmeId, string personId, SubmitInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await FindSubmissionAsync(db, input.SubmissionId, personId, cancellationToken) is { } first)
        {
            return new SubmitResult(first, []);
        }

        var questionnaire = await ReadQuestionnaireAsync(db, programmeId, input.QuestionnaireId, cancellationToken);
        if (questionnaire is null)
        {
            QuestionnairesLog.Rejected(logger, programmeId, 1);
            return SubmitResult.Rejected(
                new ResponseError(null, "That questionnaire is not part of this programme."));
        }

        var match = await ReadMatchAsync(db, programmeId, input.MatchId, cancellationToken);
        var errors = new List<ResponseError>();
        if (match is null)
        {
            errors.Add(new(null, "That match is not part of this programme."));
        }
        else
        {
            await CheckMatchAndOccasionAsync(db, questionnaire, match, personId, input, errors, cancellationToken);
        }

        CheckAnswers(questionnaire, input.Answers, errors);
        if (errors.Count > 0
            && await FindSubmissionAsync(db, input.SubmissionId, personId, cancellationToken) is { } retried)
        {
            // A simultaneous retry of this same submission was saved while these checks ran.
            return new SubmitResult(retried, []);
        }

        if (errors.Count > 0)
        {
            QuestionnairesLog.Rejected(logger, programmeId, errors.Count);
            return new SubmitResult(null, errors);
        }

        var response = NewResponse(questionnaire, programmeId, personId, input, time.GetUtcNow().UtcDateTime);
        db.Set<Response>().Add(response);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same submit arrived twice at once (a retry over a poor connection): the first one won. Another
            // submission for the same occasion may also have won, from a second tab.
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (await FindSubmissionAsync(fresh, input.SubmissionId, personId, cancellationToken) is { } winner)
            {
                return new SubmitResult(winner, []);
            }

            if (await IsAnsweredAsync(fresh, input, personId, cancellationToken))
            {
                return SubmitResult.Rejected(new ResponseError(null, AlreadyAnswered));
            }

            throw;
        }

        QuestionnairesLog.Saved(logger, programmeId, questionnaire.Id, response.Id);

        await events.PublishAsync(
            new ProgrammeEvent(programmeId, ProgrammeEventKind.ResponseSaved, response.SubmittedAtUtc),
            cancellationToken);
        return new SubmitResult(ToSaved(response), []);
    }

    private async Task CheckMatchAndOccasionAsync(
        AppDbContext db,
        Questionnaire questionnaire,
        MatchFacts match,
        string personId,
        SubmitInput input,
        List<ResponseError> errors,
        CancellationToken cancellationToken)
    {
        if (match.RoleOf(personId) is not { } role || !questionnaire.IsAnsweredBy(role))
        {
            errors.Add(new(null, "This questionnaire is not yours to answer for this match."));
        }

        var open = match.OpenOccasions(questionnaire, Today).ToList();
        if (match.IsPaused)
        {
            errors.Add(new(null, "This match is paused; its questionnaires wait until it resumes."));
        }
        else if (match.ClosureDate is not null && !open.Contains(input.Occasion))
        {
            errors.Add(new(null, "This match is closed; it takes no new responses."));
        }
        else if (!open.Contains(input.Occasion))
        {
            errors.Add(new(null, "That date is not one on which this questionnaire is due."));
        }
        else if (await IsAnsweredAsync(db, input, personId, cancellationToken))
        {
            errors.Add(new(null, AlreadyAnswered));
        }
    }

    private static void CheckAnswers(
        Questionnaire questionnaire, Dictionary<string, int> answers, List<ResponseError> errors)
    {
        if (answers.Count == 0)
        {
            errors.Add(new(null, "Answer at least one question."));
        }

        var itemKeys = questionnaire.Items
            .Where(i => !i.IsRetired)
            .Select(i => i.Key)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var (key, value) in answers)
        {
            if (!itemKeys.Contains(key))
            {
                errors.Add(new(key, "That question is not part of this questionnaire."));
            }
            else if (value < 1 || value > questionnaire.ResponseScale.Points)
            {
                errors.Add(new(key, "Choose one of the answers offered."));
            }
        }
    }

    /// <summary>
    /// The response with its answers and the scores <see cref="ScoringEngine"/> gives them, ready to save. Shared
    /// with the demo seeder, so made-up responses are scored exactly as answered ones.
    /// </summary>
    internal static Response NewResponse(
        Questionnaire questionnaire, int programmeId, string personId, SubmitInput input, DateTime submittedAtUtc)
    {
        var scores = ScoringEngine.Score(questionnaire, input.Answers);
        return new Response
        {
            QuestionnaireId = questionnaire.Id,
            MatchId = input.MatchId,
            ProgrammeId = programmeId,
            RespondentId = personId,
            Occasion = input.Occasion,
            SubmittedAtUtc = submittedAtUtc,
            SubmissionId = input.SubmissionId,
            Answers = input.Answers
                .Select(a => new ResponseAnswer { ItemKey = a.Key, Value = a.Value })
                .ToList(),
            Scores = scores
                .Select(s => new ResponseScore
                {
                    ScaleKey = s.ScaleKey, Score = s.Score, Band = s.Band, IsConcern = s.IsConcern,
                })
                .ToList(),
        };
    }

    private static async Task<SavedResponse?> FindSubmissionAsync(
        AppDbContext db, Guid submissionId, string personId, CancellationToken cancellationToken)
    {
        var response = await db.Set<Response>()
            .AsNoTracking()
            .Include(r => r.Scores)
            .SingleOrDefaultAsync(r => r.SubmissionId == submissionId && r.RespondentId == personId,
                cancellationToken);
        return response is null ? null : ToSaved(response);
    }

    private static Task<bool> IsAnsweredAsync(
        AppDbContext db, SubmitInput input, string personId, CancellationToken cancellationToken) =>
        db.Set<Response>().AnyAsync(
            r => r.MatchId == input.MatchId && r.QuestionnaireId == input.QuestionnaireId
                && r.RespondentId == personId && r.Occasion == input.Occasion,
            cancellationToken);

    private static SavedResponse ToSaved(Response response) => new(
        response.Id,
        response.QuestionnaireId,
        response.MatchId,
        response.Occasion,
        DateTime.SpecifyKind(response.SubmittedAtUtc, DateTimeKind.Utc),
        response.Scores
            .Select(s => new ScaleScore(s.ScaleKey, s.Score, s.Band, s.IsConcern))
            .ToList());
}
