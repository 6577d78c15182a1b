namespace MentorDashboard.Features.Health;

/// <summary>Health rule events: ids, counts and durations only, never a name or a reason's text.</summary>
internal static partial class HealthLog
{
    [LoggerMessage(EventId = 10001, Level = LogLevel.Debug,
        Message = "Health of programme {ProgrammeId} evaluated: {Matches} matches, {Flagged} flagged, "
            + "in {ElapsedMs:0.0} ms")]
    public static partial void Evaluated(ILogger logger, int programmeId, int matches, int flagged, double elapsedMs);

    [LoggerMessage(EventId = 10002, Level = LogLevel.Information,
        Message = "Health rules of programme {ProgrammeId} saved: {Rules} rules, {Enabled} enabled")]
    public static partial void RulesSaved(ILogger logger, int programmeId, int rules, int enabled);

    [LoggerMessage(EventId = 10003, Level = LogLevel.Information,
        Message = "Health rules of programme {ProgrammeId} refused with {ErrorCount} errors")]
    public static partial void RulesRefused(ILogger logger, int programmeId, int errorCount);

    [LoggerMessage(EventId = 10004, Level = LogLevel.Information,
        Message = "Flag of match {MatchId} in programme {ProgrammeId} acknowledged at {Status}")]
    public static partial void Acknowledged(ILogger logger, int programmeId, int matchId, HealthStatus status);

    [LoggerMessage(EventId = 10005, Level = LogLevel.Warning,
        Message = "Acknowledging match {MatchId} in programme {ProgrammeId} was refused")]
    public static partial void AcknowledgementRefused(ILogger logger, int programmeId, int matchId);

    [LoggerMessage(EventId = 10006, Level = LogLevel.Information,
        Message = "Health monitor evaluated {Programmes} programmes with {Matches} matches in {ElapsedMs:0} ms; "
            + "{Changed} programmes changed")]
    public static partial void MonitorPass(
        ILogger logger, int programmes, int matches, double elapsedMs, int changed);

    [LoggerMessage(EventId = 10007, Level = LogLevel.Error,
        Message = "Health monitor could not evaluate programme {ProgrammeId}; it tries again at the next pass")]
    public static partial void MonitorProgrammeFailed(ILogger logger, Exception exception, int programmeId);

    [LoggerMessage(EventId = 10008, Level = LogLevel.Debug,
        Message = "Health monitor waits {Wait} until its next pass")]
    public static partial void MonitorWaiting(ILogger logger, TimeSpan wait);

    [LoggerMessage(EventId = 10009, Level = LogLevel.Error,
        Message = "Health monitor could not read the programmes; it tries again at the next pass")]
    public static partial void MonitorPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 10010, Level = LogLevel.Error,
        Message = "Saving the health rules of programme {ProgrammeId} failed; the editor kept them")]
    public static partial void RulesSaveFailed(ILogger logger, Exception exception, int programmeId);
}
