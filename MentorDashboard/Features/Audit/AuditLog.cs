using MentorDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Features.Audit;

/// <summary>
/// Writes audit entries. Every feature that signs people in, changes roles or lets data out calls it.
/// </summary>
public sealed class AuditLog(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    /// <summary>
    /// Records one event. The network whose admins will read it is the programme's, or else the actor's (the
    /// network they administer, or of their first programme), so that sign-ins reach the right admins too.
    /// </summary>
    public async Task WriteAsync(
        AuditKind kind,
        string? actorId,
        int? programmeId = null,
        string? subjectId = null,
        string? detail = null,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var networkId = await NetworkOfAsync(db, programmeId, actorId ?? subjectId, cancellationToken);
        db.Add(new AuditEntry
        {
            AtUtc = time.GetUtcNow().UtcDateTime,
            Kind = kind,
            ActorId = actorId,
            NetworkId = networkId,
            ProgrammeId = programmeId,
            SubjectId = subjectId,
            Detail = detail is { Length: > AuditEntry.DetailMaxLength } ? detail[..AuditEntry.DetailMaxLength] : detail,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<int?> NetworkOfAsync(
        AppDbContext db, int? programmeId, string? personId, CancellationToken cancellationToken)
    {
        if (programmeId is { } id)
        {
            return await db.Programmes.Where(p => p.Id == id).Select(p => (int?)p.NetworkId)
                .SingleOrDefaultAsync(cancellationToken);
        }

        if (personId is null)
        {
            return null;
        }

        var adminOf = await db.Users.Where(p => p.Id == personId).Select(p => p.AdminOfNetworkId)
            .SingleOrDefaultAsync(cancellationToken);
        return adminOf ?? await db.Memberships
            .Where(m => m.PersonId == personId)
            .OrderBy(m => m.Id)
            .Select(m => (int?)m.Programme.NetworkId)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
