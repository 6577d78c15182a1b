using MentorDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Features.Matches;

/// <summary>
/// Keeps each programme's list of closure reasons: its admin adds, renames, reorders, retires and offers
/// again; coordinators choose from the reasons not retired.
/// </summary>
/// <remarks>
/// A programme that has no reasons at all gets <see cref="ClosureReason.Defaults"/> stored the first time its list
/// is read, by the admin's page or by a coordinator's close dialog. So a coordinator can close a match on the
/// programme's first day without waiting for an admin, every closure points at a stored reason, and a
/// non-technical admin edits a familiar list instead of starting from a blank one. A programme whose reasons are
/// all retired keeps them retired: the defaults come only once.
/// </remarks>
public sealed class ClosureReasonService(
    IDbContextFactory<AppDbContext> dbFactory, ILogger<ClosureReasonService> logger)
{
    /// <summary>Every reason of the programme, retired ones included, in the admin's order.</summary>
    public async Task<IReadOnlyList<ClosureReasonView>> ListAsync(
        int programmeId, CancellationToken cancellationToken = default)
    {
        await EnsureReasonsAsync(programmeId, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<ClosureReason>()
            .Where(r => r.ProgrammeId == programmeId)
            .OrderBy(r => r.SortOrder)
            .ThenBy(r => r.Label)
            .Select(r => new ClosureReasonView(r.Id, r.Label, r.SortOrder, r.IsRetired,
                db.Matches.Count(m => m.ClosureReasonId == r.Id)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The reasons a coordinator may choose when closing a match.</summary>
    public async Task<IReadOnlyList<ClosureReasonView>> ListOfferedAsync(
        int programmeId, CancellationToken cancellationToken = default) =>
        (await ListAsync(programmeId, cancellationToken)).Where(r => !r.IsRetired).ToList();

    public async Task<IReadOnlyList<MatchError>> AddAsync(
        int programmeId, string? label, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        label = label?.Trim();
        if (await CheckLabelAsync(db, programmeId, null, label, cancellationToken) is { } error)
        {
            return [error];
        }

        var lastOrder = await db.Set<ClosureReason>()
            .Where(r => r.ProgrammeId == programmeId)
            .MaxAsync(r => (int?)r.SortOrder, cancellationToken);
        db.Set<ClosureReason>().Add(new ClosureReason
        {
            ProgrammeId = programmeId,
            Label = label!,
            SortOrder = (lastOrder ?? 0) + 1,
        });
        return await SaveAsync(db, cancellationToken);
    }

    /// <summary>Renames the reason; matches closed for it keep the label they were closed with.</summary>
    public async Task<IReadOnlyList<MatchError>> RenameAsync(
        int programmeId, int reasonId, string? label, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        label = label?.Trim();
        if (await CheckLabelAsync(db, programmeId, reasonId, label, cancellationToken) is { } error)
        {
            return [error];
        }

        if (await FindAsync(db, programmeId, reasonId, cancellationToken) is not { } reason)
        {
            return [NotFound];
        }

        reason.Label = label!;
        return await SaveAsync(db, cancellationToken);
    }

    /// <summary>Swaps the reason with its neighbour, one place up or down.</summary>
    public async Task<IReadOnlyList<MatchError>> MoveAsync(
        int programmeId, int reasonId, bool up, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reasons = await db.Set<ClosureReason>()
            .Where(r => r.ProgrammeId == programmeId)
            .OrderBy(r => r.SortOrder)
            .ThenBy(r => r.Label)
            .ToListAsync(cancellationToken);
        var index = reasons.FindIndex(r => r.Id == reasonId);
        if (index < 0)
        {
            return [NotFound];
        }

        var other = up ? index - 1 : index + 1;
        if (other < 0 || other >= reasons.Count)
        {
            return [];
        }

        (reasons[index], reasons[other]) = (reasons[other], reasons[index]);

        // Renumbering the whole list mends orders that the migration or two admins at once left equal.
        for (var i = 0; i < reasons.Count; i++)
        {
            reasons[i].SortOrder = i + 1;
        }

        return await SaveAsync(db, cancellationToken);
    }

    /// <summary>Stops or starts offering the reason; matches closed for it show it either way.</summary>
    public async Task<IReadOnlyList<MatchError>> SetRetiredAsync(
        int programmeId, int reasonId, bool retired, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await FindAsync(db, programmeId, reasonId, cancellationToken) is not { } reason)
        {
            return [NotFound];
        }

        reason.IsRetired = retired;
        return await SaveAsync(db, cancellationToken);
    }

    private static MatchError NotFound =>
        new(MatchFields.Reason, "That closure reason is not part of this programme.");

    private async Task EnsureReasonsAsync(int programmeId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Set<ClosureReason>().AnyAsync(r => r.ProgrammeId == programmeId, cancellationToken)
            || !await db.Programmes.AnyAsync(p => p.Id == programmeId, cancellationToken))
        {
            return;
        }

        db.Set<ClosureReason>().AddRange(ClosureReason.Defaults.Select((label, index) => new ClosureReason
        {
            ProgrammeId = programmeId,
            Label = label,
            SortOrder = index + 1,
        }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            MatchesLog.DefaultReasonsAdded(logger, programmeId, ClosureReason.Defaults.Count);
        }
        catch (DbUpdateException)
        {
            // Two first uses at once: the unique label index let the other one store the defaults.
        }
    }

    private static async Task<MatchError?> CheckLabelAsync(
        AppDbContext db, int programmeId, int? reasonId, string? label, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(label))
        {
            return new(MatchFields.Label, "Write the reason as coordinators will read it.");
        }

        if (label.Length > ClosureReason.LabelMaxLength)
        {
            return new(MatchFields.Label, "Keep the reason under {0} characters.", ClosureReason.LabelMaxLength);
        }

        // Case-insensitive in memory: two reasons that differ only in capitals would confuse a coordinator.
        var labels = await db.Set<ClosureReason>()
            .Where(r => r.ProgrammeId == programmeId && r.Id != reasonId)
            .Select(r => r.Label)
            .ToListAsync(cancellationToken);
        return labels.Contains(label, StringComparer.CurrentCultureIgnoreCase)
            ? new(MatchFields.Label, "The programme already has the reason {0}.", label)
            : null;
    }

    private static Task<ClosureReason?> FindAsync(
        AppDbContext db, int programmeId, int reasonId, CancellationToken cancellationToken) =>
        db.Set<ClosureReason>()
            .SingleOrDefaultAsync(r => r.Id == reasonId && r.ProgrammeId == programmeId, cancellationToken);

    private static async Task<IReadOnlyList<MatchError>> SaveAsync(
        AppDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another admin stored the same label a moment earlier.
            return [new(MatchFields.Label, "The list changed meanwhile; it now shows it as it is.")];
        }

        return [];
    }
}
