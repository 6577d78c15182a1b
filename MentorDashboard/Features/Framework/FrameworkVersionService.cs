using MentorDashboard.Data;
using MentorDashboard.Features.Questionnaires;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Features.Framework;

public sealed record FrameworkVersionSummary(
    int Id, int Number, DateTime PublishedAtUtc, string? PublishedBy, string Note);

/// <summary>What a change between two versions is about.</summary>
public enum FrameworkChangeKind
{
    Topic,
    ActivityType,
    Questionnaire,
    QuestionnaireItem,
}

/// <summary>One difference between two versions; <see cref="OldLabel"/> is set for a rename (for a questionnaire
/// its title, for an item its text).</summary>
public sealed record FrameworkChange(FrameworkChangeKind Kind, string Key, string Label, string? OldLabel = null);

/// <summary>What changed from one version to another.</summary>
public sealed record FrameworkChanges(
    IReadOnlyList<FrameworkChange> Added,
    IReadOnlyList<FrameworkChange> Renamed,
    IReadOnlyList<FrameworkChange> Retired)
{
    public bool IsEmpty => Added.Count == 0 && Renamed.Count == 0 && Retired.Count == 0;

    public static FrameworkChanges Between(FrameworkDocument from, FrameworkDocument to)
    {
        var changes = new Collector();
        var before = from.Items.ToDictionary(i => i.Item.Key, StringComparer.Ordinal);
        foreach (var (kind, item) in to.Items)
        {
            var old = before.GetValueOrDefault(item.Key).Item;
            changes.Compare(
                kind == FrameworkItemKind.Topic ? FrameworkChangeKind.Topic : FrameworkChangeKind.ActivityType,
                item.Key, (item.Label, item.Retired), old is null ? null : (old.Label, old.Retired));
        }

        var questionnairesBefore = from.Questionnaires.ToDictionary(q => q.Key, StringComparer.Ordinal);
        foreach (var questionnaire in to.Questionnaires)
        {
            var old = questionnairesBefore.GetValueOrDefault(questionnaire.Key);
            changes.Compare(FrameworkChangeKind.Questionnaire, questionnaire.Key,
                (questionnaire.Title, questionnaire.Retired), old is null ? null : (old.Title, old.Retired));
            var itemsBefore = old?.Items.ToDictionary(i => i.Key, StringComparer.Ordinal) ?? [];
            foreach (var item in questionnaire.Items)
            {
                var oldItem = itemsBefore.GetValueOrDefault(item.Key);
                changes.Compare(FrameworkChangeKind.QuestionnaireItem, item.Key,
                    (item.Text, item.Retired), oldItem is null ? null : (oldItem.Text, oldItem.Retired));
            }
        }

        return new(changes.Added, changes.Renamed, changes.Retired);
    }

    private sealed class Collector
    {
        public List<FrameworkChange> Added { get; } = [];

        public List<FrameworkChange> Renamed { get; } = [];

        public List<FrameworkChange> Retired { get; } = [];

        public void Compare(
            FrameworkChangeKind kind, string key, (string Label, bool Retired) now, (string Label, bool Retired)? was)
        {
            if (was is not { } old)
            {
                Added.Add(new(kind, key, now.Label));
                return;
            }

            if (old.Label != now.Label)
            {
                Renamed.Add(new(kind, key, now.Label, old.Label));
            }

            if (now.Retired && !old.Retired)
            {
                Retired.Add(new(kind, key, now.Label));
            }
        }
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
