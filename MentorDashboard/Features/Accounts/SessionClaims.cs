using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MentorDashboard.Features.Accounts;

/// <summary>
/// The sign-in time a session carries as a claim. The cookie's own IssuedUtc cannot serve for the absolute
/// lifetime: sliding expiration re-issues the cookie, and with it IssuedUtc, whenever half the idle time has passed.
/// </summary>
public static class SessionClaims
{
    public const string SignedInAt = "md:signed_in_at";

    public static Claim SignedInAtClaim(DateTimeOffset at) =>
        new(SignedInAt, at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));

    /// <summary>When the person signed in to this session, or null for a session without the claim.</summary>
    public static DateTimeOffset? SignedInAtOf(ClaimsPrincipal? user) =>
        user?.FindFirstValue(SignedInAt) is { } text
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : null;

    /// <summary>True when the session began more than the absolute lifetime ago.</summary>
    public static bool IsPastLifetime(DateTimeOffset signedInAt, TimeSpan lifetime, TimeProvider time) =>
        time.GetUtcNow() - signedInAt >= lifetime;

    /// <summary>
    /// Ends a cookie past its absolute lifetime, then lets Identity's security stamp check run. A cookie from
    /// before the claim existed falls back to its issue time.
    /// </summary>
    internal static async Task ValidateAsync(
        CookieValidatePrincipalContext context, Func<CookieValidatePrincipalContext, Task> stampCheck)
    {
        var services = context.HttpContext.RequestServices;
        var lifetime = services.GetRequiredService<IOptions<AccountOptions>>().Value.AbsoluteLifetime;
        var signedInAt = SignedInAtOf(context.Principal) ?? context.Properties.IssuedUtc;
        if (signedInAt is { } at && IsPastLifetime(at, lifetime, services.GetRequiredService<TimeProvider>()))
        {
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SessionClaims).FullName!);
            AccountsLog.SessionExpired(logger);
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
            return;
        }

        await stampCheck(context);
    }

    /// <summary>
    /// Identity rebuilds the principal from the database when it re-checks the security stamp; the rebuilt one
    /// keeps the session's sign-in time, or the absolute lifetime would start again.
    /// </summary>
    internal static Task KeepSignInTime(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.FindFirst(SignedInAt) is { } claim
            && context.NewPrincipal?.Identity is ClaimsIdentity identity)
        {
            if (identity.FindFirst(SignedInAt) is { } fresh)
            {
                identity.RemoveClaim(fresh);
            }

            identity.AddClaim(new Claim(SignedInAt, claim.Value));
        }

        return Task.CompletedTask;
    }
}
