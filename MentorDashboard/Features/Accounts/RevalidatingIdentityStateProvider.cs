using System.Security.Claims;
using MentorDashboard.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MentorDashboard.Features.Accounts;

/// <summary>
/// Re-checks an open circuit's user against the database every <see cref="AccountOptions.RevalidationInterval"/>
/// (30 seconds by default; the template's 30 minutes is too slow for safeguarding), so a disabled person, a changed
/// password or a removed role ends the session without waiting for the cookie to expire. A circuit also ends once
/// its session is older than <see cref="AccountOptions.AbsoluteLifetime"/>, as the cookie would.
/// </summary>
internal sealed class RevalidatingIdentityStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopeFactory,
    IOptions<IdentityOptions> options,
    IOptions<AccountOptions> accountOptions,
    TimeProvider time)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => accountOptions.Value.RevalidationInterval;

    protected override Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        IsStillValidAsync(authenticationState.User, cancellationToken);

    /// <summary>False once the circuit's session has to end.</summary>
    internal async Task<bool> IsStillValidAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        // A session without its sign-in time predates the claim; it signs in again rather than live on unchecked.
        var signedInAt = SessionClaims.SignedInAtOf(user);
        var lifetime = accountOptions.Value.AbsoluteLifetime;
        if (signedInAt is not { } at || SessionClaims.IsPastLifetime(at, lifetime, time))
        {
            return false;
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Person>>();
        var person = await users.GetUserAsync(user);
        if (person is null || person.DisabledAtUtc is not null)
        {
            return false;
        }

        var stampClaim = options.Value.ClaimsIdentity.SecurityStampClaimType;
        var stampInCookie = user.FindFirstValue(stampClaim);
        return stampInCookie == await users.GetSecurityStampAsync(person);
    }
}
