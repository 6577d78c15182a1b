using MentorDashboard.Data;

namespace MentorDashboard.Features.SupportContacts;

/// <summary>A support contact as coordinators see it. The note is for them only.</summary>
/// <param name="RecordedByName">The coordinator who logged it; null for an imported contact or a removed account.
/// </param>
public sealed record SupportContactView(
    long Id,
    int MatchId,
    DateOnly Date,
    ContactChannel Channel,
    ContactPerson With,
    string Note,
    bool FollowUpNeeded,
    string? RecordedByName,
    DateTime CreatedAtUtc);

/// <summary>One match with its support contacts, newest first, for the list a coordinator reads.</summary>
public sealed record MatchContacts(
    int MatchId,
    string MentorName,
    string MenteeName,
    MatchStatus Status,
    DateOnly StartDate,
    DateOnly? ClosureDate,
    IReadOnlyList<SupportContactView> Contacts);

/// <summary>The contact standard a programme measures against: see <see cref="ContactStandard.Check"/>.</summary>
public sealed record ContactStandardSettings(int FirstPeriodContacts, int IntervalDays)
{
    public static ContactStandardSettings Default { get; } =
        new(ContactStandard.DefaultFirstPeriodContacts, ContactStandard.DefaultIntervalDays);
}

/// <summary>
/// How a programme's active matches stand against its contact standard today. Paused matches are left out
/// while paused: nobody expects a coordinator to call a pair that agreed to stop for a while.
/// </summary>
/// <param name="Matches">The active matches that need a contact: behind the standard, or with a follow-up still
/// open; the most overdue first.</param>
public sealed record ContactCompliance(
    int ProgrammeId,
    ContactStandardSettings Standard,
    int ActiveMatches,
    int OnStandard,
    IReadOnlyList<MatchContactStatus> Matches)
{
    /// <summary>The share of active matches contacted as expected, 0 to 1; null without active matches.</summary>
    public double? Share => ActiveMatches == 0 ? null : (double)OnStandard / ActiveMatches;
}

/// <param name="NextDue">The day the next contact is or was due; in the past when the match is behind.</param>
/// <param name="FollowUpNeeded">The latest contact asked for a follow-up, and none has been logged since.</param>
public sealed record MatchContactStatus(
    int MatchId,
    string MentorName,
    string MenteeName,
    bool IsBehind,
    DateOnly? LastContact,
    DateOnly NextDue,
    bool FollowUpNeeded);
