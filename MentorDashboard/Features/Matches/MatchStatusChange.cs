using MentorDashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorDashboard.Features.Matches;

/// <summary>
/// One step in a match's life: created, paused, resumed or closed, with the day it took effect, why, who
/// recorded it and when. Rows are only ever added, so the match page can tell the whole story.
/// </summary>
public sealed class MatchStatusChange
{
    public const int ReasonMaxLength = 500;

    public const int NoteMaxLength = 1000;

    public long Id { get; set; }

    public int MatchId { get; set; }

    /// <summary>Null when the match was created.</summary>
    public MatchStatus? FromStatus { get; set; }

    public MatchStatus ToStatus { get; set; }

    /// <summary>The day the change took effect: the start, the pause, the resumption or the closure.</summary>
    public DateOnly EffectiveDate { get; set; }

    /// <summary>The pause reason, or the closure reason's label at the time.</summary>
    public string? Reason { get; set; }

    /// <summary>The coordinator's closure note; for coordinators only.</summary>
    public string? Note { get; set; }

    /// <summary>The coordinator who recorded it; null for changes the app or an import made.</summary>
    public string? ChangedById { get; set; }

    public DateTime ChangedAtUtc { get; set; }
}

internal sealed class MatchStatusChangeConfiguration : IEntityTypeConfiguration<MatchStatusChange>
{
    public void Configure(EntityTypeBuilder<MatchStatusChange> e)
    {
        e.ToTable("MatchStatusChanges");
        e.Property(c => c.FromStatus).HasConversion<string>().HasMaxLength(20);
        e.Property(c => c.ToStatus).HasConversion<string>().HasMaxLength(20);
        e.Property(c => c.Reason).HasMaxLength(MatchStatusChange.ReasonMaxLength);
        e.Property(c => c.Note).HasMaxLength(MatchStatusChange.NoteMaxLength);
        e.HasOne<Match>().WithMany().HasForeignKey(c => c.MatchId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Person>().WithMany().HasForeignKey(c => c.ChangedById).OnDelete(DeleteBehavior.SetNull);
        e.HasIndex(c => new { c.MatchId, c.EffectiveDate });
    }
}
