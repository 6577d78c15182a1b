using System.Text;
using MentorDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Features.Framework;

/// <summary>
/// Exports a network's working copy as a framework document and imports one in its place, so networks can share
/// a framework. An import checks everything first and changes nothing unless all of it is valid.
/// </summary>
public sealed class FrameworkTransferService(
    IDbContextFactory<AppDbContext> dbFactory,
    FrameworkEditingService editing,
    TimeProvider time,
    ILogger<FrameworkTransferService> logger)
{
    public async Task<string> ExportAsync(int networkId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await FrameworkService.ReadWorkingCopyAsync(db, networkId, cancellationToken)).ToJson();
    }

    /// <inheritdoc cref="ImportAsync(int, byte[], CancellationToken)"/>
    public Task<IReadOnlyList<FrameworkError>> ImportAsync(
        int networkId, string json, CancellationToken cancellationToken = default) =>
        ImportAsync(networkId, Encoding.UTF8.GetBytes(json), cancellationToken);

    /// <summary>
    /// Replaces the working copy by the document's items and questionnaires: existing keys take the document's
    /// values, new keys are added, and keys the document leaves out are removed. Returns every error with its
    /// path; with any error nothing changes. Programmes see the result once a version is published.
    /// </summary>
    public async Task<IReadOnlyList<FrameworkError>> ImportAsync(
        int networkId, byte[] file, CancellationToken cancellationToken = default)
    {
        var reading = FrameworkDocumentReader.Read(file);
        var errors = reading.Errors.ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var current = await db.FrameworkItems
            .Where(i => i.NetworkId == networkId && i.ProgrammeId == null)
            .ToDictionaryAsync(i => i.Key, StringComparer.Ordinal, cancellationToken);
        var inUse = await editing.KeysInUseAsync(db, networkId, cancellationToken);
        var questionnaires = await QuestionnaireImport.LoadAsync(db, networkId, cancellationToken);
        foreach (var read in reading.Items)
        {
            if (current.TryGetValue(read.Item.Key, out var existing) && existing.Kind != read.Kind
                || questionnaires.CurrentKeys.Contains(read.Item.Key))
            {
                errors.Add(new(read.Path + ".key", "The key {0} already belongs to an item of the other kind.",
                    read.Item.Key));
            }
        }

        foreach (var (key, path) in reading.Questionnaires.Keys.Where(k => current.ContainsKey(k.Key)))
        {
            errors.Add(new(path, "The key {0} already belongs to an item of the other kind.", key));
        }

        foreach (var missing in current.Values.Where(i => !reading.ItemKeys.Contains(i.Key)))
        {
            // A section that could not be read says nothing about what it would remove.
            if (reading.SectionsRead.Contains(missing.Kind) && inUse.Contains(missing.Key))
            {
                errors.Add(new(SectionPath(missing.Kind),
                    "{0} is in use and cannot be removed: keep it in the document and mark it retired.",
                    missing.Key));
            }
        }

        questionnaires.Check(reading.Questionnaires, errors);
        if (errors.Count > 0)
        {
            FrameworkLog.ImportRefused(logger, networkId, errors.Count);
            return errors;
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var removed = current.Values.Where(i => !reading.ItemKeys.Contains(i.Key)).ToList();
        db.FrameworkItems.RemoveRange(removed);
        var added = 0;
        foreach (var (kind, item, _) in reading.Items)
        {
            if (!current.TryGetValue(item.Key, out var target))
            {
                target = new FrameworkItem { NetworkId = networkId, Kind = kind, Key = item.Key, Label = item.Label };
                db.FrameworkItems.Add(target);
                added++;
            }

            target.Label = item.Label;
            target.SortOrder = item.SortOrder;
            target.RetiredAtUtc = item.Retired ? target.RetiredAtUtc ?? now : null;
            target.IsRetired = item.Retired;
        }

        var (questionnairesAdded, questionnairesUpdated, questionnairesRemoved) =
            questionnaires.Apply(db, networkId, reading.Questionnaires, time.Today());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        FrameworkLog.Imported(logger, networkId, added, reading.Items.Count - added, removed.Count);
        FrameworkLog.QuestionnairesImported(
            logger, networkId, questionnairesAdded, questionnairesUpdated, questionnairesRemoved);
        return [];
    }

    private static string SectionPath(FrameworkItemKind kind) =>
        kind == FrameworkItemKind.Topic ? "$.topics" : "$.activityTypes";
}
