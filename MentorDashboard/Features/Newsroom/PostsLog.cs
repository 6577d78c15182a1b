namespace MentorDashboard.Features.Newsroom;

/// <summary>Post events: ids and counts only, never a post's text or a person's name.</summary>
internal static partial class PostsLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information,
        Message = "Post {PostId} saved in programme {ProgrammeId}")]
    public static partial void Saved(ILogger logger, int programmeId, long postId);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information,
        Message = "A post to programme {ProgrammeId} was refused with {ErrorCount} errors")]
    public static partial void Rejected(ILogger logger, int programmeId, int errorCount);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Error, Message = "Saving a post failed; the form kept its input")]
    public static partial void SaveFailed(ILogger logger, Exception exception);
}
