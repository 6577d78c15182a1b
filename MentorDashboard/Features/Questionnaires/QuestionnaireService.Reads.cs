using MentorDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Features.Questionnaires;

public sealed partial class QuestionnaireService
{
    /// <summary>
    /// Each scale's results in the programme for occasions from <paramref name="since"/> on: the count and mean of
    /// scored responses, how many fell in each band, and the mean per month. Aggregated in SQL.
    /// </summary>
    public async Task<IReadOnlyList<ProgrammeScaleScores>> ReadProgrammeScoresAsync(
        int programmeId, DateOnly since, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var scores =
            from score in db.Set<ResponseScore>()
            join response in db.Set<Response>() on score.ResponseId equals response.Id
            where response.ProgrammeId == programmeId && response.Occasion >= since && score.Score != null
            select new { response.QuestionnaireId, score.ScaleKey, response.Occasion, score.Score, score.Band };
        var months = await scores
            .GroupBy(s => new { s.QuestionnaireId, s.ScaleKey, s.Occasion.Year, s.Occasion.Month })
            .Select(g => new { g.Key, Mean = g.Average(s => s.Score!.Value), Count = g.Count() })
            .ToListAsync(cancellationToken);
        var bands = await scores
            .GroupBy(s => new { s.QuestionnaireId, s.ScaleKey, s.Band })
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var questionnaireIds = months.Select(m => m.Key.QuestionnaireId).Distinct().ToList();
        var questionnaires = await db.Set<Questionnaire>()
            .AsNoTracking()
            .Include(q => q.Scales)
            .Where(q => questionnaireIds.Contains(q.Id))
            .OrderBy(q => q.SortOrder)
            .ToListAsync(cancellationToken);

        return questionnaires
            .SelectMany(q => q.Scales.OrderBy(s => s.SortOrder).Select(scale =>
            {
                var scaleMonths = months
                    .Where(m => m.Key.QuestionnaireId == q.Id && m.Key.ScaleKey == scale.Key)
                    .OrderBy(m => m.Key.Year)
                    .ThenBy(m => m.Key.Month)
                    .Select(m => new MonthlyMean(m.Key.Year, m.Key.Month, m.Mean, m.Count))
                    .ToList();
                var responses = scaleMonths.Sum(m => m.Responses);
                double? mean = responses == 0 ? null : scaleMonths.Sum(m => m.Mean * m.Responses) / responses;
                var bandCounts = scale.Bands
                    .Select(band => new BandCount(band.Label, band.IsConcern, bands
                        .Where(b => b.Key.QuestionnaireId == q.Id && b.Key.ScaleKey == scale.Key
                            && b.Key.Band == band.Label)
                        .Sum(b => b.Count)))
                    .ToList();
                return new ProgrammeScaleScores(
                    q.Id, q.Key, q.Title, scale.Key, scale.Name, responses, mean, bandCounts, scaleMonths);
            }))
            .Where(s => s.Responses > 0)
            .ToList();
    }

    /// <summary>
    /// The scale scores in a concern band on the latest response of each active match, per questionnaire and
    /// respondent: what makes a match need attention until a newer response says otherwise.
    /// </summary>
    public async Task<IReadOnlyList<ConcernScore>> ReadLatestConcernsAsync(
        int programmeId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var responses = db.Set<Response>()
            .Where(r => r.ProgrammeId == programmeId)
            .Where(r => db.Matches.Any(m => m.Id == r.MatchId && m.Status == MatchStatus.Active));
        var latest = responses
            .GroupBy(r => new { r.MatchId, r.QuestionnaireId, r.RespondentId })
            .Select(g => new
            {
                g.Key.MatchId,
                g.Key.QuestionnaireId,
                g.Key.RespondentId,
                Occasion = g.Max(r => r.Occasion),
            });
        var concerns = await (
                from response in responses
                join last in latest
                    on new { response.MatchId, response.QuestionnaireId, response.RespondentId, response.Occasion }
                    equals new { last.MatchId, last.QuestionnaireId, last.RespondentId, last.Occasion }
                from score in response.Scores
                where score.IsConcern && score.Score != null
                select new { response.MatchId, response.QuestionnaireId, score.ScaleKey, score.Score, score.Band })
            .ToListAsync(cancellationToken);
        if (concerns.Count == 0)
        {
            return [];
        }

        var questionnaireIds = concerns.Select(c => c.QuestionnaireId).Distinct().ToList();
        var scaleNames = await db.Set<QuestionnaireScale>()
            .Where(s => questionnaireIds.Contains(s.QuestionnaireId))
            .Select(s => new { s.QuestionnaireId, s.Key, s.Name })
            .ToListAsync(cancellationToken);

        return concerns
            .Select(c => new ConcernScore(
                c.MatchId,
                scaleNames.FirstOrDefault(s => s.QuestionnaireId == c.QuestionnaireId && s.Key == c.ScaleKey)?.Name
                    ?? c.ScaleKey,
                c.Score!.Value,
                c.Band))
            .ToList();
    }

