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
}
