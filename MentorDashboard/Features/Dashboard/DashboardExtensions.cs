using MentorDashboard.Features.Accounts;

namespace MentorDashboard.Features.Dashboard;

public static class DashboardExtensions
{
    public static IServiceCollection AddDashboard(this IServiceCollection services) =>
        services.AddSingleton<DashboardService>().AddSingleton<DashboardCards>();

    /// <summary>The dashboard's data as JSON, for coordinators of the programme; the same policy as the page.</summary>
    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/programmes/{programmeId:int}/dashboard", async (int programmeId,
                DashboardService dashboard, CancellationToken cancellationToken) =>
                TypedResults.Ok(await dashboard.LoadAsync(programmeId, cancellationToken)))
            .RequireAuthorization(ProgrammePolicies.Coordinator);
        return endpoints;
    }
}