    /// <summary>
    /// Every occasion that has come and waits for a response, one per respondent, of the programme's active
    /// matches (and the closure occasions of recently closed ones): what the health rules check for overdue
    /// questionnaires.
    /// </summary>
    public async Task<IReadOnlyList<OpenQuestionnaire>> ListOpenOccasionsAsync(
        int programmeId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var open = await ReadOpenOccasionsAsync(db, programmeId, null, cancellationToken);
        return open
            .Select(o => new OpenQuestionnaire(
                o.MatchId,
                o.Questionnaire.Id,
                o.Questionnaire.Title,
                o.Occasion,
                IsLatest: o.Questionnaire.RepeatEveryDays is not > 0
                    || o.Occasion.AddDays(o.Questionnaire.RepeatEveryDays.Value) > Today))
            .ToList();
    }

    private async Task<List<OpenOccasion>> ReadOpenOccasionsAsync(
        AppDbContext db, int programmeId, string? personId, CancellationToken cancellationToken)
    {
        var networkId = await db.Programmes
            .Where(p => p.Id == programmeId)
            .Select(p => p.NetworkId)
            .SingleAsync(cancellationToken);
        var questionnaires = await db.Set<Questionnaire>()
            .AsNoTracking()
            .Where(q => q.NetworkId == networkId && !q.IsRetired)

            // An admin's new questionnaire has no questions until they add them; nobody is asked an empty form.
            .Where(q => q.Items.Any(i => !i.IsRetired))
            .OrderBy(q => q.SortOrder)
            .ToListAsync(cancellationToken);
        var closedSince = Today.AddDays(-QuestionnaireSchedule.ClosureAnswerDays);
        var matches = await ToFacts(db.Matches
                .Where(m => m.ProgrammeId == programmeId)
                .Where(m => m.Status == MatchStatus.Active || m.ClosureDate >= closedSince)
                .Where(m => personId == null || m.MentorId == personId || m.MenteeId == personId))
            .ToListAsync(cancellationToken);
        var answered = (await db.Set<Response>()
                .Where(r => r.ProgrammeId == programmeId && (personId == null || r.RespondentId == personId))
                .Select(r => new { r.QuestionnaireId, r.MatchId, r.RespondentId, r.Occasion })
                .ToListAsync(cancellationToken))
            .Select(r => (r.QuestionnaireId, r.MatchId, r.RespondentId, r.Occasion))
            .ToHashSet();

        var open = new List<OpenOccasion>();
        foreach (var match in matches)
        {
            foreach (var questionnaire in questionnaires)
            {
                foreach (var role in (QuestionnaireRespondent[])[QuestionnaireRespondent.Mentor,
                             QuestionnaireRespondent.Mentee])
                {
                    var respondentId = role == QuestionnaireRespondent.Mentor ? match.MentorId : match.MenteeId;
                    if (!questionnaire.IsAnsweredBy(role) || (personId is not null && respondentId != personId))
                    {
                        continue;
                    }

                    open.AddRange(match.OpenOccasions(questionnaire, Today)
                        .Where(o => !answered.Contains((questionnaire.Id, match.Id, respondentId, o)))
                        .Select(o => new OpenOccasion(questionnaire, match.Id, match.PartnerNameOf(role), o)));
                }
            }
        }

        return open;
    }

    /// <summary>The questionnaire with its items and scales, if it is a live one of the programme's network.</summary>
    private static Task<Questionnaire?> ReadQuestionnaireAsync(
        AppDbContext db, int programmeId, int questionnaireId, CancellationToken cancellationToken) =>
        db.Set<Questionnaire>()
            .AsNoTracking()
            .Include(q => q.Items)
            .Include(q => q.Scales)
            .AsSplitQuery()
            .Where(q => q.Id == questionnaireId && !q.IsRetired)
            .Where(q => db.Programmes.Any(p => p.Id == programmeId && p.NetworkId == q.NetworkId))
            .SingleOrDefaultAsync(cancellationToken);

    private static Task<MatchFacts?> ReadMatchAsync(
        AppDbContext db, int programmeId, int matchId, CancellationToken cancellationToken) =>
        ToFacts(db.Matches.Where(m => m.Id == matchId && m.ProgrammeId == programmeId))
            .SingleOrDefaultAsync(cancellationToken);

    private static IQueryable<MatchFacts> ToFacts(IQueryable<Match> matches) =>
        matches.Select(m => new MatchFacts(
            m.Id, m.MentorId, m.Mentor.DisplayName, m.MenteeId, m.Mentee.DisplayName, m.StartDate,
            m.Status == MatchStatus.Closed ? m.ClosureDate ?? DateOnly.MinValue : null,
            m.Status == MatchStatus.Paused));

    private sealed record OpenOccasion(
        Questionnaire Questionnaire, int MatchId, string PartnerName, DateOnly Occasion);

    private sealed record MatchFacts(
        int Id, string MentorId, string MentorName, string MenteeId, string MenteeName, DateOnly StartDate,
        DateOnly? ClosureDate, bool IsPaused)
    {
        public IEnumerable<DateOnly> OpenOccasions(Questionnaire questionnaire, DateOnly today) =>
            QuestionnaireSchedule.OpenOccasions(questionnaire, StartDate, ClosureDate, today, IsPaused);

        public QuestionnaireRespondent? RoleOf(string personId) =>
            personId == MentorId ? QuestionnaireRespondent.Mentor
            : personId == MenteeId ? QuestionnaireRespondent.Mentee
            : null;

        public string PartnerNameOf(QuestionnaireRespondent role) =>
            role == QuestionnaireRespondent.Mentor ? MenteeName : MentorName;
    }
}
