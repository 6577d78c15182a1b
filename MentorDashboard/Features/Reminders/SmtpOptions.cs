using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace MentorDashboard.Features.Reminders;

/// <summary>How the app's SMTP server is reached, bound to the <c>Smtp</c> section. No host: e-mail is off.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string Host { get; set; } = "";

    public int Port { get; set; } = 587;

    /// <summary>Auto uses TLS on port 465 and STARTTLS where the server offers it.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    /// <summary>Leave empty for a server that takes mail without signing in (a local relay).</summary>
    public string UserName { get; set; } = "";

    public string Password { get; set; } = "";

    public string FromAddress { get; set; } = "";

    public string FromName { get; set; } = "MentorDashboard";

    public int TimeoutSeconds { get; set; } = 30;

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Host);
}

internal sealed class SmtpOptionsValidator : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        if (!options.IsEnabled)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        if (options.Port is < 1 or > 65535)
        {
            errors.Add($"{SmtpOptions.Section}:Port must be between 1 and 65535.");
        }

        if (!MailboxAddress.TryParse(options.FromAddress, out var from) || !from.Address.Contains('@'))
        {
            errors.Add($"{SmtpOptions.Section}:FromAddress must be an e-mail address when "
                + $"{SmtpOptions.Section}:Host is set.");
        }

        if (options.UserName.Length > 0 && options.Password.Length == 0)
        {
            errors.Add($"{SmtpOptions.Section}:Password must be set when {SmtpOptions.Section}:UserName is.");
        }

        if (options.TimeoutSeconds is < 1 or > 300)
        {
            errors.Add($"{SmtpOptions.Section}:TimeoutSeconds must be between 1 and 300.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
