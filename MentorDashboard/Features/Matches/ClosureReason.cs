using MentorDashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorDashboard.Features.Matches;

/// <summary>
/// One reason a programme's matches close for, from the list its admin keeps. Coordinators choose from the
/// reasons that are not retired; a closed match also keeps the label as it read then, so a rename or retirement
/// never rewrites history.
/// </summary>
public sealed class ClosureReason
{
    public const int LabelMaxLength = 200;

    /// <summary>What a programme with no reasons at all starts with; its admin can change every one.</summary>
    public static readonly IReadOnlyList<string> Defaults =
    [
        "Goal reached",
        "Moved away",
        "Lost contact",
        "Scheduling",
        "Family decision",
        "Mentor withdrew",
    ];

    public int Id { get; set; }

    public int ProgrammeId { get; set; }

    public required string Label { get; set; }

    public int SortOrder { get; set; }

    /// <summary>No longer offered when closing a match; matches closed for it still show it.</summary>
    public bool IsRetired { get; set; }
}

internal sealed class ClosureReasonConfiguration : IEntityTypeConfiguration<ClosureReason>
{
    public void Configure(EntityTypeBuilder<ClosureReason> e)
    {
        e.ToTable("ClosureReasons");
        e.Property(r => r.Label).HasMaxLength(ClosureReason.LabelMaxLength);
        e.HasOne<Programme>().WithMany().HasForeignKey(r => r.ProgrammeId).OnDelete(DeleteBehavior.Cascade);

        // Also what stops two first uses at once from storing the default reasons twice.
        e.HasIndex(r => new { r.ProgrammeId, r.Label }).IsUnique();

        // A reason that matches were closed for is retired, never deleted.
        e.HasMany<Match>().WithOne().HasForeignKey(m => m.ClosureReasonId).OnDelete(DeleteBehavior.Restrict);
    }
}
