using MentorDashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorDashboard.Features.SupportContacts;

/// <summary>How a coordinator reached the person.</summary>
public enum ContactChannel
{
    InPerson,
    Phone,
    VideoCall,
    Message,
    Email,
}

/// <summary>Who the coordinator was in contact with about the match.</summary>
public enum ContactPerson
{
    Mentor,
    Mentee,
    Family,
}

/// <summary>
/// A coordinator's check-in with a mentor, mentee or family about one match. The note is for the programme's
/// coordinators only: it never reaches the newsroom, the public, or a mentor.
/// </summary>
public sealed class SupportContact
{
    public long Id { get; set; }

    /// <summary>Copied from the match so that programme cards filter without a join.</summary>
    public int ProgrammeId { get; set; }

    public int MatchId { get; set; }

    public DateOnly Date { get; set; }

    public ContactChannel Channel { get; set; }

    public ContactPerson With { get; set; }

    public string Note { get; set; } = "";

    public bool FollowUpNeeded { get; set; }

    /// <summary>The coordinator who logged it; null for contacts brought in by an import.</summary>
    public string? RecordedById { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Set by the form, unique, so a retried submit is recognised instead of saved twice.</summary>
    public Guid? SubmissionId { get; set; }

    /// <summary>
    /// For a contact brought in by an import: the source's contact id, or a fingerprint of match, date and note
    /// when the source has none. Unique per programme, so importing the same log again adds nothing.
    /// </summary>
    public string? ImportKey { get; set; }
}

internal sealed class SupportContactConfiguration : IEntityTypeConfiguration<SupportContact>
{
    // Long enough for the notes CRMs export (they run to thousands of characters).
    public const int NoteMaxLength = 8000;

    public const int ImportKeyMaxLength = 100;

    public void Configure(EntityTypeBuilder<SupportContact> e)
    {
        e.ToTable("SupportContacts");
        e.Property(c => c.Channel).HasConversion<string>().HasMaxLength(20);
        e.Property(c => c.With).HasConversion<string>().HasMaxLength(20);
        e.Property(c => c.Note).HasMaxLength(NoteMaxLength);
        e.HasOne<Match>().WithMany().HasForeignKey(c => c.MatchId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Programme>().WithMany().HasForeignKey(c => c.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Person>().WithMany().HasForeignKey(c => c.RecordedById).OnDelete(DeleteBehavior.SetNull);
        e.HasIndex(c => new { c.MatchId, c.Date });
        e.HasIndex(c => new { c.ProgrammeId, c.Date });
        e.HasIndex(c => c.SubmissionId).IsUnique();
        e.Property(c => c.ImportKey).HasMaxLength(ImportKeyMaxLength);
        e.HasIndex(c => new { c.ProgrammeId, c.ImportKey }).IsUnique();
    }
}
