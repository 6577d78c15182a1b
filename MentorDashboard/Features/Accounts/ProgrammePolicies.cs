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

    public const string RouteKey = "programmeId";

    internal static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Member, policy => policy
            .RequireAuthenticatedUser()
            .AddRequirements(new ProgrammeRoleRequirement(coordinatorOnly: false)));
        options.AddPolicy(Coordinator, policy => policy
            .RequireAuthenticatedUser()
            .AddRequirements(new ProgrammeRoleRequirement(coordinatorOnly: true)));
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
