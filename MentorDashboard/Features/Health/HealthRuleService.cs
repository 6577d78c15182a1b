using MentorDashboard.Data;
using MentorDashboard.Features.Live;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Features.Health;

/// <summary>Reads and stores a programme's health rules; a programme that stored none uses the defaults.</summary>
public sealed class HealthRuleService(
    IDbContextFactory<AppDbContext> dbFactory,
    IProgrammeEvents events,
    TimeProvider time,
    ILogger<HealthRuleService> logger)
{
    /// <summary>The programme's rules for the editor, or null when there is no such programme.</summary>
    public async Task<ProgrammeHealthRules?> GetAsync(int programmeId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var name = await db.Programmes
            .Where(p => p.Id == programmeId)
            .Select(p => p.Name)
            .SingleOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            return null;
        }

        var stored = await ReadStoredAsync(db, programmeId, cancellationToken);
        return stored.Count == 0
            ? new ProgrammeHealthRules(name, HealthRuleSet.Defaults(programmeId), IsDefault: true)
            : new ProgrammeHealthRules(name, stored, IsDefault: false);
    }

    /// <summary>
    /// Replaces the programme's rules with these, in this order, and tells its open dashboards. Refuses,
    /// changing nothing, a set that <see cref="HealthRuleSet.Validate"/> refuses; the errors say why.
    /// </summary>
    public async Task<IReadOnlyList<HealthRuleError>> SaveAsync(
        int programmeId, IReadOnlyList<HealthRule> rules, CancellationToken cancellationToken = default)
    {
        var errors = HealthRuleSet.Validate(rules);
        if (errors.Count > 0)
        {
            HealthLog.RulesRefused(logger, programmeId, errors.Count);
            return errors;
        }

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Set<HealthRule>()
                .Where(r => r.ProgrammeId == programmeId)
                .ExecuteDeleteAsync(cancellationToken);
            db.Set<HealthRule>().AddRange(rules.Select((rule, position) => new HealthRule
            {
                ProgrammeId = programmeId,
                Kind = rule.Kind,
                Severity = rule.Severity,
                Days = HealthRuleSet.FieldsOf(rule.Kind).Days ? rule.Days : null,
                Count = HealthRuleSet.FieldsOf(rule.Kind).Count ? rule.Count : null,
                IsEnabled = rule.IsEnabled,
                SortOrder = position,
            }));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var enabled = rules.Count(r => r.IsEnabled);
        HealthLog.RulesSaved(logger, programmeId, rules.Count, enabled);
        await events.PublishAsync(
            new ProgrammeEvent(programmeId, ProgrammeEventKind.HealthChanged, time.GetUtcNow().UtcDateTime),
            cancellationToken);
        return [];
    }

    /// <summary>The rules the programme is evaluated by: its stored ones, or the defaults.</summary>
    internal static async Task<IReadOnlyList<HealthRule>> ReadInForceAsync(
        AppDbContext db, int programmeId, CancellationToken cancellationToken)
    {
        var stored = await ReadStoredAsync(db, programmeId, cancellationToken);
        return stored.Count == 0 ? HealthRuleSet.Defaults(programmeId) : stored;
    }

    private static Task<List<HealthRule>> ReadStoredAsync(
        AppDbContext db, int programmeId, CancellationToken cancellationToken) =>
        db.Set<HealthRule>()
            .AsNoTracking()
            .Where(r => r.ProgrammeId == programmeId)
            .OrderBy(r => r.SortOrder)
            .ThenBy(r => r.Id)
            .ToListAsync(cancellationToken);
}
