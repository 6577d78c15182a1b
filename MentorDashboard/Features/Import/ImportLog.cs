namespace MentorDashboard.Features.Import;

internal static partial class ImportLog
{
    [LoggerMessage(EventId = 11001, Level = LogLevel.Information,
        Message = "{Kind} file for programme {ProgrammeId} checked: {Rows} rows, {ProblemRows} with problems, "
            + "in {ElapsedMs:0} ms")]
    public static partial void Checked(
        ILogger logger, ImportKind kind, int programmeId, int rows, int problemRows, double elapsedMs);

    [LoggerMessage(EventId = 11002, Level = LogLevel.Information,
        Message = "{Kind} file imported into programme {ProgrammeId}: {Created} created, {Updated} updated, "
            + "{Unchanged} unchanged, {Skipped} skipped, in {ElapsedMs:0} ms")]
    public static partial void Imported(
        ILogger logger,
        ImportKind kind,
        int programmeId,
        int created,
        int updated,
        int unchanged,
        int skipped,
        double elapsedMs);

    [LoggerMessage(EventId = 11003, Level = LogLevel.Information,
        Message = "{Kind} import into programme {ProgrammeId} rolled back: {ProblemRows} rows with problems")]
    public static partial void RolledBack(ILogger logger, ImportKind kind, int programmeId, int problemRows);

    [LoggerMessage(EventId = 11004, Level = LogLevel.Warning,
        Message = "Import refused for person {PersonId} in programme {ProgrammeId}: not a coordinator")]
    public static partial void NotCoordinator(ILogger logger, string personId, int programmeId);

    [LoggerMessage(EventId = 11006, Level = LogLevel.Error,
        Message = "Import into programme {ProgrammeId} failed and was rolled back")]
    public static partial void Failed(ILogger logger, Exception exception, int programmeId);

    [LoggerMessage(EventId = 11005, Level = LogLevel.Information,
        Message = "Import mapping saved for programme {ProgrammeId} ({Kind})")]
    public static partial void MappingSaved(ILogger logger, int programmeId, ImportKind kind);
}
