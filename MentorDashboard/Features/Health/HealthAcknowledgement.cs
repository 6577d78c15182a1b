using MentorDashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorDashboard.Features.Health;

/// <summary>
/// A coordinator has seen a match's flag and is dealing with it. The flag stays hidden until something new
/// happens: a post, questionnaire response or support contact saved after this moment, or a status worse than
/// <see cref="Status"/>. Rows are kept as the match's follow-up history; the newest one counts.
/// </summary>
public sealed class HealthAcknowledgement
{
    public long Id { get; set; }

    public int ProgrammeId { get; set; }

    public int MatchId { get; set; }

    /// <summary>The status the coordinator saw and acknowledged.</summary>
    public HealthStatus Status { get; set; }

    /// <summary>Who acknowledged; null once that account is deleted.</summary>
    public string? AcknowledgedById { get; set; }

    public DateTime AcknowledgedAtUtc { get; set; }
}

internal sealed class HealthAcknowledgementConfiguration : IEntityTypeConfiguration<HealthAcknowledgement>
{
    public void Configure(EntityTypeBuilder<HealthAcknowledgement> e)
    {
        e.ToTable("HealthAcknowledgements");
        e.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        e.HasOne<Match>().WithMany().HasForeignKey(a => a.MatchId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Programme>().WithMany().HasForeignKey(a => a.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Person>().WithMany().HasForeignKey(a => a.AcknowledgedById).OnDelete(DeleteBehavior.SetNull);
        e.HasIndex(a => new { a.ProgrammeId, a.AcknowledgedAtUtc });
        e.HasIndex(a => new { a.MatchId, a.AcknowledgedAtUtc });
    }
}
