using Microsoft.AspNetCore.Components.Server.Circuits;

namespace MentorDashboard.Features.Live;

public static class LiveExtensions
{
    /// <summary>How often a live view may refresh at most; bursts in between are coalesced.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(200);

    public static IServiceCollection AddLiveUpdates(this IServiceCollection services)
    {
        services.AddSingleton<IProgrammeEvents, InProcessProgrammeEvents>();
        services.AddSingleton<LiveAccess>();
        services.AddScoped<CircuitConnection>();
        services.AddScoped<CircuitHandler, CircuitConnectionHandler>();
        return services;
    }
}
