using MentorDashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorDashboard.Features.Framework;

/// <summary>A network item that one programme's adaptation does not offer (it does not apply there).</summary>
public sealed class ProgrammeHiddenItem
{
    public int Id { get; set; }

    public int ProgrammeId { get; set; }

    public required string Key { get; set; }
}

internal sealed class ProgrammeHiddenItemConfiguration : IEntityTypeConfiguration<ProgrammeHiddenItem>
{
    public void Configure(EntityTypeBuilder<ProgrammeHiddenItem> builder)
    {
        builder.Property(h => h.Key).HasMaxLength(FrameworkKeys.MaxLength);
        builder.HasIndex(h => new { h.ProgrammeId, h.Key }).IsUnique();
        builder.HasOne<Programme>().WithMany().HasForeignKey(h => h.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
    }
}
