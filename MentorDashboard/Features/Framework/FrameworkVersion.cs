using MentorDashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorDashboard.Features.Framework;

/// <summary>
/// A published, immutable snapshot of a network's framework items (retired ones included), stored as the same
/// JSON document an export gives. Programmes use the latest one unless they are pinned to an older one.
/// </summary>
public sealed class FrameworkVersion
{
    public int Id { get; set; }

    public int NetworkId { get; set; }

    /// <summary>1, 2, 3, ... within the network.</summary>
    public int Number { get; set; }

    public DateTime PublishedAtUtc { get; set; }

    /// <summary>The admin who published it; null for versions the app published itself (the demo seed).</summary>
    public string? PublishedById { get; set; }

    public string Note { get; set; } = "";

    public required string DocumentJson { get; set; }
}

internal sealed class FrameworkVersionConfiguration : IEntityTypeConfiguration<FrameworkVersion>
{
    public const int MaxNoteLength = 500;

    public void Configure(EntityTypeBuilder<FrameworkVersion> builder)
    {
        builder.Property(v => v.Note).HasMaxLength(MaxNoteLength);
        builder.HasIndex(v => new { v.NetworkId, v.Number }).IsUnique();
        builder.HasOne<Network>().WithMany().HasForeignKey(v => v.NetworkId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(v => v.PublishedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany<Programme>().WithOne().HasForeignKey(p => p.FrameworkVersionId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}
