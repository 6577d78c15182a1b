using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using ComponentRouteData = Microsoft.AspNetCore.Components.RouteData;

namespace MentorDashboard.Features.Accounts;

/// <summary>
/// The policies every programme page and endpoint goes through. The programme comes from the route value
/// <c>programmeId</c>, whether the check runs for an HTTP request or for Blazor's interactive router.
/// </summary>
public static class ProgrammePolicies
{
    public const string Member = "ProgrammeMember";

    public const string Coordinator = "ProgrammeCoordinator";

    /// <summary>A network admin, for the network's own pages (the framework editor).</summary>
    public const string NetworkAdmin = "NetworkAdmin";

    /// <summary>
    /// Who may adapt the programme in the route. There is no programme-admin role yet, so today it is the network
    /// admin of the programme's network.
    /// </summary>
    public const string ProgrammeAdmin = "ProgrammeAdmin";

    public const string RouteKey = "programmeId";

    internal static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Member, policy => policy
            .RequireAuthenticatedUser()
            .AddRequirements(new ProgrammeRoleRequirement(coordinatorOnly: false)));
        options.AddPolicy(Coordinator, policy => policy
            .RequireAuthenticatedUser()
            .AddRequirements(new ProgrammeRoleRequirement(coordinatorOnly: true)));
        options.AddPolicy(NetworkAdmin, policy => policy
            .RequireAuthenticatedUser()
            .AddRequirements(new NetworkAdminRequirement(ofRouteProgramme: false)));
        options.AddPolicy(ProgrammeAdmin, policy => policy
            .RequireAuthenticatedUser()
            .AddRequirements(new NetworkAdminRequirement(ofRouteProgramme: true)));
    }

    internal static int? ProgrammeIdOf(object? resource)
    {
        var value = resource switch
        {
            HttpContext http => http.GetRouteValue(RouteKey),
            ComponentRouteData route => route.RouteValues
                .FirstOrDefault(pair => string.Equals(pair.Key, RouteKey, StringComparison.OrdinalIgnoreCase))
                .Value,
            _ => null,
        };
        return value switch
        {
            int id => id,
            string text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) => id,
            _ => null,
        };
    }
}

internal sealed class ProgrammeRoleRequirement(bool coordinatorOnly) : IAuthorizationRequirement
{
    public bool CoordinatorOnly { get; } = coordinatorOnly;
}

internal sealed class ProgrammeRoleHandler(ProgrammeAccess access) : AuthorizationHandler<ProgrammeRoleRequirement>
{
    protected override async Task HandleRequirementAsync(
        AuthorizationHandlerContext context, ProgrammeRoleRequirement requirement)
    {
        if (ProgrammePolicies.ProgrammeIdOf(context.Resource) is not { } programmeId)
        {
            return;
        }

        var rights = await access.GetAsync(context.User, programmeId);
        if (requirement.CoordinatorOnly ? rights.CanCoordinate : rights.IsMember)
        {
            context.Succeed(requirement);
        }
    }
}

internal sealed class NetworkAdminRequirement(bool ofRouteProgramme) : IAuthorizationRequirement
{
    /// <summary>True: admin of the network of the programme in the route; false: admin of any network.</summary>
    public bool OfRouteProgramme { get; } = ofRouteProgramme;
}

internal sealed class NetworkAdminHandler(ProgrammeAccess access) : AuthorizationHandler<NetworkAdminRequirement>
{
    protected override async Task HandleRequirementAsync(
        AuthorizationHandlerContext context, NetworkAdminRequirement requirement)
    {
        var allowed = requirement.OfRouteProgramme
            ? ProgrammePolicies.ProgrammeIdOf(context.Resource) is { } programmeId
                && (await access.GetAsync(context.User, programmeId)).IsNetworkAdmin
            : await access.AdminNetworkIdAsync(context.User) is not null;
        if (allowed)
        {
            context.Succeed(requirement);
        }
    }
}
