using System.Globalization;
using System.Text;
using MentorDashboard.Data;
using MentorDashboard.Features.Reminders;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;

namespace MentorDashboard.Features.People;

/// <summary>
/// Writes and sends invitation e-mails through the app's SMTP server. An e-mail names the programme and the role,
/// nobody else, and carries the only copy of the link's token.
/// </summary>
public sealed class InvitationEmails(
    SmtpSender sender,
    IStringLocalizer<SharedResource> localizer,
    IOptions<ReminderOptions> reminderOptions)
{
    public const string AcceptPath = "invitations/accept";

    public bool IsEnabled => sender.IsEnabled;

    /// <summary>
    /// The accept link: under <c>Reminders:AppBaseUrl</c> when it is set (the address people know), otherwise
    /// under the address the coordinator's own request came to.
    /// </summary>
    public Uri LinkFor(string token, Uri requestBase)
    {
        var configured = reminderOptions.Value.AppBaseUrl;
        var root = string.IsNullOrEmpty(configured) ? requestBase : new Uri(configured.TrimEnd('/') + "/");
        return new Uri(root, $"{AcceptPath}?token={token}");
    }

    public async Task SendAsync(
        string email, string programmeName, ProgrammeRole role, Uri link, DateTime expiresAtUtc,
        CancellationToken cancellationToken)
    {
        var message = new MimeMessage();
        message.From.Add(sender.From);
        message.To.Add(MailboxAddress.Parse(email));
        message.Subject = localizer["You are invited to {0} on MentorDashboard", programmeName];
        message.Body = new TextPart("plain") { Text = BodyOf(programmeName, role, link, expiresAtUtc) };
        await using var session = await sender.ConnectAsync(cancellationToken);
        await session.SendAsync(message, cancellationToken);
    }

    private string BodyOf(string programmeName, ProgrammeRole role, Uri link, DateTime expiresAtUtc)
    {
        var body = new StringBuilder();
        body.AppendLine(localizer["Hello,"]).AppendLine();
        body.AppendLine(localizer["You are invited to join {0} as {1}.", programmeName,
            localizer[PeopleLabels.Of(role)].Value.ToLower(CultureInfo.CurrentCulture)]);
        body.AppendLine(localizer["Open this link to accept:"]);
        body.AppendLine(link.ToString()).AppendLine();
        body.AppendLine(localizer["The link works once, until {0}.",
            expiresAtUtc.ToString("d MMMM yyyy HH:mm 'UTC'", CultureInfo.CurrentCulture)]);
        body.AppendLine(localizer["If you did not expect this e-mail, you can ignore it."]);
        return body.ToString();
    }
}
