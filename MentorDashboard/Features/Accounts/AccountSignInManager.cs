using System.Security.Claims;
using MentorDashboard.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MentorDashboard.Features.Accounts;

/// <summary>
/// Identity's sign-in with two rules of ours: a disabled person cannot sign in, and every session carries the time
/// its person signed in (<see cref="SessionClaims"/>), so that <see cref="AccountOptions.AbsoluteLifetime"/> can
/// end it however busy it is.
/// </summary>
public sealed class AccountSignInManager(
    UserManager<Person> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<Person> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<Person>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<Person> confirmation,
    TimeProvider time)
    : SignInManager<Person>(
        userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// <summary>False for a disabled person; Identity then answers <see cref="SignInResult.NotAllowed"/>.</summary>
    public override async Task<bool> CanSignInAsync(Person user) =>
        user.DisabledAtUtc is null && await base.CanSignInAsync(user);

    public override Task SignInWithClaimsAsync(
        Person user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var claims = additionalClaims.ToList();
        if (!claims.Exists(c => c.Type == SessionClaims.SignedInAt))
        {
            // Refreshing the cookie of the same person (after turning two-factor sign-in on) keeps the session's
            // sign-in time; a new sign-in starts a new one.
            var sameSession = ProgrammeAccess.PersonId(Context.User) == user.Id
                ? SessionClaims.SignedInAtOf(Context.User)
                : null;
            claims.Add(SessionClaims.SignedInAtClaim(sameSession ?? time.GetUtcNow()));
        }

        return base.SignInWithClaimsAsync(user, authenticationProperties, claims);
    }
}
