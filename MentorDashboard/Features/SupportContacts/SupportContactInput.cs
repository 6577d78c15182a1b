using MentorDashboard.Features.Newsroom;

namespace MentorDashboard.Features.SupportContacts;

/// <summary>What a coordinator fills in for one support contact; mutable because the dialog binds to it.</summary>
public sealed class SupportContactInput
{
    public const int MaxNoteLength = SupportContactConfiguration.NoteMaxLength;

    /// <summary>Chosen by the dialog once, so a retried save stores one contact, not two.</summary>
    public Guid SubmissionId { get; set; } = Guid.NewGuid();

    public int MatchId { get; set; }

    public DateTime? Date { get; set; }

    public ContactChannel? Channel { get; set; }

    public ContactPerson? With { get; set; }

    public string Note { get; set; } = "";

    public bool FollowUpNeeded { get; set; }
}

/// <summary>One reason a contact was refused; <see cref="Message"/> is the English text and localisation key.
/// </summary>
public sealed record SupportContactError(string Field, string Message);

public static class SupportContactFields
{
    public const string Match = nameof(SupportContactInput.MatchId);
    public const string Date = nameof(SupportContactInput.Date);
    public const string Channel = nameof(SupportContactInput.Channel);
    public const string With = nameof(SupportContactInput.With);
    public const string Note = nameof(SupportContactInput.Note);

    /// <summary>An error about the contact as a whole rather than one field.</summary>
    public const string Contact = "";
}

/// <summary>Either the saved contact or every reason it was refused; nothing is stored when refused.</summary>
public sealed record SupportContactResult(SupportContactView? Contact, IReadOnlyList<SupportContactError> Errors)
{
    public bool Saved => Contact is not null;

    public static SupportContactResult Rejected(params SupportContactError[] errors) => new(null, errors);
}

/// <summary>
/// The rules a contact must meet on its own, shared by the dialog (for quick feedback) and the service, which also
/// checks the match's dates.
/// </summary>
public static class SupportContactValidation
{
    public static IReadOnlyList<SupportContactError> Validate(SupportContactInput input, DateOnly today)
    {
        var errors = new List<SupportContactError>();
        if (input.Date is not { } date)
        {
            errors.Add(new(SupportContactFields.Date, "Enter the date of the contact."));
        }
        else if (DateOnly.FromDateTime(date) > today)
        {
            errors.Add(new(SupportContactFields.Date, "The contact date cannot be in the future."));
        }

        if (input.Channel is not { } channel || !Enum.IsDefined(channel))
        {
            errors.Add(new(SupportContactFields.Channel, "Choose how you were in contact."));
        }

        if (input.With is not { } with || !Enum.IsDefined(with))
        {
            errors.Add(new(SupportContactFields.With, "Choose who you were in contact with."));
        }

        if (CleanNote(input.Note).Length > SupportContactInput.MaxNoteLength)
        {
            errors.Add(new(SupportContactFields.Note, "The note can be at most 2,000 characters long."));
        }

        return errors;
    }

    /// <summary>The note as stored: cleaned as a post's story is (trimmed, no control characters).</summary>
    public static string CleanNote(string? note) => PostValidation.CleanText(note ?? "");
}
