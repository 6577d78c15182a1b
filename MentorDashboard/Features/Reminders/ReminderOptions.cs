using Microsoft.Extensions.Options;

namespace MentorDashboard.Features.Reminders;

/// <summary>When mentors are reminded, bound to the <c>Reminders</c> section.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>A mentor is reminded when an active match has had no post for this many days.</summary>
    public int DaysWithoutPost { get; set; } = 14;

    /// <summary>At most one e-mail of each kind per person in this many days.</summary>
    public int DaysBetweenEmails { get; set; } = 7;

    /// <summary>How often the background service looks for reminders to send; at most an hour.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The app's public address, for links in e-mails; without it e-mails carry no link.</summary>
    public string? AppBaseUrl { get; set; }
}

internal sealed class ReminderOptionsValidator : IValidateOptions<ReminderOptions>
{
    public static readonly TimeSpan ShortestInterval = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan LongestInterval = TimeSpan.FromHours(1);

    public ValidateOptionsResult Validate(string? name, ReminderOptions options)
    {
        var errors = new List<string>();
        if (options.DaysWithoutPost is < 1 or > 365)
        {
            errors.Add($"{ReminderOptions.Section}:DaysWithoutPost must be between 1 and 365 days.");
        }

        if (options.DaysBetweenEmails is < 1 or > 365)
        {
            errors.Add($"{ReminderOptions.Section}:DaysBetweenEmails must be between 1 and 365 days.");
        }

        if (options.CheckInterval < ShortestInterval || options.CheckInterval > LongestInterval)
        {
            errors.Add($"{ReminderOptions.Section}:CheckInterval must be between 00:01:00 and 01:00:00: "
                + "reminders are checked at least hourly.");
        }

        if (!string.IsNullOrEmpty(options.AppBaseUrl)
            && (!Uri.TryCreate(options.AppBaseUrl, UriKind.Absolute, out var uri)
                || uri.Scheme is not ("https" or "http")))
        {
            errors.Add($"{ReminderOptions.Section}:AppBaseUrl must be an absolute http or https address.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
