using MentorDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Bench;

/// <summary>
/// Closed matches as importing a programme's history brings them: a start, a closure and mostly a reason, no
/// posts. They reuse the measured programme's mentors and mentees, so only the Matches table grows and every
/// card but the two that read closed matches measures what it did without them.
/// </summary>
internal static class ImportedClosures
{
    private const int HistoryYears = 15;

    /// <summary>About one imported closure in ten has no reason: older records often lack one.</summary>
    private const double WithoutReasonShare = 0.1;

    public static async Task AddAsync(
        AppDbContext db,
        SampleProgramme programme,
        int count,
        DateOnly today,
        Random random,
        CancellationToken cancellationToken)
    {
        var pairs = await db.Matches
            .Where(m => m.ProgrammeId == programme.Id)
            .Select(m => new { m.MentorId, m.MenteeId })
            .ToListAsync(cancellationToken);
        for (var i = 0; i < count; i++)
        {
            var pair = pairs[random.Next(pairs.Count)];
            var start = today.AddDays(-random.Next(30, HistoryYears * 365));
            var closure = start.AddDays(random.Next(14, 4 * 365));
            db.Matches.Add(new Match
            {
                ProgrammeId = programme.Id,
                MentorId = pair.MentorId,
                MenteeId = pair.MenteeId,
                StartDate = start,
                Status = MatchStatus.Closed,
                ClosureDate = closure < today ? closure : today,
                ClosureReason = random.NextDouble() < WithoutReasonShare
                    ? null
                    : SampleNetwork.ClosureReasons[random.Next(SampleNetwork.ClosureReasons.Length)],
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
