using MentorDashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorDashboard.Features.Health;

/// <summary>What a health rule looks at. <see cref="HealthRule.Days"/> and <see cref="HealthRule.Count"/> mean
/// what each kind says.</summary>
public enum HealthRuleKind
{
    /// <summary>No meeting (post) for <see cref="HealthRule.Days"/> days; a new match counts from its start.</summary>
    NoMeetingForDays,

    /// <summary>Fewer than <see cref="HealthRule.Count"/> meetings in the last <see cref="HealthRule.Days"/>
    /// days.</summary>
    FewMeetings,

    /// <summary>A scale score of the latest response falls in a concern band.</summary>
    ConcernScore,

    /// <summary>A questionnaire occasion is unanswered <see cref="HealthRule.Days"/> days after it fell
    /// due.</summary>
    QuestionnaireOverdue,

    /// <summary>
    /// Support contacts behind the standard: <see cref="HealthRule.Count"/> contacts in the first
    /// <see cref="HealthRule.Days"/> days of the match, then at least one every <see cref="HealthRule.Days"/>
    /// days.
    /// </summary>
    SupportContactBehind,

    /// <summary>The last <see cref="HealthRule.Count"/> posts were all rated 1 or 2 ("went badly").</summary>
    PoorRatingsInARow,
}

/// <summary>How serious a broken rule is; a match takes the most serious status of its broken rules.</summary>
public enum HealthStatus
{
    OnTrack,
    NeedsCheckIn,
    AtRisk,
}

/// <summary>One rule of a programme's health check, set by its admin and evaluated for every active match.</summary>
public sealed class HealthRule
{
    public int Id { get; set; }

    public int ProgrammeId { get; set; }

    public HealthRuleKind Kind { get; set; }

    /// <summary>The status a match gets when it breaks this rule: needs check-in or at risk.</summary>
    public HealthStatus Severity { get; set; }

    public int? Days { get; set; }

    public int? Count { get; set; }

    public bool IsEnabled { get; set; } = true;

    public int SortOrder { get; set; }
}

internal sealed class HealthRuleConfiguration : IEntityTypeConfiguration<HealthRule>
{
    public void Configure(EntityTypeBuilder<HealthRule> e)
    {
        e.ToTable("HealthRules");
        e.Property(r => r.Kind).HasConversion<string>().HasMaxLength(40);
        e.Property(r => r.Severity).HasConversion<string>().HasMaxLength(20);
        e.HasOne<Programme>().WithMany().HasForeignKey(r => r.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(r => r.ProgrammeId);
    }
}
