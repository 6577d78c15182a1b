using MentorDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Features.Framework;

/// <summary>A network item of the programme's version, as the adaptation page lists it.</summary>
public sealed record AdaptedItem(FrameworkItemKind Kind, string Key, string Label, bool IsHidden);

/// <summary>A programme's adaptation: which network items it hides, which local items it adds, its version.</summary>
public sealed record Adaptation(
    int ProgrammeId,
    int NetworkId,
    string ProgrammeName,
    string LocalPrefix,
    int? PinnedVersionId,
    IReadOnlyList<AdaptedItem> NetworkItems);

/// <summary>
/// Reads and changes a programme's adaptation of its network's framework. Local items are edited through
/// <see cref="FrameworkEditingService"/> with the programme's id; their keys stay in the programme's own namespace.
/// </summary>
public sealed class AdaptationService(
    IDbContextFactory<AppDbContext> dbFactory,
    FrameworkService framework,
    ILogger<AdaptationService> logger)
{
    public async Task<Adaptation> GetAsync(int programmeId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var programme = await db.Programmes
            .Where(p => p.Id == programmeId)
            .Select(p => new { p.NetworkId, p.Name, p.Key, p.FrameworkVersionId })
            .SingleAsync(cancellationToken);
        var versionId = programme.FrameworkVersionId
            ?? await FrameworkService.LatestVersionIdAsync(db, programme.NetworkId, cancellationToken);
        var network = versionId is { } id
            ? await framework.ReadVersionAsync(db, id, cancellationToken)
            : await FrameworkService.ReadWorkingCopyAsync(db, programme.NetworkId, cancellationToken);
        var hidden = (await db.Set<ProgrammeHiddenItem>()
                .Where(h => h.ProgrammeId == programmeId)
                .Select(h => h.Key)
                .ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var items = network.Items
            .Where(i => !i.Item.Retired)
            .OrderBy(i => i.Kind)
            .ThenBy(i => i.Item.SortOrder)
            .Select(i => new AdaptedItem(i.Kind, i.Item.Key, i.Item.Label, hidden.Contains(i.Item.Key)))
            .ToList();
        return new(
            programmeId,
            programme.NetworkId,
            programme.Name,
            FrameworkKeys.LocalPrefix(programme.Key),
            programme.FrameworkVersionId,
            items);
    }

    /// <summary>Hides a network item from the programme, or shows it again.</summary>
    public async Task<IReadOnlyList<FrameworkError>> SetHiddenAsync(
        int programmeId, string key, bool hidden, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var networkId = await db.Programmes
            .Where(p => p.Id == programmeId)
            .Select(p => p.NetworkId)
            .SingleAsync(cancellationToken);
        var isNetworkItem = await db.FrameworkItems
            .AnyAsync(i => i.NetworkId == networkId && i.ProgrammeId == null && i.Key == key, cancellationToken);
        if (!isNetworkItem)
        {
            return [new(FrameworkFields.Item, "{0} is not an item of the network's framework.", key)];
        }

        var existing = await db.Set<ProgrammeHiddenItem>()
            .SingleOrDefaultAsync(h => h.ProgrammeId == programmeId && h.Key == key, cancellationToken);
        if (hidden && existing is null)
        {
            db.Set<ProgrammeHiddenItem>().Add(new ProgrammeHiddenItem { ProgrammeId = programmeId, Key = key });
        }
        else if (!hidden && existing is not null)
        {
            db.Set<ProgrammeHiddenItem>().Remove(existing);
        }

        await db.SaveChangesAsync(cancellationToken);
        FrameworkLog.AdaptationChanged(logger, programmeId, hidden ? "item hidden" : "item shown");
        return [];
    }

    /// <summary>Pins the programme to a published version of its network, or (null) follows the latest.</summary>
    public async Task PinVersionAsync(int programmeId, int? versionId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var programme = await db.Programmes.SingleAsync(p => p.Id == programmeId, cancellationToken);
        if (versionId is { } id && !await db.Set<FrameworkVersion>()
                .AnyAsync(v => v.Id == id && v.NetworkId == programme.NetworkId, cancellationToken))
        {
            throw new InvalidOperationException($"Version {id} is not in the programme's network.");
        }

        programme.FrameworkVersionId = versionId;
        await db.SaveChangesAsync(cancellationToken);
        FrameworkLog.AdaptationChanged(logger, programmeId, "version pinned");
    }
}
