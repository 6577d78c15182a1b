using MentorDashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorDashboard.Features.Newsroom;

/// <summary>
/// Someone's report that a post should not be shown. While a report is open (not resolved) the post is hidden
/// from the public newsroom; a coordinator resolves it by keeping or rejecting the post.
/// </summary>
public sealed class PostReport
{
    public const int ReasonMaxLength = 500;

    public long Id { get; set; }

    public long PostId { get; set; }

    /// <summary>Copied from the post so that the moderation queue filters one programme without a join.</summary>
    public int ProgrammeId { get; set; }

    public string Reason { get; set; } = "";

    /// <summary>The signed-in person who reported it; null for a reader of the public newsroom.</summary>
    public string? ReportedById { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? ResolvedAtUtc { get; set; }

    public string? ResolvedById { get; set; }
}

internal sealed class PostReportConfiguration : IEntityTypeConfiguration<PostReport>
{
    public void Configure(EntityTypeBuilder<PostReport> e)
    {
        e.ToTable("PostReports");
        e.Property(r => r.Reason).HasMaxLength(PostReport.ReasonMaxLength);
        e.HasOne<Post>().WithMany().HasForeignKey(r => r.PostId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Programme>().WithMany().HasForeignKey(r => r.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Person>().WithMany().HasForeignKey(r => r.ReportedById).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<Person>().WithMany().HasForeignKey(r => r.ResolvedById).OnDelete(DeleteBehavior.SetNull);
        e.HasIndex(r => new { r.PostId, r.ResolvedAtUtc });
        e.HasIndex(r => new { r.ProgrammeId, r.ResolvedAtUtc });
    }
}
