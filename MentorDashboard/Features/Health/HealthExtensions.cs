namespace MentorDashboard.Features.Health;

public static class HealthExtensions
{
    /// <summary>The health rules, their evaluation, and the monitor that re-evaluates them as time passes.</summary>
    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddSingleton<HealthRuleService>();
        services.AddSingleton<HealthService>();
        services.AddSingleton<HealthMonitor>();
        services.AddHostedService(provider => provider.GetRequiredService<HealthMonitor>());
        return services;
    }
}
