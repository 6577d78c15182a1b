using MentorDashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorDashboard.Features.Reminders;

/// <summary>
/// A person's choice of reminders. A person without a row gets both: reminders are on until they turn them off.
/// </summary>
public sealed class ReminderPreference
{
    public required string PersonId { get; set; }

    /// <summary>The banner in the newsroom.</summary>
    public bool InApp { get; set; } = true;

    public bool Email { get; set; } = true;

    public DateTime UpdatedAtUtc { get; set; }
}

/// <summary>What a reminder is about; the rate limit counts each kind apart.</summary>
public enum ReminderKind
{
    /// <summary>A mentor has not posted about an active match for a while.</summary>
    NoRecentPost,

    /// <summary>A questionnaire waits for the mentor's answers.</summary>
    QuestionnaireDue,
}

/// <summary>An e-mail reminder that went out, so the next one of its kind waits for the rate limit.</summary>
public sealed class SentReminder
{
    public long Id { get; set; }

    public required string PersonId { get; set; }

    public ReminderKind Kind { get; set; }

    public DateTime SentAtUtc { get; set; }
}

internal sealed class ReminderPreferenceConfiguration : IEntityTypeConfiguration<ReminderPreference>
{
    public void Configure(EntityTypeBuilder<ReminderPreference> e)
    {
        e.ToTable("ReminderPreferences");
        e.HasKey(p => p.PersonId);
        e.HasOne<Person>().WithOne().HasForeignKey<ReminderPreference>(p => p.PersonId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SentReminderConfiguration : IEntityTypeConfiguration<SentReminder>
{
    public void Configure(EntityTypeBuilder<SentReminder> e)
    {
        e.ToTable("SentReminders");
        e.Property(r => r.Kind).HasConversion<string>().HasMaxLength(40);
        e.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(r => new { r.PersonId, r.Kind, r.SentAtUtc });
    }
}
