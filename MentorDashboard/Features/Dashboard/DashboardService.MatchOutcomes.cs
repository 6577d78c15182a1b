using MentorDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Features.Dashboard;

public sealed partial class DashboardService
{
    /// <summary>The closure reasons card covers the matches closed in the last year.</summary>
    public const int ClosureReasonMonths = 12;

    /// <summary>
    /// Every closed match from start to closure and every active match from start to today, counted per length
    /// in whole months in SQL: a few hundred rows at most, however many years of matches a programme imported.
    /// </summary>
    internal static async Task<MatchLengths> ReadMatchLengthsAsync(
        AppDbContext db, int programmeId, DateOnly today, CancellationToken cancellationToken)
    {
        var counts = await db.Matches
            .Where(m => m.ProgrammeId == programmeId)
            .Where(m => (m.Status == MatchStatus.Closed && m.ClosureDate != null)
                || (m.Status == MatchStatus.Active && m.StartDate <= today))
            .Select(m => new
            {
                Closed = m.Status == MatchStatus.Closed,
                m.StartDate,
                End = m.Status == MatchStatus.Closed ? m.ClosureDate!.Value : today,
            })
            // Whole months as DateOnly.AddMonths counts them (31 January to 28 February is one month), which
            // SQLite's own date arithmetic does not: one month less when the end's day comes before the start's,
            // unless the end is the last day of its month.
            .Select(m => new
            {
                m.Closed,
                Months = ((m.End.Year - m.StartDate.Year) * 12) + m.End.Month - m.StartDate.Month
                    - (m.End.Day < m.StartDate.Day && m.End.AddDays(1).Day != 1 ? 1 : 0),
            })
            .GroupBy(m => new { m.Closed, m.Months })
            .Select(g => new { g.Key.Closed, g.Key.Months, Matches = g.Count() })
            .ToListAsync(cancellationToken);

        // An imported match closed before it started counts as the shortest, not as a negative length.
        List<MonthsCount> Of(bool closed) => counts
            .Where(c => c.Closed == closed)
            .Select(c => new MonthsCount(Math.Max(c.Months, 0), c.Matches))
            .ToList();

        return MatchLengths.Of(Of(closed: true), Of(closed: false));
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
