using System.Diagnostics;
using MentorDashboard.Data;
using MentorDashboard.Features.Framework;
using MentorDashboard.Features.Health;
using MentorDashboard.Features.Newsroom;
using MentorDashboard.Features.Questionnaires;
using MentorDashboard.Features.SupportContacts;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Features.Dashboard;

/// <summary>Reads the data cards of a programme's dashboard. Aggregates in SQL; only small results leave it.</summary>
public sealed partial class DashboardService(
    IDbContextFactory<AppDbContext> dbFactory,
    FrameworkService framework,
    PostService posts,
    QuestionnaireService questionnaires,
    HealthService health,
    TimeProvider time,
    ILogger<DashboardService> logger)
{
    public const int Weeks = 12;

    public const int TopicAndActivityDays = 90;

    public const int LatestPostCount = 8;

    /// <summary>Questionnaire results cover the occasions of the last year.</summary>
    public const int ScaleMonths = 12;

    public async Task<DashboardData> LoadAsync(int programmeId, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var today = time.Today();
        var programmeFramework = await framework.GetForProgrammeAsync(programmeId, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var programmePosts = db.Posts.Where(p => p.ProgrammeId == programmeId);

        // Read once for two cards: the due counts and the health rules' overdue questionnaires.
        var openQuestionnaires = await questionnaires.ListOpenOccasionsAsync(programmeId, cancellationToken);

        var data = new DashboardData(
            today,
            await DashboardCards.GetLayoutAsync(db, programmeId, cancellationToken),
            await ReadHeadlineAsync(db, programmeId, today, cancellationToken),
            await ReadMeetingsPerWeekAsync(programmePosts, today, cancellationToken),
            await ReadTopicsAsync(db, programmePosts, today, programmeFramework, cancellationToken),
            await ReadActivityTypesAsync(programmePosts, today, programmeFramework, cancellationToken),
            await ReadNeedAttentionAsync(programmeId, openQuestionnaires, cancellationToken),
            await posts.ListAsync(programmeId, programmeFramework, null, LatestPostCount, cancellationToken),
            await questionnaires.ReadProgrammeScoresAsync(
                programmeId, today.AddMonths(-ScaleMonths), cancellationToken),
            DueCounts.Of(openQuestionnaires, today),
            await SupportContactService.ReadComplianceAsync(db, programmeId, today, cancellationToken),
            await ReadMatchLengthsAsync(db, programmeId, today, cancellationToken),
            await ReadClosureReasonsAsync(db, programmeId, today, cancellationToken));

        if (logger.IsEnabled(LogLevel.Debug))
        {
            var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            DashboardLog.Loaded(logger, programmeId, elapsedMs);
        }

        return data;
    }

    internal static DateOnly MondayOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    internal static async Task<Headline> ReadHeadlineAsync(
        AppDbContext db, int programmeId, DateOnly today, CancellationToken cancellationToken)
    {
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var activeMatches = await db.Matches
            .CountAsync(m => m.ProgrammeId == programmeId && m.Status == MatchStatus.Active, cancellationToken);
        var month = await db.Posts
            .Where(p => p.ProgrammeId == programmeId && p.Date >= monthStart && p.Date <= today)
            .GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Minutes = g.Sum(p => p.Minutes), Rating = g.Average(p => p.Rating) })
            .SingleOrDefaultAsync(cancellationToken);

        return month is null
            ? new Headline(activeMatches, 0, 0, null)
            : new Headline(activeMatches, month.Count, month.Minutes / 60.0, month.Rating);
    }

    internal static async Task<IReadOnlyList<WeekCount>> ReadMeetingsPerWeekAsync(
        IQueryable<Post> programmePosts, DateOnly today, CancellationToken cancellationToken)
    {
        var firstWeek = MondayOf(today).AddDays(-7 * (Weeks - 1));
        var perDay = await programmePosts
            .Where(p => p.Date >= firstWeek && p.Date <= today)
            .GroupBy(p => p.Date)
            .Select(g => new { Date = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        return Enumerable.Range(0, Weeks)
            .Select(week => firstWeek.AddDays(7 * week))
            .Select(start => new WeekCount(
                start,
                perDay.Where(d => d.Date >= start && d.Date < start.AddDays(7)).Sum(d => d.Count)))
            .ToList();
    }

    internal static async Task<IReadOnlyList<ItemCount>> ReadTopicsAsync(
        AppDbContext db,
        IQueryable<Post> programmePosts,
        DateOnly today,
        ProgrammeFramework programmeFramework,
        CancellationToken cancellationToken)
    {
        var since = today.AddDays(-TopicAndActivityDays);
        var counts = await (
                from topic in db.PostTopics
                join post in programmePosts on topic.PostId equals post.Id
                where post.Date > since && post.Date <= today
                group topic by topic.TopicKey into g
                select new KeyCount(g.Key, g.Count()))
            .ToListAsync(cancellationToken);
        return MostFirst(counts, programmeFramework);
    }

    internal static async Task<IReadOnlyList<ItemCount>> ReadActivityTypesAsync(
        IQueryable<Post> programmePosts,
        DateOnly today,
        ProgrammeFramework programmeFramework,
        CancellationToken cancellationToken)
    {
        var since = today.AddDays(-TopicAndActivityDays);
        var counts = await programmePosts
            .Where(p => p.Date > since && p.Date <= today)
            .GroupBy(p => p.ActivityTypeKey)
            .Select(g => new KeyCount(g.Key, g.Count()))
            .ToListAsync(cancellationToken);
        return MostFirst(counts, programmeFramework);
    }

    private static List<ItemCount> MostFirst(List<KeyCount> counts, ProgrammeFramework programmeFramework) =>
        counts
            .OrderByDescending(c => c.Count)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new ItemCount(programmeFramework.OptionOf(c.Key), c.Count))
            .ToList();

    private sealed record KeyCount(string Key, int Count);

    /// <summary>The programme's flagged matches by its health rules, acknowledged ones left out.</summary>
    internal async Task<IReadOnlyList<MatchNeedingAttention>> ReadNeedAttentionAsync(
        int programmeId, IReadOnlyList<OpenQuestionnaire> openQuestionnaires, CancellationToken cancellationToken)
    {
        var flagged = await health.ReadNeedAttentionAsync(programmeId, openQuestionnaires, cancellationToken);
        return flagged
            .Select(m => new MatchNeedingAttention(
                programmeId,
                m.Health.MatchId,
                m.MentorName,
                m.MenteeName,
                m.Health.Status,
                m.Health.Reasons,
                m.Health.LastMeeting,
                m.Health.DaysWithoutMeeting))
            .ToList();
    }
}
