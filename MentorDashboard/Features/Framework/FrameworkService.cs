using System.Collections.Concurrent;
using MentorDashboard.Data;
using MentorDashboard.Features.Questionnaires;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MentorDashboard.Features.Framework;

/// <summary>A framework item as posts and cards show it; local items belong to one programme's adaptation.</summary>
public sealed record FrameworkOption(string Key, string Label, bool IsLocal = false)
{
    /// <summary>The label, marked when the item is the programme's own rather than the network's.</summary>
    public string DisplayLabel(IStringLocalizer localizer) => IsLocal ? localizer["{0} (local)", Label] : Label;
}

/// <summary>The topics and activity types a programme's posts may use, in the framework's order.</summary>
public sealed record ProgrammeFramework(
    IReadOnlyList<FrameworkOption> Topics, IReadOnlyList<FrameworkOption> ActivityTypes)
{
    /// <summary>Items offered no more (retired or hidden) that older posts still name.</summary>
    public IReadOnlyList<FrameworkOption> Withdrawn { get; init; } = [];

    public FrameworkOption OptionOf(string key) =>
        Topics.FirstOrDefault(o => o.Key == key)
        ?? ActivityTypes.FirstOrDefault(o => o.Key == key)
        ?? Withdrawn.FirstOrDefault(o => o.Key == key)
        ?? new FrameworkOption(key, key, FrameworkKeys.IsLocal(key));

    public string LabelOf(string key) => OptionOf(key).Label;
}

/// <summary>
/// Reads the framework a programme uses: its published version (pinned, or the latest) without retired and hidden
/// items, plus the programme's own local items. It runs for every post and every dashboard refresh, so version
/// documents, which never change, are parsed once and kept in memory.
/// </summary>
public sealed class FrameworkService(IDbContextFactory<AppDbContext> dbFactory)
{
    // Keyed by version id: versions are never edited or deleted, so an id always names the same document.
    private readonly ConcurrentDictionary<int, FrameworkDocument> _versions = new();

    public async Task<ProgrammeFramework> GetForProgrammeAsync(int programmeId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var programme = await db.Programmes
            .Where(p => p.Id == programmeId)
            .Select(p => new
            {
                p.NetworkId,
                VersionId = p.FrameworkVersionId ?? db.Set<FrameworkVersion>()
                    .Where(v => v.NetworkId == p.NetworkId)
                    .OrderByDescending(v => v.Number)
                    .Select(v => (int?)v.Id)
                    .FirstOrDefault(),
            })
            .SingleAsync(cancellationToken);

        // A network that has never published (a database from before versions existed) offers its working copy,
        // so its programmes keep working until an admin publishes version 1.
        var network = programme.VersionId is { } id
            ? await ReadVersionAsync(db, id, cancellationToken)
            : await ReadWorkingCopyAsync(db, programme.NetworkId, cancellationToken);
        var hidden = await db.Set<ProgrammeHiddenItem>()
            .Where(h => h.ProgrammeId == programmeId)
            .Select(h => h.Key)
            .ToListAsync(cancellationToken);
        var local = await db.FrameworkItems
            .Where(i => i.ProgrammeId == programmeId)
            .OrderBy(i => i.SortOrder)
            .ThenBy(i => i.Label)
            .ToListAsync(cancellationToken);
        return Compose(network, hidden.ToHashSet(StringComparer.Ordinal), local);
    }

    /// <summary>The network's latest published version, or null when it has published none.</summary>
    internal static Task<int?> LatestVersionIdAsync(
        AppDbContext db, int networkId, CancellationToken cancellationToken) =>
        db.Set<FrameworkVersion>()
            .Where(v => v.NetworkId == networkId)
            .OrderByDescending(v => v.Number)
            .Select(v => (int?)v.Id)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>A published version's document, read from the database once per version.</summary>
    internal async Task<FrameworkDocument> ReadVersionAsync(
        AppDbContext db, int versionId, CancellationToken cancellationToken)
    {
        if (_versions.TryGetValue(versionId, out var cached))
        {
            return cached;
        }

        var json = await db.Set<FrameworkVersion>()
            .Where(v => v.Id == versionId)
            .Select(v => v.DocumentJson)
            .SingleAsync(cancellationToken);
        return _versions.GetOrAdd(versionId, FrameworkDocument.FromTrustedJson(json));
    }

    internal static async Task<FrameworkDocument> ReadWorkingCopyAsync(
        AppDbContext db, int networkId, CancellationToken cancellationToken)
    {
        var items = await db.FrameworkItems
            .Where(i => i.NetworkId == networkId && i.ProgrammeId == null)
            .ToListAsync(cancellationToken);
        var questionnaires = await db.Set<Questionnaire>()
            .Where(q => q.NetworkId == networkId)
            .Include(q => q.Items)
            .Include(q => q.Scales)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return FrameworkDocument.FromItems(items, questionnaires);
    }

    private static ProgrammeFramework Compose(
        FrameworkDocument network, HashSet<string> hidden, IReadOnlyList<FrameworkItem> local)
    {
        List<FrameworkOption> Offered(FrameworkItemKind kind) => network.Items
            .Where(i => i.Kind == kind && !i.Item.Retired && !hidden.Contains(i.Item.Key))
            .OrderBy(i => i.Item.SortOrder)
            .Select(i => new FrameworkOption(i.Item.Key, i.Item.Label))
            .Concat(local
                .Where(i => i.Kind == kind && !i.IsRetired)
                .Select(i => new FrameworkOption(i.Key, i.Label, IsLocal: true)))
            .ToList();

        var withdrawn = network.Items
            .Where(i => i.Item.Retired || hidden.Contains(i.Item.Key))
            .Select(i => new FrameworkOption(i.Item.Key, i.Item.Label))
            .Concat(local.Where(i => i.IsRetired).Select(i => new FrameworkOption(i.Key, i.Label, IsLocal: true)))
            .ToList();
        return new ProgrammeFramework(Offered(FrameworkItemKind.Topic), Offered(FrameworkItemKind.ActivityType))
        {
            Withdrawn = withdrawn,
        };
    }
}
