using System.Security.Claims;
using MentorDashboard.Data;
using MentorDashboard.Features.Audit;
using MentorDashboard.Features.People;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace MentorDashboard.Features.Accounts.External;

/// <summary>How a return from a network's provider ended; every value but the first refuses the sign-in.</summary>
public enum ExternalSignInOutcome
{
    SignedIn,
    NoInvitation,
    EmailNotVerified,
    Disabled,
    LockedOut,
    TwoFactorRequired,
    ProviderError,
    Failed,
}

/// <summary>
/// Finishes a sign-in at a network's provider: a login linked before signs in; otherwise the provider's verified
/// e-mail finds a person of the network, or a pending invitation to one of its programmes, and the login is linked
/// to them. Anyone else is refused and nothing is stored.
/// </summary>
/// <remarks>
/// Creating a person, their membership, their login and accepting the invitation must happen in one transaction,
/// and Identity's user store writes through the request's scoped <see cref="AppDbContext"/>; so this service uses
/// that context rather than one from the factory.
/// </remarks>
public sealed class ExternalSignInService(
    SignInManager<Person> signIn,
    AppDbContext db,
    IOptions<ExternalSignInOptions> options,
    AuditLog audit,
    TimeProvider time,
    ILogger<ExternalSignInService> logger)
{
    private UserManager<Person> Users => signIn.UserManager;

    public async Task<ExternalSignInOutcome> CompleteAsync(CancellationToken cancellationToken)
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null || options.Value.Find(info.LoginProvider) is not { } provider)
        {
            ExternalSignInLog.NoExternalLogin(logger);
            return ExternalSignInOutcome.Failed;
        }

        var (person, outcome) = await FindOrLinkAsync(info, provider.NetworkId, cancellationToken);
        if (person is not null && outcome == ExternalSignInOutcome.SignedIn)
        {
            outcome = await SignInAsync(person, info);
        }

        if (outcome != ExternalSignInOutcome.SignedIn)
        {
            // The provider's answer is kept in a short-lived cookie; a refused one must not linger, nor a
            // half-finished two-factor sign-in. A person who uses two-factor sign-in keeps theirs: the second-factor
            // page finishes it.
            await signIn.Context.SignOutAsync(IdentityConstants.ExternalScheme);
            if (outcome != ExternalSignInOutcome.TwoFactorRequired)
            {
                await signIn.Context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
                ExternalSignInLog.Refused(logger, info.LoginProvider, outcome);
            }
        }

        await audit.WriteAsync(
            outcome == ExternalSignInOutcome.SignedIn ? AuditKind.SignedIn : AuditKind.SignInFailed,
            person?.Id,
            detail: AuditDetail(info.LoginProvider, outcome),
            cancellationToken: cancellationToken);
        return outcome;
    }

    /// <summary>
    /// The provider answered with an error, or its token failed validation (another audience, expired, a bad
    /// signature): the person sees a page that says so, never a stack trace.
    /// </summary>
    public static async Task RefuseRemoteFailureAsync(RemoteFailureContext context)
    {
        var scheme = context.Scheme.Name;
        var failure = FailureKind(context.Failure);
        var services = context.HttpContext.RequestServices;
        ExternalSignInLog.ProviderFailed(
            services.GetRequiredService<ILogger<ExternalSignInService>>(), scheme, failure,
            context.Failure?.GetType().Name);
        await services.GetRequiredService<AuditLog>().WriteAsync(
            AuditKind.SignInFailed, actorId: null, detail: $"oidc:{scheme}:{failure}",
            cancellationToken: context.HttpContext.RequestAborted);
        context.Response.Redirect(ExternalSignInExtensions.RefusedUrl(ExternalSignInOutcome.ProviderError));
        context.HandleResponse();
    }

    private static string AuditDetail(string scheme, ExternalSignInOutcome outcome) =>
        outcome == ExternalSignInOutcome.SignedIn ? $"oidc:{scheme}" : $"oidc:{scheme}:{outcome}";

    private static string FailureKind(Exception? failure) => failure switch
    {
        SecurityTokenInvalidAudienceException => "audience",
        SecurityTokenExpiredException or SecurityTokenInvalidLifetimeException
            or SecurityTokenNotYetValidException => "lifetime",
        SecurityTokenException => "token",
        _ => "provider",
    };

    /// <summary>The person the login belongs to, linked now if need be; SignedIn means they may go on.</summary>
    private async Task<(Person? Person, ExternalSignInOutcome Outcome)> FindOrLinkAsync(
        ExternalLoginInfo info, int networkId, CancellationToken cancellationToken)
    {
        if (await Users.FindByLoginAsync(info.LoginProvider, info.ProviderKey) is { } linked)
        {
            return (linked, ExternalSignInOutcome.SignedIn);
        }

        var email = ClaimOf(info, ClaimTypes.Email, "email");
        var verified = string.Equals(
            ClaimOf(info, ExternalSignInExtensions.EmailVerifiedClaim), "true", StringComparison.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(email) || !verified)
        {
            return (null, ExternalSignInOutcome.EmailNotVerified);
        }

        var existing = await Users.FindByEmailAsync(email);
        if (existing is { DisabledAtUtc: not null })
        {
            return (existing, ExternalSignInOutcome.Disabled);
        }

        if (existing is not null && await IsOfNetworkAsync(existing.Id, networkId, cancellationToken))
        {
            var added = await Users.AddLoginAsync(existing, info);
            return (existing, added.Succeeded ? ExternalSignInOutcome.SignedIn : ExternalSignInOutcome.Failed);
        }

        var accepted = await AcceptInvitationAsync(info, email, existing, networkId, cancellationToken);
        return (accepted, accepted is null ? ExternalSignInOutcome.NoInvitation : ExternalSignInOutcome.SignedIn);
    }

    private async Task<ExternalSignInOutcome> SignInAsync(Person person, ExternalLoginInfo info)
    {
        if (person.DisabledAtUtc is not null)
        {
            return ExternalSignInOutcome.Disabled;
        }

        // Lockout and e-mail confirmation apply as for a password; a person who turned on two-factor sign-in
        // is asked for their second factor too.
        var result = await signIn.ExternalLoginSignInAsync(
            info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: false);
        if (result.Succeeded)
        {
            ExternalSignInLog.SignedIn(logger, info.LoginProvider);
            return ExternalSignInOutcome.SignedIn;
        }

        return result.IsLockedOut ? ExternalSignInOutcome.LockedOut
            : result.RequiresTwoFactor ? ExternalSignInOutcome.TwoFactorRequired
            : ExternalSignInOutcome.Failed;
    }

    /// <summary>A network admin or researcher, or a member of one of the network's programmes.</summary>
    private async Task<bool> IsOfNetworkAsync(string personId, int networkId, CancellationToken cancellationToken) =>
        await db.Users.AnyAsync(
            p => p.Id == personId && (p.AdminOfNetworkId == networkId || p.ResearcherOfNetworkId == networkId),
            cancellationToken)
        || await db.Memberships.AnyAsync(
            m => m.PersonId == personId && m.Programme.NetworkId == networkId, cancellationToken);

    /// <summary>
    /// Accepts the newest pending invitation of the address to a programme of the network: creates the person
    /// (unless they have an account from elsewhere), adds the membership, links the login, all or nothing.
    /// </summary>
    private async Task<Person?> AcceptInvitationAsync(
        ExternalLoginInfo info, string email, Person? existing, int networkId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var normalizedEmail = Users.NormalizeEmail(email);
        var invitation = await db.Set<Invitation>()
            .Where(i => i.NormalizedEmail == normalizedEmail && i.AcceptedAtUtc == null && i.RevokedAtUtc == null
                && i.ExpiresAtUtc > now && db.Programmes.Any(p => p.Id == i.ProgrammeId && p.NetworkId == networkId))
            .OrderByDescending(i => i.CreatedAtUtc)
            .FirstOrDefaultAsync(cancellationToken);
        if (invitation is null)
        {
            return null;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var person = existing ?? NewPerson(info, email);
        if (existing is null && !await SucceedsAsync(Users.CreateAsync(person), info.LoginProvider))
        {
            return null;
        }

        // Only one sign-in may accept the invitation, even when two arrive at once.
        var claimed = await db.Set<Invitation>()
            .Where(i => i.Id == invitation.Id && i.AcceptedAtUtc == null && i.RevokedAtUtc == null)
            .ExecuteUpdateAsync(
                s => s.SetProperty(i => i.AcceptedAtUtc, now).SetProperty(i => i.AcceptedById, person.Id),
                cancellationToken);
        if (claimed == 0)
        {
            return null;
        }

        if (!await db.Memberships.AnyAsync(
            m => m.PersonId == person.Id && m.ProgrammeId == invitation.ProgrammeId && m.Role == invitation.Role,
            cancellationToken))
        {
            db.Memberships.Add(new Membership
            {
                PersonId = person.Id,
                ProgrammeId = invitation.ProgrammeId,
                Role = invitation.Role,
            });
            await db.SaveChangesAsync(cancellationToken);
        }

        if (!await SucceedsAsync(Users.AddLoginAsync(person, info), info.LoginProvider))
        {
            return null;
        }

        await transaction.CommitAsync(cancellationToken);
        ExternalSignInLog.InvitationAccepted(logger, info.LoginProvider, invitation.ProgrammeId);
        await audit.WriteAsync(
            AuditKind.InvitationAccepted, person.Id, invitation.ProgrammeId,
            subjectId: invitation.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            detail: $"oidc:{info.LoginProvider}", cancellationToken: cancellationToken);

        // As when an invitation is accepted through its link: the role is a role change like any other.
        await audit.WriteAsync(
            AuditKind.RoleGranted, person.Id, invitation.ProgrammeId, person.Id, invitation.Role.ToString(),
            cancellationToken);
        return person;
    }

    // Claims from the token arrive under .NET's long names, those from the userinfo answer under the short ones.
    private static string? ClaimOf(ExternalLoginInfo info, params string[] types) =>
        types.Select(info.Principal.FindFirstValue).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    private async Task<bool> SucceedsAsync(Task<IdentityResult> operation, string scheme)
    {
        var result = await operation;
        if (!result.Succeeded)
        {
            ExternalSignInLog.IdentityRefused(logger, scheme, string.Join(",", result.Errors.Select(e => e.Code)));
        }

        return result.Succeeded;
    }

    // The provider's name for the person, or the start of their address when it gives none; they can change it.
    private static Person NewPerson(ExternalLoginInfo info, string email) => new()
    {
        DisplayName = ClaimOf(info, ClaimTypes.Name, "name") is { Length: > 0 } name
            ? name
            : email.Split('@')[0],
        Email = email,
        UserName = email,
        EmailConfirmed = true,
    };
}
