namespace MentorDashboard.Features.Audit;

/// <summary>Audit log reads; counts only, never who or what the entries name.</summary>
internal static partial class AuditLogEvents
{
    [LoggerMessage(EventId = 18001, Level = LogLevel.Information,
        Message = "Audit log of network {NetworkId} read: {Rows} of {Total} entries")]
    public static partial void Read(ILogger logger, int networkId, int rows, int total);
}
