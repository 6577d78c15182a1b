using System.Globalization;
using MentorDashboard.Data;
using MentorDashboard.Features.Framework;
using MentorDashboard.Features.Newsroom;
using MentorDashboard.Features.Questionnaires;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Features.Matches;

/// <summary>Reads what happened to one match: its posts, questionnaire responses and status changes.</summary>
public sealed class MatchTimelineService(
    IDbContextFactory<AppDbContext> dbFactory, FrameworkService framework, TimeProvider time)
{
    /// <summary>How many months the meetings sparkline covers, up to today or the closure.</summary>
    public const int SparklineMonths = 12;

    /// <summary>
    /// The <paramref name="take"/> newest entries, newest first. Each source is read newest first and cut at
    /// <paramref name="take"/>, so a match with years of posts reads only what the page shows.
    /// </summary>
    public async Task<MatchTimeline> ReadAsync(
        int programmeId, int matchId, int take, CancellationToken cancellationToken = default)
    {
        var programmeFramework = await framework.GetForProgrammeAsync(programmeId, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var posts = db.Posts.Where(p => p.MatchId == matchId && p.ProgrammeId == programmeId);
        var responses = db.Set<Response>().Where(r => r.MatchId == matchId && r.ProgrammeId == programmeId);
        var changes = db.Set<MatchStatusChange>()
            .Where(c => c.MatchId == matchId && db.Matches.Any(m => m.Id == matchId && m.ProgrammeId == programmeId));

        var entries = new List<TimelineEntry>();
        var postViews = await PostService.ToViewsAsync(
            posts.OrderByDescending(p => p.Date).ThenByDescending(p => p.CreatedAtUtc).Take(take),
            programmeFramework,
            cancellationToken);
        entries.AddRange(postViews.Select(p => new PostEntry(p)));
        entries.AddRange(await ReadResponsesAsync(
            db, responses.OrderByDescending(r => r.SubmittedAtUtc).Take(take), cancellationToken));
        entries.AddRange(await changes
            .OrderByDescending(c => c.EffectiveDate)
            .ThenByDescending(c => c.ChangedAtUtc)
            .Take(take)
            .Select(c => new StatusEntry(
                c.Id,
                c.FromStatus,
                c.ToStatus,
                c.EffectiveDate,
                c.Reason,
                c.Note,
                db.Users.Where(p => p.Id == c.ChangedById).Select(p => p.DisplayName).FirstOrDefault(),
                c.ChangedAtUtc))
            .ToListAsync(cancellationToken));

        var total = await posts.CountAsync(cancellationToken)
            + await responses.CountAsync(cancellationToken)
            + await changes.CountAsync(cancellationToken);
        var newest = entries
            .OrderByDescending(e => e.Date)
            .ThenByDescending(e => e.RecordedAtUtc)
            .Take(take)
            .ToList();
        return new MatchTimeline(newest, total > newest.Count);
    }

    /// <summary>
    /// Meetings in each of the last <see cref="SparklineMonths"/> months up to today or the closure (from the
    /// start's month, for a younger match), and every scale's scores over the whole match.
    /// </summary>
    public async Task<MatchActivity> ReadActivityAsync(
        int programmeId, int matchId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var match = await db.Matches
            .Where(m => m.Id == matchId && m.ProgrammeId == programmeId)
            .Select(m => new { m.StartDate, m.ClosureDate })
            .SingleOrDefaultAsync(cancellationToken);
        if (match is null)
        {
            return new MatchActivity([], []);
        }

        var end = match.ClosureDate ?? time.Today();
        var lastMonth = new DateOnly(end.Year, end.Month, 1);
        var firstMonth = lastMonth.AddMonths(1 - SparklineMonths);
        if (match.StartDate > firstMonth)
        {
            firstMonth = new DateOnly(match.StartDate.Year, match.StartDate.Month, 1);
        }

        var counts = await db.Posts
            .Where(p => p.MatchId == matchId && p.Date >= firstMonth)
            .GroupBy(p => new { p.Date.Year, p.Date.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var months = new List<MonthMeetings>();
        for (var month = firstMonth; month <= lastMonth; month = month.AddMonths(1))
        {
            var count = counts.FirstOrDefault(c => c.Year == month.Year && c.Month == month.Month)?.Count ?? 0;
            months.Add(new MonthMeetings(month.Year, month.Month, count));
        }

        return new MatchActivity(months, await ReadScaleHistoriesAsync(db, matchId, cancellationToken));
    }

    private static async Task<IReadOnlyList<ResponseEntry>> ReadResponsesAsync(
        AppDbContext db, IQueryable<Response> responses, CancellationToken cancellationToken)
    {
        var rows = await responses
            .Select(r => new
            {
                r.Id,
                r.QuestionnaireId,
                Title = db.Set<Questionnaire>().Where(q => q.Id == r.QuestionnaireId).Select(q => q.Title).First(),
                RespondentName = db.Users.Where(p => p.Id == r.RespondentId).Select(p => p.DisplayName).First(),
                r.Occasion,
                r.SubmittedAtUtc,
                Scores = r.Scores.Select(s => new { s.ScaleKey, s.Score, s.Band, s.IsConcern }).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var scaleNames = await ReadScaleNamesAsync(db, rows.Select(r => r.QuestionnaireId), cancellationToken);
        return rows
            .Select(r => new ResponseEntry(
                r.Id,
                r.Title,
                r.RespondentName,
                r.Occasion,
                DateTime.SpecifyKind(r.SubmittedAtUtc, DateTimeKind.Utc),
                r.Scores
                    .Select(s => new ScoreView(
                        scaleNames.GetValueOrDefault((r.QuestionnaireId, s.ScaleKey), s.ScaleKey),
                        s.Score, s.Band, s.IsConcern))
                    .ToList()))
            .ToList();
    }

    private static async Task<IReadOnlyList<ScaleHistory>> ReadScaleHistoriesAsync(
        AppDbContext db, int matchId, CancellationToken cancellationToken)
    {
        var scores = await (
                from response in db.Set<Response>()
                where response.MatchId == matchId
                from score in response.Scores
                where score.Score != null
                orderby response.Occasion
                select new
                {
                    response.QuestionnaireId,
                    response.RespondentId,
                    RespondentName = db.Users.Where(p => p.Id == response.RespondentId).Select(p => p.DisplayName)
                        .First(),
                    score.ScaleKey,
                    response.Occasion,
                    Score = score.Score!.Value,
                })
            .ToListAsync(cancellationToken);
        var scaleNames = await ReadScaleNamesAsync(db, scores.Select(s => s.QuestionnaireId), cancellationToken);
        return scores
            .GroupBy(s => new { s.QuestionnaireId, s.ScaleKey, s.RespondentId, s.RespondentName })
            .Select(g => new ScaleHistory(
                KeyOf(g.Key.QuestionnaireId, g.Key.ScaleKey, g.Key.RespondentId),
                scaleNames.GetValueOrDefault((g.Key.QuestionnaireId, g.Key.ScaleKey), g.Key.ScaleKey),
                g.Key.RespondentName,
                g.Select(s => new ScorePoint(s.Occasion, s.Score)).ToList()))
            .OrderBy(h => h.ScaleName, StringComparer.CurrentCulture)
            .ThenBy(h => h.RespondentName, StringComparer.CurrentCulture)
            .ToList();
    }

    // A dot in an element id would read as a class in CSS selectors.
    private static string KeyOf(int questionnaireId, string scaleKey, string respondentId) =>
        string.Create(CultureInfo.InvariantCulture, $"{questionnaireId}-{scaleKey}-{respondentId}").Replace('.', '-');

    private static async Task<Dictionary<(int QuestionnaireId, string ScaleKey), string>> ReadScaleNamesAsync(
        AppDbContext db, IEnumerable<int> questionnaireIds, CancellationToken cancellationToken)
    {
        var ids = questionnaireIds.Distinct().ToList();
        var scales = await db.Set<QuestionnaireScale>()
            .Where(s => ids.Contains(s.QuestionnaireId))
            .Select(s => new { s.QuestionnaireId, s.Key, s.Name })
            .ToListAsync(cancellationToken);
        return scales.ToDictionary(s => (s.QuestionnaireId, s.Key), s => s.Name);
    }
}
