using MentorDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Features.Dashboard;

public sealed partial class DashboardService
{
    /// <summary>The closure reasons card covers the matches closed in the last year.</summary>
    public const int ClosureReasonMonths = 12;

    /// <summary>
    /// Every closed match from start to closure and every active match from start to today, in whole months.
    /// SQLite could count the months itself, but its date functions parse each date again for the year, month
    /// and day: with 10,000 closed matches that took about twice as long as reading their two dates and counting
    /// here. Active matches, a few hundred, come grouped by their start.
    /// </summary>
    internal static async Task<MatchLengths> ReadMatchLengthsAsync(
        AppDbContext db, int programmeId, DateOnly today, CancellationToken cancellationToken)
    {
        var programmeMatches = db.Matches.Where(m => m.ProgrammeId == programmeId);
        var closed = await programmeMatches
            .Where(m => m.Status == MatchStatus.Closed && m.ClosureDate != null)
            .Select(m => new { m.StartDate, ClosureDate = m.ClosureDate!.Value })
            .ToListAsync(cancellationToken);
        var active = await programmeMatches
            .Where(m => m.Status == MatchStatus.Active && m.StartDate <= today)
            .GroupBy(m => m.StartDate)
            .Select(g => new { StartDate = g.Key, Matches = g.Count() })
            .ToListAsync(cancellationToken);

        // An imported match closed before it started counts as the shortest, not as a negative length.
        var closedMonths = closed
            .GroupBy(m => Math.Max(MatchLengths.WholeMonths(m.StartDate, m.ClosureDate), 0))
            .Select(g => new MonthsCount(g.Key, g.Count()))
            .ToList();
        var activeMonths = active
            .Select(m => new MonthsCount(MatchLengths.WholeMonths(m.StartDate, today), m.Matches))
            .ToList();
        return MatchLengths.Of(closedMonths, activeMonths);
    }

    /// <summary>
    /// Matches closed in the last <see cref="ClosureReasonMonths"/> months per closure reason label, most first;
    /// those closed without a reason count together under a null reason.
    /// </summary>
    internal static async Task<IReadOnlyList<ClosureReasonCount>> ReadClosureReasonsAsync(
        AppDbContext db, int programmeId, DateOnly today, CancellationToken cancellationToken)
    {
        var since = today.AddMonths(-ClosureReasonMonths);
        var counts = await db.Matches
            .Where(m => m.ProgrammeId == programmeId && m.Status == MatchStatus.Closed)
            .Where(m => m.ClosureDate > since && m.ClosureDate <= today)
            .GroupBy(m => m.ClosureReason)
            .Select(g => new { Reason = g.Key, Matches = g.Count() })
            .ToListAsync(cancellationToken);

        // An import may bring blank labels, or labels with stray spaces, for what is no reason or the same one.
        var total = counts.Sum(c => c.Matches);
        return counts
            .GroupBy(c => string.IsNullOrWhiteSpace(c.Reason) ? null : c.Reason.Trim())
            .Select(g => new ClosureReasonCount(g.Key, g.Sum(c => c.Matches), (double)g.Sum(c => c.Matches) / total))
            .OrderByDescending(r => r.Matches)
            .ThenBy(r => r.Reason is null)
            .ThenBy(r => r.Reason, StringComparer.Ordinal)
            .ToList();
    }
}
