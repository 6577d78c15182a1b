using Microsoft.Extensions.Options;

namespace MentorDashboard.Features.Reminders;

public static class RemindersExtensions
{
    /// <summary>
    /// In-app and e-mail reminders. The <c>Reminders</c> and <c>Smtp</c> sections are validated on start: a wrong
    /// setting stops the app with a message that names the key.
    /// </summary>
    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReminderOptions>()
            .Bind(configuration.GetSection(ReminderOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReminderOptions>, ReminderOptionsValidator>();
        services.AddOptions<SmtpOptions>()
            .Bind(configuration.GetSection(SmtpOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidator>();

        services.AddSingleton<ReminderService>();
        services.AddSingleton<SmtpSender>();
        services.AddSingleton<ReminderEmails>();
        services.AddSingleton<ReminderCheck>();
        services.AddHostedService<ReminderBackgroundService>();
        return services;
    }
}
