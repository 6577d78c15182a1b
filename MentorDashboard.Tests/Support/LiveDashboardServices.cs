using System.Security.Claims;
using Bunit;
using MentorDashboard.Data;
using MentorDashboard.Features.Live;

namespace MentorDashboard.Tests.Support;

/// <summary>What a rendered <c>LiveDashboard</c> and its cards need, for component tests.</summary>
public static class LiveDashboardServices
{
    /// <summary>
    /// Registers the test's feature services and clock, and signs the viewer in (a coordinator, usually).
    /// Call it before the first render.
    /// </summary>
    public static void AddLiveDashboard(
        this BunitContext context, FeatureServices features, TimeProvider time, Person viewer)
    {
        context.Services.AddSingleton(time);
        context.Services.AddSingleton(features.Dashboard);
        context.Services.AddSingleton(features.Health);
        context.Services.AddSingleton<IProgrammeEvents>(features.Events);
        context.Services.AddSingleton<LiveAccess>();
        context.Services.AddSingleton(features.Access);
        context.Services.AddSingleton<CircuitConnection>();
        var authorization = context.AddAuthorization();
        authorization.SetAuthorized(viewer.UserName ?? viewer.DisplayName);
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, viewer.Id));
    }
}
