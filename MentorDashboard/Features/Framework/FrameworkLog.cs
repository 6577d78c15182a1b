using MentorDashboard.Data;

namespace MentorDashboard.Features.Framework;

/// <summary>Framework changes: ids, kinds and counts only; labels and keys may carry a programme's wording.</summary>
internal static partial class FrameworkLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information,
        Message = "A {Kind} was added to the framework of network {NetworkId} (programme {ProgrammeId})")]
    public static partial void ItemAdded(ILogger logger, int networkId, int? programmeId, FrameworkItemKind kind);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information,
        Message = "A {Kind} was retired in the framework of network {NetworkId} (programme {ProgrammeId})")]
    public static partial void ItemRetired(ILogger logger, int networkId, int? programmeId, FrameworkItemKind kind);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information,
        Message = "Framework version {Number} of network {NetworkId} published with {ItemCount} items "
            + "and {QuestionnaireCount} questionnaires")]
    public static partial void Published(
        ILogger logger, int networkId, int number, int itemCount, int questionnaireCount);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Information,
        Message = "A framework import into network {NetworkId} was refused with {ErrorCount} errors")]
    public static partial void ImportRefused(ILogger logger, int networkId, int errorCount);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Information,
        Message = "Framework imported into network {NetworkId}: {Added} added, {Updated} updated, {Removed} removed")]
    public static partial void Imported(ILogger logger, int networkId, int added, int updated, int removed);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Information,
        Message = "Questionnaires imported into network {NetworkId}: {Added} added, {Updated} updated, "
            + "{Removed} removed")]
    public static partial void QuestionnairesImported(
        ILogger logger, int networkId, int added, int updated, int removed);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Information,
        Message = "Adaptation of programme {ProgrammeId} changed: {Change}")]
    public static partial void AdaptationChanged(ILogger logger, int programmeId, string change);
}
