using MentorDashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorDashboard.Features.Import;

/// <summary>What a file brings in.</summary>
public enum ImportKind
{
    /// <summary>One row per match: the match and the people in it.</summary>
    Roster,

    /// <summary>One row per support contact with a match.</summary>
    ContactLog,
}

/// <summary>
/// A column mapping a coordinator saved by name, so that next month's export of the same system imports without
/// mapping again. <see cref="Settings"/> holds <see cref="ImportSettings"/> as JSON.
/// </summary>
public sealed class ImportMapping
{
    public const int NameMaxLength = 100;

    public int Id { get; set; }

    public int ProgrammeId { get; set; }

    public ImportKind Kind { get; set; }

    public required string Name { get; set; }

    public required string Settings { get; set; }

    public DateTime SavedAtUtc { get; set; }
}

/// <summary>One committed import: who brought in which file and what it changed. Kept for the record.</summary>
public sealed class ImportRun
{
    public const int FileNameMaxLength = 255;

    public long Id { get; set; }

    public int ProgrammeId { get; set; }

    public ImportKind Kind { get; set; }

    public required string FileName { get; set; }

    public string? ImportedById { get; set; }

    public DateTime ImportedAtUtc { get; set; }

    public int Created { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }

    /// <summary>Rows with problems the coordinator chose to leave out.</summary>
    public int Skipped { get; set; }
}

internal sealed class ImportMappingConfiguration : IEntityTypeConfiguration<ImportMapping>
{
    public void Configure(EntityTypeBuilder<ImportMapping> e)
    {
        e.ToTable("ImportMappings");
        e.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(m => m.Name).HasMaxLength(ImportMapping.NameMaxLength);
        e.HasOne<Programme>().WithMany().HasForeignKey(m => m.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(m => new { m.ProgrammeId, m.Kind, m.Name }).IsUnique();
    }
}

internal sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    public void Configure(EntityTypeBuilder<ImportRun> e)
    {
        e.ToTable("ImportRuns");
        e.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(r => r.FileName).HasMaxLength(ImportRun.FileNameMaxLength);
        e.HasOne<Programme>().WithMany().HasForeignKey(r => r.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Person>().WithMany().HasForeignKey(r => r.ImportedById).OnDelete(DeleteBehavior.SetNull);
        e.HasIndex(r => new { r.ProgrammeId, r.ImportedAtUtc });
    }
}
