using MentorDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Features.Framework;

/// <summary>
/// Edits framework items: the network's working copy (<c>programmeId</c> null; programmes see changes once a
/// version is published) or one programme's local items (seen at once). Every change names the network, so an
/// admin can only touch their own network's items.
/// </summary>
public sealed class FrameworkEditingService(
    IDbContextFactory<AppDbContext> dbFactory,
    FrameworkService framework,
    TimeProvider time,
    ILogger<FrameworkEditingService> logger)
{
    public async Task<IReadOnlyList<FrameworkItemView>> ListAsync(
        int networkId, int? programmeId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var items = await db.FrameworkItems
            .Where(i => i.NetworkId == networkId && i.ProgrammeId == programmeId)
            .OrderBy(i => i.Kind)
            .ThenBy(i => i.SortOrder)
            .ThenBy(i => i.Key)
            .ToListAsync(cancellationToken);
        var inUse = await KeysInUseAsync(db, networkId, cancellationToken);
        return items
            .Select(i => new FrameworkItemView(
                i.Id, i.Kind, i.Key, i.Label, i.SortOrder, i.IsRetired, inUse.Contains(i.Key)))
            .ToList();
    }

    public async Task<IReadOnlyList<FrameworkError>> AddAsync(
        int networkId,
        int? programmeId,
        FrameworkItemKind kind,
        string? key,
        string? label,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var programmeKey = await ProgrammeKeyAsync(db, networkId, programmeId, cancellationToken);
        key = key?.Trim();
        var errors = new List<FrameworkError>();
        if (FrameworkKeys.Check(key, programmeKey, FrameworkFields.Key) is { } keyError)
        {
            errors.Add(keyError);
        }
        else if (await db.FrameworkItems.AnyAsync(i => i.NetworkId == networkId && i.Key == key, cancellationToken))
        {
            // Retired items keep their key for good, so this also stops a retired key coming back.
            errors.Add(new(FrameworkFields.Key, "The key {0} is already used in this network.", key!));
        }

        if (FrameworkKeys.CheckLabel(label, FrameworkFields.Label) is { } labelError)
        {
            errors.Add(labelError);
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var lastOrder = await db.FrameworkItems
            .Where(i => i.NetworkId == networkId && i.ProgrammeId == programmeId && i.Kind == kind)
            .MaxAsync(i => (int?)i.SortOrder, cancellationToken);
        db.FrameworkItems.Add(new FrameworkItem
        {
            NetworkId = networkId,
            ProgrammeId = programmeId,
            Kind = kind,
            Key = key!,
            Label = label!.Trim(),
            SortOrder = (lastOrder ?? 0) + 1,
        });
        await db.SaveChangesAsync(cancellationToken);
        FrameworkLog.ItemAdded(logger, networkId, programmeId, kind);
        return [];
    }

    public async Task<IReadOnlyList<FrameworkError>> RenameAsync(
        int networkId, int itemId, string? label, CancellationToken cancellationToken = default)
    {
        if (FrameworkKeys.CheckLabel(label, FrameworkFields.Label) is { } labelError)
        {
            return [labelError];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var item = await FindAsync(db, networkId, itemId, cancellationToken);
        item.Label = label!.Trim();
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    /// <summary>Changes a key nobody relies on yet (no post uses it, no published version holds it).</summary>
    public async Task<IReadOnlyList<FrameworkError>> ChangeKeyAsync(
        int networkId, int itemId, string? key, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var item = await FindAsync(db, networkId, itemId, cancellationToken);
        var programmeKey = await ProgrammeKeyAsync(db, networkId, item.ProgrammeId, cancellationToken);
        key = key?.Trim();
        if (FrameworkKeys.Check(key, programmeKey, FrameworkFields.Key) is { } keyError)
        {
            return [keyError];
        }

        if (key == item.Key)
        {
            return [];
        }

        if ((await KeysInUseAsync(db, networkId, cancellationToken)).Contains(item.Key))
        {
            return [new(FrameworkFields.Key, "The key {0} is in use, so it can no longer change.", item.Key)];
        }

        if (await db.FrameworkItems.AnyAsync(i => i.NetworkId == networkId && i.Key == key, cancellationToken))
        {
            return [new(FrameworkFields.Key, "The key {0} is already used in this network.", key!)];
        }

        item.Key = key!;
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    /// <summary>Swaps the item with its neighbour of the same kind, one place up or down.</summary>
    public async Task MoveAsync(int networkId, int itemId, bool up, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var item = await FindAsync(db, networkId, itemId, cancellationToken);
        var siblings = await db.FrameworkItems
            .Where(i => i.NetworkId == networkId && i.ProgrammeId == item.ProgrammeId && i.Kind == item.Kind)
            .OrderBy(i => i.SortOrder)
            .ThenBy(i => i.Key)
            .ToListAsync(cancellationToken);
        var index = siblings.IndexOf(item);
        var other = up ? index - 1 : index + 1;
        if (other < 0 || other >= siblings.Count)
        {
            return;
        }

        (siblings[index], siblings[other]) = (siblings[other], siblings[index]);

        // Renumbering the whole list mends orders that imports or old data left equal.
        for (var i = 0; i < siblings.Count; i++)
        {
            siblings[i].SortOrder = i + 1;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Stops offering the item; posts that used it still show its label; its key is never reused.</summary>
    public async Task RetireAsync(int networkId, int itemId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var item = await FindAsync(db, networkId, itemId, cancellationToken);
        if (item.IsRetired)
        {
            return;
        }

        item.IsRetired = true;
        item.RetiredAtUtc = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        FrameworkLog.ItemRetired(logger, networkId, item.ProgrammeId, item.Kind);
    }

    /// <summary>
    /// Keys that data refers to: used by a post of the network's programmes or held by a published version.
    /// Such a key can no longer change or be removed, only retired.
    /// </summary>
    internal async Task<IReadOnlySet<string>> KeysInUseAsync(
        AppDbContext db, int networkId, CancellationToken cancellationToken)
    {
        var posts = db.Posts.Where(p => db.Programmes.Any(g => g.Id == p.ProgrammeId && g.NetworkId == networkId));
        var keys = new HashSet<string>(StringComparer.Ordinal);
        keys.UnionWith(await posts.Select(p => p.ActivityTypeKey).Distinct().ToListAsync(cancellationToken));
        keys.UnionWith(await db.PostTopics
            .Where(t => posts.Any(p => p.Id == t.PostId))
            .Select(t => t.TopicKey)
            .Distinct()
            .ToListAsync(cancellationToken));
        var versionIds = await db.Set<FrameworkVersion>()
            .Where(v => v.NetworkId == networkId)
            .Select(v => v.Id)
            .ToListAsync(cancellationToken);
        foreach (var versionId in versionIds)
        {
            var version = await framework.ReadVersionAsync(db, versionId, cancellationToken);
            keys.UnionWith(version.Items.Select(i => i.Item.Key));
        }

        return keys;
    }

    private static async Task<FrameworkItem> FindAsync(
        AppDbContext db, int networkId, int itemId, CancellationToken cancellationToken) =>
        await db.FrameworkItems.SingleOrDefaultAsync(i => i.Id == itemId && i.NetworkId == networkId, cancellationToken)
        ?? throw new InvalidOperationException($"Framework item {itemId} is not in network {networkId}.");

    /// <summary>Null for network items; otherwise the programme's key, checked to be in the network.</summary>
    private static async Task<string?> ProgrammeKeyAsync(
        AppDbContext db, int networkId, int? programmeId, CancellationToken cancellationToken)
    {
        if (programmeId is not { } id)
        {
            return null;
        }

        return await db.Programmes
            .Where(p => p.Id == id && p.NetworkId == networkId)
            .Select(p => p.Key)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException($"Programme {id} is not in network {networkId}.");
    }
}
