using MentorDashboard.Features.Reminders;
using MentorDashboard.Tests.Support;
using Microsoft.Extensions.Options;

namespace MentorDashboard.Tests.Features.Reminders;

/// <summary>Wrong reminder or SMTP settings stop the app at start with a message that names the key.</summary>
public sealed class ReminderOptionsTests
{
    public static TheoryData<string, string, string> WrongSettings => new()
    {
        { "Smtp:FromAddress", "not an address", "Smtp:FromAddress must be an e-mail address" },
        { "Smtp:Port", "70000", "Smtp:Port must be between 1 and 65535" },
        { "Smtp:UserName", "relay-user", "Smtp:Password must be set when Smtp:UserName is" },
        { "Smtp:TimeoutSeconds", "0", "Smtp:TimeoutSeconds must be between 1 and 300" },
        { "Reminders:CheckInterval", "02:00:00", "Reminders:CheckInterval must be between 00:01:00 and 01:00:00" },
        { "Reminders:DaysWithoutPost", "0", "Reminders:DaysWithoutPost must be between 1 and 365" },
        { "Reminders:DaysBetweenEmails", "400", "Reminders:DaysBetweenEmails must be between 1 and 365" },
        { "Reminders:AppBaseUrl", "mentors.test", "Reminders:AppBaseUrl must be an absolute http or https" },
    };

    [Theory]
    [MemberData(nameof(WrongSettings))]
    public async Task Wrong_setting_stops_the_app_at_start_naming_its_key(string key, string value, string message)
    {
        await using var app = await AppFactory.CreateAsync();
        using var configured = app.WithWebHostBuilder(host => host
            .UseSetting("Smtp:Host", "127.0.0.1")
            .UseSetting("Smtp:FromAddress", "reminders@mentors.test")
            .UseSetting(key, value));

        var failure = Record.Exception(() => configured.CreateClient());

        var validation = Assert.IsType<OptionsValidationException>(failure, exactMatch: false);
        Assert.Contains(message, validation.Message);
    }

    [Fact]
    public void Smtp_settings_are_not_checked_while_no_host_is_set()
    {
        var result = new SmtpOptionsValidator().Validate(null, new SmtpOptions { FromAddress = "", Port = 0 });

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Shipped_defaults_are_valid_and_leave_email_off()
    {
        var smtp = new SmtpOptions();

        Assert.True(new SmtpOptionsValidator().Validate(null, smtp).Succeeded);
        Assert.True(new ReminderOptionsValidator().Validate(null, new ReminderOptions()).Succeeded);
        Assert.False(smtp.IsEnabled);
    }
}
