namespace MentorDashboard.Features.SupportContacts;

public static class SupportContactsExtensions
{
    public static IServiceCollection AddSupportContacts(this IServiceCollection services) =>
        services.AddSingleton<SupportContactService>();
}
