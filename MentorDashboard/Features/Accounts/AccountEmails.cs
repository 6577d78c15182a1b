using System.Threading.Channels;
using MailKit;
using MailKit.Net.Smtp;
using MentorDashboard.Data;
using MentorDashboard.Features.Reminders;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;

namespace MentorDashboard.Features.Accounts;

public enum AccountEmailKind
{
    ConfirmEmail,
    ResetPassword,
}

/// <summary>
/// Writes the e-mails that confirm an address or reset a password, and sends them in the background: the page
/// answers at once and as fast for an unknown address as for a known one, so its timing tells nobody which
/// addresses have an account. A failed send is logged; the person can ask again.
/// </summary>
/// <remarks>
/// Links point at <c>Reminders:AppBaseUrl</c>. Only in Development, without it, they point at the address the
/// request came to: elsewhere a forged Host header could send a person's reset link to another site.
/// </remarks>
public sealed class AccountEmails(
    SmtpSender sender,
    IStringLocalizer<SharedResource> localizer,
    IOptions<ReminderOptions> reminders,
    IHostEnvironment environment,
    ILogger<AccountEmails> logger) : BackgroundService
{
    private readonly Channel<MimeMessage> _queue = Channel.CreateBounded<MimeMessage>(500);

    public bool IsEnabled => sender.IsEnabled;

    /// <summary>Queues the e-mail with a link to the confirmation or reset page, carrying the id and token.</summary>
    /// <param name="requestBase">The address the request came to; used only in Development.</param>
    public void Send(AccountEmailKind kind, Person person, string token, string requestBase)
    {
        if (!sender.IsEnabled || person.Email is not { } email)
        {
            AccountsLog.AccountEmailNotSent(logger, "no SMTP host is configured");
            return;
        }

        var baseUrl = string.IsNullOrEmpty(reminders.Value.AppBaseUrl)
            ? environment.IsDevelopment() ? requestBase : null
            : reminders.Value.AppBaseUrl;
        if (baseUrl is null)
        {
            AccountsLog.AccountEmailNotSent(logger, "Reminders:AppBaseUrl is not set, so it could carry no link");
            return;
        }

        var path = kind == AccountEmailKind.ConfirmEmail ? "account/confirm-email" : "account/reset-password";
        var query = $"?id={Uri.EscapeDataString(person.Id)}&token={Uri.EscapeDataString(token)}";
        var link = new Uri(new Uri(baseUrl.TrimEnd('/') + "/"), path + query).ToString();
        if (!_queue.Writer.TryWrite(Compose(kind, person.DisplayName, email, link)))
        {
            AccountsLog.AccountEmailNotSent(logger, "too many account e-mails are waiting");
            return;
        }

        AccountsLog.AccountEmailQueued(logger, kind);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var message in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var session = await sender.ConnectAsync(stoppingToken);
                await session.SendAsync(message, stoppingToken);
            }
            catch (Exception exception) when (exception is IOException or SmtpCommandException
                or SmtpProtocolException or ServiceNotConnectedException or ServiceNotAuthenticatedException
                or MailKit.Security.AuthenticationException or System.Net.Sockets.SocketException
                or TimeoutException)
            {
                // The type only: an SMTP server's message may quote the recipient's address.
                AccountsLog.AccountEmailFailed(logger, exception.GetType().Name);
            }
        }
    }

    private MimeMessage Compose(AccountEmailKind kind, string name, string email, string link)
    {
        var message = new MimeMessage();
        message.From.Add(sender.From);
        message.To.Add(new MailboxAddress(name, email));
        var confirm = kind == AccountEmailKind.ConfirmEmail;
        message.Subject = confirm
            ? localizer["Confirm your e-mail address for MentorDashboard"]
            : localizer["Reset your MentorDashboard password"];
        var lines = new[]
        {
            localizer["Hello {0},", name].Value,
            "",
            confirm
                ? localizer["Please confirm your e-mail address by opening this link:"]
                : localizer["Someone asked to reset the password of your account. To choose a new one, open:"],
            link,
            "",
            confirm
                ? localizer["The link works for one day. You can ask for a new one on the sign-in page."]
                : localizer["The link works for one day and only once. If you did not ask, ignore this e-mail: "
                    + "your password stays as it is."],
        };
        message.Body = new TextPart("plain") { Text = string.Join(Environment.NewLine, lines) };
        return message;
    }
}
