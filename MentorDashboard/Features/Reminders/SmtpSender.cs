using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace MentorDashboard.Features.Reminders;

/// <summary>Sends e-mail through the configured SMTP server, several messages over one connection.</summary>
public sealed class SmtpSender(IOptions<SmtpOptions> options)
{
    public bool IsEnabled => options.Value.IsEnabled;

    public MailboxAddress From => new(options.Value.FromName, options.Value.FromAddress);

    /// <summary>
    /// Connects (and signs in, when a user name is set). Throws when the server cannot be reached or refuses the
    /// sign-in; the caller decides when to try again.
    /// </summary>
    public async Task<SmtpSession> ConnectAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(settings.TimeoutSeconds).TotalMilliseconds };
        try
        {
            await client.ConnectAsync(settings.Host, settings.Port, settings.Security, cancellationToken);
            if (settings.UserName.Length > 0)
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password, cancellationToken);
            }

            return new SmtpSession(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }
}

/// <summary>One open connection to the SMTP server; disposing it says goodbye and closes it.</summary>
public sealed class SmtpSession : IAsyncDisposable
{
    private readonly SmtpClient _client;

    internal SmtpSession(SmtpClient client) => _client = client;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken) =>
        await _client.SendAsync(message, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync(quit: true, CancellationToken.None);
            }
        }
        catch (Exception exception) when (exception is IOException or MailKit.ProtocolException)
        {
            // The messages were handed over already; a connection dropped while saying goodbye loses nothing.
        }
        finally
        {
            _client.Dispose();
        }
    }
}
