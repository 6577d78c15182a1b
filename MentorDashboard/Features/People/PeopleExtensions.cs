using Microsoft.Extensions.Options;

namespace MentorDashboard.Features.People;

public static class PeopleExtensions
{
    /// <summary>
    /// Invitations and the people page. The <c>Invitations</c> section is validated on start; e-mail goes through
    /// the reminders' <c>Smtp</c> settings.
    /// </summary>
    public static IServiceCollection AddPeople(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InvitationOptions>()
            .Bind(configuration.GetSection(InvitationOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<InvitationOptions>, InvitationOptionsValidator>();
        services.AddSingleton<InvitationEmails>();
        services.AddSingleton<InvitationService>();
        services.AddSingleton<PeopleService>();
        return services;
    }
}
