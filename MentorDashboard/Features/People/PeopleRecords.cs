using MentorDashboard.Data;

namespace MentorDashboard.Features.People;

/// <summary>What a coordinator fills in to invite someone; mutable because the dialog binds to it.</summary>
public sealed class InvitationInput
{
    public const int MaxEmailLength = 256;

    public string Email { get; set; } = "";

    public ProgrammeRole? Role { get; set; }
}

/// <summary>One reason a change was refused; <see cref="Message"/> is the English text and localisation key.</summary>
public sealed record PeopleError(string Field, string Message);

public static class PeopleFields
{
    public const string Email = nameof(InvitationInput.Email);
    public const string Role = nameof(InvitationInput.Role);
    public const string DisplayName = "DisplayName";
    public const string Password = "Password";

    /// <summary>An error about the change as a whole rather than one field.</summary>
    public const string Change = "";
}

/// <summary>What a change to people or invitations came to: nothing refused, or the reasons.</summary>
public sealed record PeopleResult(IReadOnlyList<PeopleError> Errors)
{
    public static PeopleResult Done { get; } = new([]);

    public bool Succeeded => Errors.Count == 0;

    public static PeopleResult Refused(string message, string field = PeopleFields.Change) =>
        new([new PeopleError(field, message)]);
}

/// <summary>Where an invitation stands for someone holding its link.</summary>
public enum InvitationState
{
    Valid,
    Unknown,
    Expired,
    Accepted,
    Revoked,
}

/// <summary>An invitation that is neither accepted nor revoked, as the people page lists it.</summary>
public sealed record PendingInvitation(
    int Id, string Email, ProgrammeRole Role, DateTime CreatedAtUtc, DateTime ExpiresAtUtc, bool IsExpired);

/// <summary>What the accept page shows for a link; the details are empty unless the state is valid.</summary>
/// <param name="HasAccount">The invited address already belongs to an account, whose owner signs in to accept.
/// </param>
public sealed record InvitationLookup(
    InvitationState State,
    int InvitationId = 0,
    int ProgrammeId = 0,
    string ProgrammeName = "",
    string Email = "",
    ProgrammeRole Role = ProgrammeRole.Mentor,
    DateTime ExpiresAtUtc = default,
    bool HasAccount = false)
{
    public static InvitationLookup Unknown { get; } = new(InvitationState.Unknown);
}

/// <summary>What accepting came to: the person and programme joined, or why not.</summary>
public sealed record AcceptResult(Person? Person, int ProgrammeId, IReadOnlyList<PeopleError> Errors)
{
    public static AcceptResult Refused(string message, string field = PeopleFields.Change) =>
        new(null, 0, [new PeopleError(field, message)]);
}

/// <summary>One membership of a programme as the people page lists it: a person with one of their roles.</summary>
public sealed record MemberRow(
    int MembershipId, string PersonId, string Name, ProgrammeRole Role, string? Email, bool IsDisabled);

/// <param name="Search">Part of a name or e-mail address; empty lists everyone.</param>
public sealed record MemberQuery(string? Search, int Page, int PageSize);

public sealed record MemberPage(IReadOnlyList<MemberRow> Rows, int Total);
