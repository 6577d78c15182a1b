using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using ComponentRouteData = Microsoft.AspNetCore.Components.RouteData;

namespace MentorDashboard.Features.Accounts;

/// <summary>
/// The policies every programme page, endpoint and live subscription goes through. The programme comes from the
/// route value <c>programmeId</c>, whether the check runs for an HTTP request or for Blazor's interactive router;
/// a live subscription names it (<see cref="Allows"/>).
/// </summary>
/// <remarks>
/// A researcher of the network (<c>Person.ResearcherOfNetworkId</c>) passes none of these: every programme page and
/// API today names people (the newsroom's posts, the dashboard's matches that need attention, support contacts).
/// </remarks>
public static class ProgrammePolicies
{
    /// <summary>Mentees, mentors and coordinators of the programme, and the admin of its network.</summary>
    public const string Member = "ProgrammeMember";

    /// <summary>Coordinators of the programme and the admin of its network.</summary>
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
        foreach (var programmePolicy in new[] { Member, Coordinator, ProgrammeAdmin })
        {
            options.AddPolicy(programmePolicy, policy => policy
                .RequireAuthenticatedUser()
                .AddRequirements(new ProgrammeRoleRequirement(programmePolicy)));
        }

        options.AddPolicy(NetworkAdmin, policy => policy
            .RequireAuthenticatedUser()
            .AddRequirements(new NetworkAdminRequirement()));
    }

    /// <summary>
    /// Whether a person with these rights passes one of the programme policies (<see cref="Member"/>,
    /// <see cref="Coordinator"/>, <see cref="ProgrammeAdmin"/>): the one meaning of each, for pages, APIs and live
    /// subscriptions alike.
    /// </summary>
    public static bool Allows(string policy, ProgrammeAccessRights rights) => policy switch
    {
        Member => rights.IsMember,
        Coordinator => rights.CanCoordinate,
        ProgrammeAdmin => rights.CanAdapt,
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Not a programme policy."),
    };

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

internal sealed class ProgrammeRoleRequirement(string policy) : IAuthorizationRequirement
{
    public string Policy { get; } = policy;
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
        if (ProgrammePolicies.Allows(requirement.Policy, rights))
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>Admin of some network; the page or endpoint then works on that network only.</summary>
internal sealed class NetworkAdminRequirement : IAuthorizationRequirement;

internal sealed class NetworkAdminHandler(ProgrammeAccess access) : AuthorizationHandler<NetworkAdminRequirement>
{
    protected override async Task HandleRequirementAsync(
        AuthorizationHandlerContext context, NetworkAdminRequirement requirement)
    {
        if (await access.AdminNetworkIdAsync(context.User) is not null)
        {
            context.Succeed(requirement);
        }
    }
}
