using System.Text.Json;
using System.Text.Json.Serialization;
using MentorDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Features.Import;

/// <summary>Column mappings saved by name per programme and kind of file, for next month's export.</summary>
public sealed class ImportMappingService(
    IDbContextFactory<AppDbContext> dbFactory,
    TimeProvider time,
    ILogger<ImportMappingService> logger)
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public async Task<IReadOnlyList<string>> ListAsync(
        int programmeId, ImportKind kind, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<ImportMapping>()
            .Where(m => m.ProgrammeId == programmeId && m.Kind == kind)
            .OrderBy(m => m.Name)
            .Select(m => m.Name)
            .ToListAsync(cancellationToken);
    }

    public async Task<ImportSettings?> LoadAsync(
        int programmeId, ImportKind kind, string name, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.Set<ImportMapping>()
            .Where(m => m.ProgrammeId == programmeId && m.Kind == kind && m.Name == name)
            .Select(m => m.Settings)
            .SingleOrDefaultAsync(cancellationToken);
        if (stored is null)
        {
            return null;
        }

        var settings = JsonSerializer.Deserialize<ImportSettings>(stored, Json) ?? new ImportSettings();

        // JSON does not keep the dictionaries' comparers: the file's values match regardless of case.
        settings.Stages = new(settings.Stages, StringComparer.OrdinalIgnoreCase);
        settings.ClosureReasons = new(settings.ClosureReasons, StringComparer.OrdinalIgnoreCase);
        return settings;
    }

    /// <summary>Saves under the name, replacing a mapping of that name; returns a problem or null.</summary>
    public async Task<string?> SaveAsync(
        int programmeId,
        ImportKind kind,
        string name,
        ImportSettings settings,
        CancellationToken cancellationToken = default)
    {
        var trimmed = name.Trim();
        if (trimmed.Length == 0)
        {
            return "Give the mapping a name.";
        }

        if (trimmed.Length > ImportMapping.NameMaxLength)
        {
            return "Keep the name under 100 characters.";
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var mapping = await db.Set<ImportMapping>().SingleOrDefaultAsync(
            m => m.ProgrammeId == programmeId && m.Kind == kind && m.Name == trimmed, cancellationToken);
        if (mapping is null)
        {
            mapping = new ImportMapping { ProgrammeId = programmeId, Kind = kind, Name = trimmed, Settings = "" };
            db.Add(mapping);
        }

        mapping.Settings = JsonSerializer.Serialize(settings, Json);
        mapping.SavedAtUtc = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        ImportLog.MappingSaved(logger, programmeId, kind);
        return null;
    }
}
