namespace MentorDashboard.Features.Dashboard;

internal static partial class DashboardLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Debug,
        Message = "Dashboard of programme {ProgrammeId} read in {ElapsedMs:0.0} ms")]
    public static partial void Loaded(ILogger logger, int programmeId, double elapsedMs);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Error,
        Message = "Refreshing the dashboard of programme {ProgrammeId} failed; it keeps showing the last data")]
    public static partial void RefreshFailed(ILogger logger, Exception exception, int programmeId);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Error,
        Message = "Acknowledging the flag of match {MatchId} in programme {ProgrammeId} failed")]
    public static partial void AcknowledgeFailed(ILogger logger, Exception exception, int programmeId, int matchId);
}
