using MentorDashboard.Data;
using MentorDashboard.Features.Questionnaires;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Features.Framework;

public sealed record FrameworkVersionSummary(
    int Id, int Number, DateTime PublishedAtUtc, string? PublishedBy, string Note);

/// <summary>One difference between two versions; <see cref="OldLabel"/> is set for a rename.</summary>
public sealed record FrameworkChange(FrameworkItemKind Kind, string Key, string Label, string? OldLabel = null);

/// <summary>What changed from one version to another.</summary>
public sealed record FrameworkChanges(
    IReadOnlyList<FrameworkChange> Added,
    IReadOnlyList<FrameworkChange> Renamed,
    IReadOnlyList<FrameworkChange> Retired)
{
    public bool IsEmpty => Added.Count == 0 && Renamed.Count == 0 && Retired.Count == 0;

    public static FrameworkChanges Between(FrameworkDocument from, FrameworkDocument to)
    {
        var before = from.Items.ToDictionary(i => i.Item.Key, StringComparer.Ordinal);
        var added = new List<FrameworkChange>();
        var renamed = new List<FrameworkChange>();
        var retired = new List<FrameworkChange>();
        foreach (var (kind, item) in to.Items)
        {
            if (!before.TryGetValue(item.Key, out var old))
            {
                added.Add(new(kind, item.Key, item.Label));
                continue;
            }

            if (old.Item.Label != item.Label)
            {
                renamed.Add(new(kind, item.Key, item.Label, old.Item.Label));
            }

            if (item.Retired && !old.Item.Retired)
            {
                retired.Add(new(kind, item.Key, item.Label));
            }
        }

        return new(added, renamed, retired);
    }
}

/// <summary>Publishes the network's working copy as a new version and compares versions.</summary>
public sealed class FrameworkVersionService(
    IDbContextFactory<AppDbContext> dbFactory,
    FrameworkService framework,
    TimeProvider time,
    ILogger<FrameworkVersionService> logger)
{
    /// <summary>
    /// Snapshots the working copy (retired items included) as the next version. Programmes that follow the latest
    /// version offer it from their next page load.
    /// </summary>
    public async Task<FrameworkVersionSummary> PublishAsync(
        int networkId, string? personId, string? note, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var document = await FrameworkService.ReadWorkingCopyAsync(db, networkId, cancellationToken);
        var last = await db.Set<FrameworkVersion>()
            .Where(v => v.NetworkId == networkId)
            .MaxAsync(v => (int?)v.Number, cancellationToken);
        var version = NewVersion(networkId, (last ?? 0) + 1, document, personId, note, time.GetUtcNow().UtcDateTime);
        db.Set<FrameworkVersion>().Add(version);
        await db.SaveChangesAsync(cancellationToken);
        var itemCount = document.Topics.Count + document.ActivityTypes.Count;
        FrameworkLog.Published(logger, networkId, version.Number, itemCount, document.Questionnaires.Count);
        return new(version.Id, version.Number, version.PublishedAtUtc, null, version.Note);
    }

    /// <summary>
    /// Version 1 of a network just built with its items and questionnaires (the demo seed, test and benchmark
    /// data), as if an admin had published it at once.
    /// </summary>
    public static FrameworkVersion FirstVersionOf(
        Network network,
        string? personId,
        string note,
        DateTime nowUtc,
        IEnumerable<Questionnaire>? questionnaires = null) =>
        NewVersion(
            network.Id,
            1,
            FrameworkDocument.FromItems(network.FrameworkItems, questionnaires ?? []),
            personId,
            note,
            nowUtc);

    /// <summary>A version made from a document.</summary>
    public static FrameworkVersion NewVersion(
        int networkId, int number, FrameworkDocument document, string? personId, string? note, DateTime nowUtc)
    {
        var trimmed = (note ?? "").Trim();
        return new FrameworkVersion
        {
            NetworkId = networkId,
            Number = number,
            PublishedAtUtc = nowUtc,
            PublishedById = personId,
            Note = trimmed.Length > FrameworkVersionConfiguration.MaxNoteLength
                ? trimmed[..FrameworkVersionConfiguration.MaxNoteLength]
                : trimmed,
            DocumentJson = document.ToJson(),
        };
    }

    /// <summary>The network's versions, newest first.</summary>
    public async Task<IReadOnlyList<FrameworkVersionSummary>> ListAsync(
        int networkId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var versions = await db.Set<FrameworkVersion>()
            .Where(v => v.NetworkId == networkId)
            .OrderByDescending(v => v.Number)
            .Select(v => new { v.Id, v.Number, v.PublishedAtUtc, v.PublishedById, v.Note })
            .ToListAsync(cancellationToken);
        var publisherIds = versions.Select(v => v.PublishedById).OfType<string>().Distinct().ToList();
        var publishers = await db.Users
            .Where(p => publisherIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.DisplayName, cancellationToken);
        return versions
            .Select(v => new FrameworkVersionSummary(
                v.Id,
                v.Number,
                DateTime.SpecifyKind(v.PublishedAtUtc, DateTimeKind.Utc),
                v.PublishedById is { } id ? publishers.GetValueOrDefault(id) : null,
                v.Note))
            .ToList();
    }

    /// <summary>What changed from one version of the network to another.</summary>
    public async Task<FrameworkChanges> CompareAsync(
        int networkId, int fromVersionId, int toVersionId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await db.Set<FrameworkVersion>()
            .CountAsync(v => v.NetworkId == networkId && (v.Id == fromVersionId || v.Id == toVersionId),
                cancellationToken);
        if (found != (fromVersionId == toVersionId ? 1 : 2))
        {
            throw new InvalidOperationException($"Both versions must belong to network {networkId}.");
        }

        return FrameworkChanges.Between(
            await framework.ReadVersionAsync(db, fromVersionId, cancellationToken),
            await framework.ReadVersionAsync(db, toVersionId, cancellationToken));
    }
}
