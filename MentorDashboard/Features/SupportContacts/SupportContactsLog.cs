namespace MentorDashboard.Features.SupportContacts;

/// <summary>Support contact events: ids and counts only, never a note or a person's name.</summary>
internal static partial class SupportContactsLog
{
    [LoggerMessage(EventId = 8001, Level = LogLevel.Information,
        Message = "Support contact {ContactId} saved for match {MatchId} in programme {ProgrammeId}")]
    public static partial void Saved(ILogger logger, int programmeId, int matchId, long contactId);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Information,
        Message = "A support contact in programme {ProgrammeId} was refused with {ErrorCount} errors")]
    public static partial void Rejected(ILogger logger, int programmeId, int errorCount);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Warning,
        Message = "Someone who does not coordinate programme {ProgrammeId} asked for its support contacts")]
    public static partial void AccessRefused(ILogger logger, int programmeId);

    [LoggerMessage(EventId = 8004, Level = LogLevel.Error,
        Message = "Saving a support contact failed; the dialog kept its input")]
    public static partial void SaveFailed(ILogger logger, Exception exception);
}
