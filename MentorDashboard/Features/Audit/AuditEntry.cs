using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorDashboard.Features.Audit;

/// <summary>What an audit entry records. Stored by name, so values can be added but never renamed.</summary>
public enum AuditKind
{
    SignedIn,
    SignInFailed,
    LockedOut,
    SignedOut,
    TwoFactorChanged,
    PasswordReset,
    RoleGranted,
    RoleRemoved,
    PersonDisabled,
    PersonEnabled,
    InvitationSent,
    InvitationAccepted,
    InvitationRevoked,
    Exported,
    SupportNotesViewed,
    PostModerated,
    NewsroomSettingsChanged,
    GuardianConsentChanged,
}

/// <summary>
/// One security-relevant event: who did what, when, in which programme, to whom. It names people by their ids
/// only and holds no free text a person wrote, so reading the log exposes no more than it must.
/// </summary>
public sealed class AuditEntry
{
    public const int DetailMaxLength = 200;

    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    public AuditKind Kind { get; set; }

    /// <summary>The person who acted; null for an anonymous visitor (a failed sign-in to an unknown address).</summary>
    public string? ActorId { get; set; }

    /// <summary>The network whose admins may read the entry; null for events outside any network.</summary>
    public int? NetworkId { get; set; }

    public int? ProgrammeId { get; set; }

    /// <summary>The id of what was acted on: a person, a match or an export's table.</summary>
    public string? SubjectId { get; set; }

    /// <summary>
    /// A short machine-written detail such as <c>Coordinator</c> or <c>posts.csv</c>; never personal data.
    /// </summary>
    public string? Detail { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.ToTable("AuditEntries");
        e.Property(a => a.Kind).HasConversion<string>().HasMaxLength(40);
        e.Property(a => a.ActorId).HasMaxLength(450);
        e.Property(a => a.SubjectId).HasMaxLength(450);
        e.Property(a => a.Detail).HasMaxLength(AuditEntry.DetailMaxLength);
        e.HasIndex(a => new { a.NetworkId, a.AtUtc });
        e.HasIndex(a => new { a.ActorId, a.AtUtc });
    }
}
