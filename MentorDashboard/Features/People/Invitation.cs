using MentorDashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorDashboard.Features.People;

/// <summary>
/// A coordinator's invitation of one e-mail address into a programme with a role. The link carries a random token
/// of which only the hash is stored; it works once and only until it expires.
/// </summary>
public sealed class Invitation
{
    public int Id { get; set; }

    public int ProgrammeId { get; set; }

    public required string Email { get; set; }

    /// <summary>Upper-case like Identity's normalised e-mail, so the lookup is the one Identity uses.</summary>
    public required string NormalizedEmail { get; set; }

    public ProgrammeRole Role { get; set; }

    /// <summary>SHA-256 of the link's token, as lower-case hex; the token itself is only in the e-mail.</summary>
    public required string TokenHash { get; set; }

    public string? InvitedById { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime ExpiresAtUtc { get; set; }

    public DateTime? AcceptedAtUtc { get; set; }

    /// <summary>The person the invitation became (a new account, or an existing one that signed in).</summary>
    public string? AcceptedById { get; set; }

    public DateTime? RevokedAtUtc { get; set; }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> e)
    {
        e.ToTable("Invitations");
        e.Property(i => i.Email).HasMaxLength(256);
        e.Property(i => i.NormalizedEmail).HasMaxLength(256);
        e.Property(i => i.Role).HasConversion<string>().HasMaxLength(20);
        e.Property(i => i.TokenHash).HasMaxLength(64);
        e.HasIndex(i => i.TokenHash).IsUnique();
        e.HasIndex(i => new { i.NormalizedEmail, i.AcceptedAtUtc });
        e.HasIndex(i => new { i.ProgrammeId, i.CreatedAtUtc });
        e.HasOne<Programme>().WithMany().HasForeignKey(i => i.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Person>().WithMany().HasForeignKey(i => i.InvitedById).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<Person>().WithMany().HasForeignKey(i => i.AcceptedById).OnDelete(DeleteBehavior.SetNull);
    }
}
