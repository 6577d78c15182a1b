using MentorDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Features.Audit;

/// <summary>What the audit page asks for: an optional kind and days (inclusive, in UTC), and one page.</summary>
public sealed record AuditQuery(AuditKind? Kind, DateOnly? From, DateOnly? To, int Skip, int Take);

/// <summary>
/// One entry as an admin reads it. Names are looked up when read, so a renamed person shows their new name and a
/// deleted one shows no name at all.
/// </summary>
public sealed record AuditRow(
    long Id,
    DateTime AtUtc,
    AuditKind Kind,
    string? ActorId,
    string? ActorName,
    string? ProgrammeName,
    string? SubjectId,
    string? SubjectName,
    string? Detail);

public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, int Total);

/// <summary>Reads a network's audit log for its admins, newest first, a page at a time.</summary>
public sealed class AuditReader(IDbContextFactory<AppDbContext> dbFactory, ILogger<AuditReader> logger)
{
    public const int MaxPageSize = 100;

    public async Task<AuditPage> ReadAsync(
        int networkId, AuditQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entries = db.Set<AuditEntry>().Where(a => a.NetworkId == networkId);
        if (query.Kind is { } kind)
        {
            entries = entries.Where(a => a.Kind == kind);
        }

        if (query.From is { } from)
        {
            var fromUtc = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(a => a.AtUtc >= fromUtc);
        }

        if (query.To is { } to)
        {
            var beforeUtc = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(a => a.AtUtc < beforeUtc);
        }

        var total = await entries.CountAsync(cancellationToken);
        var rows = await entries
            .OrderByDescending(a => a.AtUtc)
            .ThenByDescending(a => a.Id)
            .Skip(Math.Max(0, query.Skip))
            .Take(Math.Clamp(query.Take, 1, MaxPageSize))
            .Select(a => new AuditRow(
                a.Id,
                a.AtUtc,
                a.Kind,
                a.ActorId,
                db.Users.Where(p => p.Id == a.ActorId).Select(p => p.DisplayName).FirstOrDefault(),
                db.Programmes.Where(p => p.Id == a.ProgrammeId).Select(p => p.Name).FirstOrDefault(),
                a.SubjectId,
                db.Users.Where(p => p.Id == a.SubjectId).Select(p => p.DisplayName).FirstOrDefault(),
                a.Detail))
            .ToListAsync(cancellationToken);
        AuditLogEvents.Read(logger, networkId, rows.Count, total);
        return new AuditPage(rows, total);
    }
}
