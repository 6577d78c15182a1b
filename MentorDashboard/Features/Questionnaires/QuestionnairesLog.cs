namespace MentorDashboard.Features.Questionnaires;

/// <summary>Questionnaire events: ids and counts only, never an answer or a person's name.</summary>
internal static partial class QuestionnairesLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information,
        Message = "Response {ResponseId} to questionnaire {QuestionnaireId} saved in programme {ProgrammeId}")]
    public static partial void Saved(ILogger logger, int programmeId, int questionnaireId, long responseId);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information,
        Message = "A response to programme {ProgrammeId} was refused with {ErrorCount} errors")]
    public static partial void Rejected(ILogger logger, int programmeId, int errorCount);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Error,
        Message = "Saving a response failed; the page kept its answers")]
    public static partial void SaveFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning,
        Message = "The answers draft could not be read or written in the browser's storage")]
    public static partial void DraftUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Information,
        Message = "Questionnaire {QuestionnaireId} created in network {NetworkId}")]
    public static partial void Created(ILogger logger, int networkId, int questionnaireId);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Information,
        Message = "Questionnaire {QuestionnaireId} edited: {Change}")]
    public static partial void Changed(ILogger logger, int questionnaireId, string change);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Information,
        Message = "An edit of questionnaire {QuestionnaireId} was refused with {ErrorCount} errors")]
    public static partial void EditRefused(ILogger logger, int questionnaireId, int errorCount);
}
