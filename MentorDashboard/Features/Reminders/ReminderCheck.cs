namespace MentorDashboard.Features.Reminders;

/// <summary>
/// One pass of the e-mail reminders: find what is due, send it over one SMTP connection, and record each e-mail
/// the server accepted. What could not be sent is not recorded, so the next check tries it again.
/// </summary>
public sealed class ReminderCheck(
    ReminderService reminders,
    ReminderEmails emails,
    SmtpSender sender,
    ILogger<ReminderCheck> logger)
{
    public async Task<ReminderRun> RunAsync(CancellationToken cancellationToken)
    {
        if (!sender.IsEnabled)
        {
            return new ReminderRun(0, 0);
        }

        var due = await reminders.FindEmailRemindersAsync(cancellationToken);
        if (due.Count == 0)
        {
            RemindersLog.Checked(logger, 0, 0);
            return new ReminderRun(0, 0);
        }

        SmtpSession session;
        try
        {
            session = await sender.ConnectAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            RemindersLog.SmtpUnreachable(logger, exception, due.Count);
            return new ReminderRun(0, due.Count);
        }

        var sent = 0;
        await using (session)
        {
            foreach (var reminder in due)
            {
                try
                {
                    await session.SendAsync(emails.Compose(reminder), cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    RemindersLog.SendFailed(logger, exception, reminder.Kind);
                    continue;
                }

                await reminders.RecordSentAsync(reminder.PersonId, reminder.Kind, cancellationToken);
                sent++;
            }
        }

        RemindersLog.Checked(logger, sent, due.Count - sent);
        return new ReminderRun(sent, due.Count - sent);
    }
}
