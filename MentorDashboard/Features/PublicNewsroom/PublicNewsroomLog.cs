using MentorDashboard.Features.Newsroom;

namespace MentorDashboard.Features.PublicNewsroom;

/// <summary>
/// Public newsroom, report, moderation and safeguarding events: ids and counts only, never a post's text, a
/// report's reason, a nickname or a person's name.
/// </summary>
internal static partial class PublicNewsroomLog
{
    [LoggerMessage(EventId = 16001, Level = LogLevel.Information,
        Message = "Post {PostId} in programme {ProgrammeId} was reported; it is hidden from the public newsroom")]
    public static partial void Reported(ILogger logger, int programmeId, long postId);

    [LoggerMessage(EventId = 16002, Level = LogLevel.Information,
        Message = "A report of post {PostId} in programme {ProgrammeId} was refused")]
    public static partial void ReportRefused(ILogger logger, int programmeId, long postId);

    [LoggerMessage(EventId = 16003, Level = LogLevel.Information,
        Message = "Post {PostId} in programme {ProgrammeId} moderated: {Decision}, {ReportCount} reports resolved")]
    public static partial void Moderated(
        ILogger logger, int programmeId, long postId, ModerationDecision decision, int reportCount);

    [LoggerMessage(EventId = 16004, Level = LogLevel.Information,
        Message = "Newsroom of programme {ProgrammeId} set to public {IsPublic}, moderation {RequiresModeration}")]
    public static partial void SettingsChanged(ILogger logger, int programmeId, bool isPublic, bool requiresModeration);

    [LoggerMessage(EventId = 16005, Level = LogLevel.Information,
        Message = "Safeguarding details of a mentee in programme {ProgrammeId} saved")]
    public static partial void MenteeSaved(ILogger logger, int programmeId);

    [LoggerMessage(EventId = 16006, Level = LogLevel.Information,
        Message = "Safeguarding details of a mentee in programme {ProgrammeId} refused: {Reason}")]
    public static partial void MenteeRefused(ILogger logger, int programmeId, string reason);

    [LoggerMessage(EventId = 16007, Level = LogLevel.Information,
        Message = "A public post to programme {ProgrammeId} was refused for {DetailCount} private details")]
    public static partial void PrivateDetailsFound(ILogger logger, int programmeId, int detailCount);

    [LoggerMessage(EventId = 16008, Level = LogLevel.Information,
        Message = "Post {PostId} in programme {ProgrammeId} made public {IsPublic} by its author")]
    public static partial void VisibilityChanged(ILogger logger, int programmeId, long postId, bool isPublic);
}
