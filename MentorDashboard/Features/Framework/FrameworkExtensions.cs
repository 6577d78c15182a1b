namespace MentorDashboard.Features.Framework;

public static class FrameworkExtensions
{
    public static IServiceCollection AddFramework(this IServiceCollection services) =>
        services
            .AddSingleton<FrameworkService>()
            .AddSingleton<FrameworkEditingService>()
            .AddSingleton<FrameworkVersionService>()
            .AddSingleton<FrameworkTransferService>()
            .AddSingleton<AdaptationService>();
}
