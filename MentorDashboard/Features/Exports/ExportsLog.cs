namespace MentorDashboard.Features.Exports;

/// <summary>Export events: which table, how many rows, how long; never a cell's content.</summary>
internal static partial class ExportsLog
{
    [LoggerMessage(EventId = 12001, Level = LogLevel.Information,
        Message = "Export of {Table} as {Format} for programme {ProgrammeId} wrote {Rows} rows in {ElapsedMs} ms")]
    public static partial void Written(
        ILogger logger, ExportTable table, ExportFormat format, int programmeId, int rows, long elapsedMs);

    [LoggerMessage(EventId = 12002, Level = LogLevel.Information,
        Message = "Export of {Table} as {Format} for programme {ProgrammeId} stopped: the client went away")]
    public static partial void Abandoned(ILogger logger, ExportTable table, ExportFormat format, int programmeId);
}
