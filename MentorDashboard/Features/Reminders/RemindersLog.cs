namespace MentorDashboard.Features.Reminders;

/// <summary>Reminder events: counts only, never who, an address or what an e-mail says.</summary>
internal static partial class RemindersLog
{
    [LoggerMessage(EventId = 8101, Level = LogLevel.Information,
        Message = "E-mail reminders are off: no Smtp:Host is configured. In-app reminders work as usual")]
    public static partial void EmailOff(ILogger logger);

    [LoggerMessage(EventId = 8102, Level = LogLevel.Information,
        Message = "E-mail reminders are checked every {Interval}")]
    public static partial void Started(ILogger logger, TimeSpan interval);

    [LoggerMessage(EventId = 8103, Level = LogLevel.Information,
        Message = "Reminder check: {Sent} e-mails sent, {Failed} wait for the next check")]
    public static partial void Checked(ILogger logger, int sent, int failed);

    [LoggerMessage(EventId = 8104, Level = LogLevel.Warning,
        Message = "The SMTP server could not be reached; {Waiting} reminders wait for the next check")]
    public static partial void SmtpUnreachable(ILogger logger, Exception exception, int waiting);

    [LoggerMessage(EventId = 8105, Level = LogLevel.Warning,
        Message = "A {Kind} reminder was not accepted by the SMTP server; it waits for the next check")]
    public static partial void SendFailed(ILogger logger, Exception exception, ReminderKind kind);

    [LoggerMessage(EventId = 8106, Level = LogLevel.Error,
        Message = "The reminder check failed; the next one runs as planned")]
    public static partial void CheckFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 8107, Level = LogLevel.Information,
        Message = "A person set in-app reminders {InApp} and e-mail reminders {Email}")]
    public static partial void ChoicesSaved(ILogger logger, bool inApp, bool email);

    [LoggerMessage(EventId = 8108, Level = LogLevel.Error,
        Message = "Saving a person's reminder settings failed; the page kept the earlier ones")]
    public static partial void ChoicesSaveFailed(ILogger logger, Exception exception);
}
