using MentorDashboard.Data;
using MentorDashboard.Features.Questionnaires;
using MentorDashboard.Features.SupportContacts;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Features.Health;

public sealed partial class HealthService
{
    /// <summary>
    /// The facts of every active and paused match of the programme. Each fact is one query for all matches, and
    /// a fact no enabled rule needs is not read. Posts and contacts are reached from the matches through their
    /// (MatchId, Date) indexes, which hold every column read: with 250 matches and years of posts, this stays a
    /// few milliseconds.
    /// </summary>
    private async Task<List<MatchFactsWithNames>> ReadFactsAsync(
        AppDbContext db,
        int programmeId,
        IReadOnlyList<HealthRule> rules,
        DateOnly today,
        IReadOnlyList<OpenQuestionnaire>? openQuestionnaires,
        CancellationToken cancellationToken)
    {
        var evaluated = db.Matches.Where(m => m.ProgrammeId == programmeId
            && (m.Status == MatchStatus.Active || m.Status == MatchStatus.Paused));

        // The last meeting and the last support contact are correlated MAXes over the (MatchId, Date) indexes.
        var contacts = db.Set<SupportContact>();
        var matches = await evaluated
            .Select(m => new
            {
                m.Id,
                m.StartDate,
                m.Status,
                m.ExpectedResumeDate,
                MentorName = m.Mentor.DisplayName,
                MenteeName = m.Mentee.DisplayName,
                LastMeeting = db.Posts.Where(p => p.MatchId == m.Id && p.Date <= today).Max(p => (DateOnly?)p.Date),
                LastContact = contacts.Where(c => c.MatchId == m.Id && c.Date <= today).Max(c => (DateOnly?)c.Date),
            })
            .ToListAsync(cancellationToken);
        if (matches.Count == 0)
        {
            return [];
        }

        // Counted in SQL, one query per window (there is rarely more than one).
        var meetingCounts = new Dictionary<int, Dictionary<int, int>>();
        foreach (var days in HealthEvaluator.MeetingWindows(rules))
        {
            var since = today.AddDays(-days);
            var counts = await evaluated
                .Select(m => new
                {
                    m.Id,
                    Meetings = db.Posts.Count(p => p.MatchId == m.Id && p.Date > since && p.Date <= today),
                })
                .ToListAsync(cancellationToken);
            foreach (var count in counts)
            {
                meetingCounts.TryAdd(count.Id, []);
                meetingCounts[count.Id][days] = count.Meetings;
            }
        }

        var ratings = await ReadLatestRatingsAsync(
            db, evaluated, HealthEvaluator.RatingsNeeded(rules), today, cancellationToken);
        var concerns = Uses(rules, HealthRuleKind.ConcernScore)
            ? await questionnaires.ReadLatestConcernsAsync(programmeId, cancellationToken)
            : [];
        var openOccasions = Uses(rules, HealthRuleKind.QuestionnaireOverdue)
            ? openQuestionnaires ?? await questionnaires.ListOpenOccasionsAsync(programmeId, cancellationToken)
            : [];

        // The contact standard counts contacts within one interval of today, and the last one before that.
        var contactsSince = today.AddDays(-HealthEvaluator.ContactWindowDays(rules));
        var recentContacts = contactsSince == today
            ? []
            : await evaluated
                .Join(contacts, m => m.Id, c => c.MatchId, (m, c) => new { c.MatchId, c.Date })
                .Where(c => c.Date >= contactsSince && c.Date <= today)
                .ToListAsync(cancellationToken);

        var concernsOf = concerns.ToLookup(c => c.MatchId);
        var openOf = openOccasions
            .Where(o => o.IsLatest)
            .ToLookup(o => o.MatchId, o => new OpenOccasionFact(o.Title, o.Occasion));
        var contactsOf = recentContacts.ToLookup(c => c.MatchId, c => c.Date);
        return matches
            .Select(m => new MatchFactsWithNames(
                new MatchHealthFacts(
                    m.Id,
                    m.StartDate,
                    m.Status,
                    m.ExpectedResumeDate,
                    m.LastMeeting,
                    meetingCounts.GetValueOrDefault(m.Id) ?? [],
                    ratings.TryGetValue(m.Id, out var latest) ? latest : [],
                    concernsOf[m.Id].ToList(),
                    openOf[m.Id].ToList(),
                    [.. contactsOf[m.Id].Union(m.LastContact is { } last ? [last] : [])]),
                m.MentorName,
                m.MenteeName))
            .ToList();
    }

    /// <summary>
    /// The ratings of each match's latest <paramref name="count"/> posts, newest first. A LIMIT per match over
    /// the (MatchId, Date) index: a window function over the programme's posts would read all of them.
    /// </summary>
    private static async Task<Dictionary<int, List<int>>> ReadLatestRatingsAsync(
        AppDbContext db, IQueryable<Match> matches, int count, DateOnly today, CancellationToken cancellationToken)
    {
        if (count == 0)
        {
            return [];
        }

        var latest = await (
                from match in matches
                from post in db.Posts
                where db.Posts
                    .Where(p => p.MatchId == match.Id && p.Date <= today)
                    .OrderByDescending(p => p.Date)
                    .ThenByDescending(p => p.Id)
                    .Take(count)
                    .Select(p => p.Id)
                    .Contains(post.Id)
                select new { post.MatchId, post.Date, post.Id, post.Rating })
            .ToListAsync(cancellationToken);
        return latest
            .GroupBy(p => p.MatchId)
            .ToDictionary(
                posts => posts.Key,
                posts => posts.OrderByDescending(p => p.Date).ThenByDescending(p => p.Id).Select(p => p.Rating)
                    .ToList());
    }

    private static bool Uses(IReadOnlyList<HealthRule> rules, HealthRuleKind kind) =>
        rules.Any(rule => rule.IsEnabled && rule.Kind == kind);

    private sealed record MatchFactsWithNames(MatchHealthFacts Facts, string MentorName, string MenteeName);
}
