using MentorDashboard.Features.Accounts;

namespace MentorDashboard.Features.Framework;

public static class FrameworkExtensions
{
    public const string ExportPath = "/api/framework/export";

    public static IServiceCollection AddFramework(this IServiceCollection services) =>
        services
            .AddSingleton<FrameworkService>()
            .AddSingleton<FrameworkEditingService>()
            .AddSingleton<FrameworkVersionService>()
            .AddSingleton<FrameworkTransferService>()
            .AddSingleton<AdaptationService>();

    /// <summary>The network admin's export of their network's working copy, as a file download.</summary>
    public static IEndpointRouteBuilder MapFrameworkApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ExportPath, async Task<IResult> (HttpContext context, ProgrammeAccess access,
                FrameworkTransferService transfer, CancellationToken cancellationToken) =>
            {
                if (await access.AdminNetworkIdAsync(context.User, cancellationToken) is not { } networkId)
                {
                    return TypedResults.Forbid();
                }

                var json = await transfer.ExportAsync(networkId, cancellationToken);
                return TypedResults.File(
                    System.Text.Encoding.UTF8.GetBytes(json), "application/json", "framework.json");
            })
            .RequireAuthorization(ProgrammePolicies.NetworkAdmin);
        return endpoints;
    }
}
