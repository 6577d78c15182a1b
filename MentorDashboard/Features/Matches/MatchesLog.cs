using MentorDashboard.Data;

namespace MentorDashboard.Features.Matches;

/// <summary>Match events: ids, statuses and counts only, never a name, a reason or a note.</summary>
internal static partial class MatchesLog
{
    [LoggerMessage(EventId = 6101, Level = LogLevel.Information,
        Message = "Match {MatchId} created in programme {ProgrammeId}")]
    public static partial void Created(ILogger logger, int programmeId, int matchId);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information,
        Message = "Match {MatchId} in programme {ProgrammeId} went from {FromStatus} to {ToStatus}")]
    public static partial void StatusChanged(
        ILogger logger, int programmeId, int matchId, MatchStatus fromStatus, MatchStatus toStatus);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Information,
        Message = "A change to a match of programme {ProgrammeId} was refused with {ErrorCount} errors")]
    public static partial void Rejected(ILogger logger, int programmeId, int errorCount);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Warning,
        Message = "Match {MatchId} in programme {ProgrammeId} was changed by someone else during a change; "
            + "the later change was refused")]
    public static partial void ChangedMeanwhile(ILogger logger, int programmeId, int matchId);

    [LoggerMessage(EventId = 6105, Level = LogLevel.Information,
        Message = "Programme {ProgrammeId} had no closure reasons and got {Count} default ones")]
    public static partial void DefaultReasonsAdded(ILogger logger, int programmeId, int count);

    [LoggerMessage(EventId = 6106, Level = LogLevel.Error,
        Message = "Reading match {MatchId} of programme {ProgrammeId} failed")]
    public static partial void ReadFailed(ILogger logger, Exception exception, int programmeId, int matchId);

    [LoggerMessage(EventId = 6107, Level = LogLevel.Error,
        Message = "Saving a match change in programme {ProgrammeId} failed; the dialog kept its input")]
    public static partial void SaveFailed(ILogger logger, Exception exception, int programmeId);
}
