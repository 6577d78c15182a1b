using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;

namespace MentorDashboard.Features.Reminders;

/// <summary>
/// Writes reminder e-mails in the app's default culture. They name the programme and, for questionnaires, the
/// questionnaire's title, but never a mentee, a post's text or anything else a mentor wrote: an e-mail can be
/// read by anyone who sees the mailbox.
/// </summary>
public sealed class ReminderEmails(
    SmtpSender sender,
    IStringLocalizer<SharedResource> localizer,
    IOptions<ReminderOptions> options,
    IOptions<RequestLocalizationOptions> localization)
{
    private CultureInfo Culture => localization.Value.DefaultRequestCulture.Culture;

    internal MimeMessage Compose(EmailReminder reminder)
    {
        // A background check has no request culture; the app's default decides the language and date format.
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Culture;
        try
        {
            var message = new MimeMessage();
            message.From.Add(sender.From);
            message.To.Add(new MailboxAddress(reminder.Name, reminder.Email));
            message.Subject = reminder.Kind == ReminderKind.NoRecentPost
                ? localizer["Time to report your meetings"]
                : localizer["A questionnaire is waiting for you"];
            message.Body = new TextPart("plain") { Text = BodyOf(reminder) };
            return message;
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    private string BodyOf(EmailReminder reminder)
    {
        var body = new StringBuilder();
        body.AppendLine(localizer["Hello {0},", reminder.Name]).AppendLine();
        foreach (var programme in reminder.Programmes)
        {
            if (reminder.Kind == ReminderKind.NoRecentPost)
            {
                body.AppendLine(localizer[
                    "{0}: no meeting report for {2} days or more in {1} of your matches.",
                    programme.ProgrammeName, programme.QuietMatches, options.Value.DaysWithoutPost]);
                body.AppendLine(localizer["If you have met, a short post helps your coordinator support you."]);
            }
            else
            {
                body.AppendLine(localizer["{0}: questionnaires to answer:", programme.ProgrammeName]);
                foreach (var due in programme.Questionnaires)
                {
                    body.AppendLine(localizer["- {0}, due {1}", due.Title, due.Occasion.ToString("D", Culture)]);
                }
            }

            if (LinkTo($"programmes/{programme.ProgrammeId}/newsroom") is { } link)
            {
                body.AppendLine(link);
            }

            body.AppendLine();
        }

        body.AppendLine(LinkTo("account/reminders") is { } settings
            ? localizer["You can turn these e-mails off at {0}", settings]
            : localizer["You can turn these e-mails off under Reminders when you are signed in."]);
        return body.ToString();
    }

    private string? LinkTo(string path) =>
        string.IsNullOrEmpty(options.Value.AppBaseUrl)
            ? null
            : new Uri(new Uri(options.Value.AppBaseUrl.TrimEnd('/') + "/"), path).ToString();
}
