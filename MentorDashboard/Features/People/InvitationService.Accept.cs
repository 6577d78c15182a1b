using System.Globalization;
using System.Security.Claims;
using MentorDashboard.Data;
using MentorDashboard.Features.Accounts;
using MentorDashboard.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Features.People;

/// <summary>
/// Accepting an invitation. Each acceptance claims the invitation with one conditional update inside the same
/// transaction that adds the membership (and the account), so of two tabs or two clicks only one gets through,
/// and a refused acceptance leaves nothing behind.
/// </summary>
public sealed partial class InvitationService
{
    public const int MaxDisplayNameLength = 200;

    private const string HasAccountMessage =
        "This address already has an account: sign in to accept the invitation.";

    /// <summary>What the link's token stands for now. Unknown for anything that is not a live token's hash.</summary>
    public async Task<InvitationLookup> FindAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (!InvitationTokens.LooksLikeToken(token))
        {
            return InvitationLookup.Unknown;
        }

        var hash = InvitationTokens.HashOf(token!);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await db.Set<Invitation>()
            .Where(i => i.TokenHash == hash)
            .Select(i => new
            {
                Invitation = i,
                ProgrammeName = db.Programmes.Where(p => p.Id == i.ProgrammeId).Select(p => p.Name).FirstOrDefault(),
                HasAccount = db.Users.Any(p => p.NormalizedEmail == i.NormalizedEmail
                    && (p.PasswordHash != null || db.UserLogins.Any(l => l.UserId == p.Id))),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return InvitationLookup.Unknown;
        }

        var i = found.Invitation;
        var state = i switch
        {
            { AcceptedAtUtc: not null } => InvitationState.Accepted,
            { RevokedAtUtc: not null } => InvitationState.Revoked,
            _ when i.ExpiresAtUtc <= Now => InvitationState.Expired,
            _ => InvitationState.Valid,
        };
        return state != InvitationState.Valid
            ? new InvitationLookup(state)
            : new InvitationLookup(
                state,
                i.Id,
                i.ProgrammeId,
                found.ProgrammeName ?? "",
                i.Email,
                i.Role,
                i.ExpiresAtUtc,
                found.HasAccount);
    }

    /// <summary>
    /// Creates the account of an invited address that has none (its e-mail confirmed: the link proved it), or
    /// completes an imported participant's, with the invitation's membership. Identity's password and user rules
    /// apply; anything refused changes nothing.
    /// </summary>
    public async Task<AcceptResult> AcceptAsNewPersonAsync(
        string? token, string? displayName, string? password, CancellationToken cancellationToken = default)
    {
        var lookup = await FindAsync(token, cancellationToken);
        if (Refusal(lookup) is { } refused)
        {
            return refused;
        }

        if (lookup.HasAccount)
        {
            return AcceptResult.Refused(HasAccountMessage);
        }

        var name = displayName?.Trim() ?? "";
        var errors = new List<PeopleError>();
        if (name.Length is 0 or > MaxDisplayNameLength)
        {
            errors.Add(new(PeopleFields.DisplayName, "Enter the name others in the programme will see."));
        }

        if (string.IsNullOrEmpty(password))
        {
            errors.Add(new(PeopleFields.Password, "Choose a password."));
        }

        if (errors.Count > 0)
        {
            return new AcceptResult(null, 0, errors);
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Person>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await ClaimAsync(db, lookup.InvitationId, cancellationToken))
        {
            return await RefusedAfterClaimAsync(token, cancellationToken);
        }

        var (person, created) = await BecomePersonAsync(users, lookup.Email, name, password!);
        if (!created.Succeeded)
        {
            await transaction.RollbackAsync(cancellationToken);
            var field = created.Errors.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal))
                ? PeopleFields.Password
                : PeopleFields.Change;
            return new AcceptResult(
                null, 0, created.Errors.Select(e => new PeopleError(field, e.Description)).ToList());
        }

        await JoinAsync(db, lookup, person.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await AuditAcceptedAsync(lookup, person.Id, cancellationToken);
        return new AcceptResult(person, lookup.ProgrammeId, []);
    }

    /// <summary>
    /// Adds the invitation's membership to the signed-in account, only when the account's e-mail is the invited
    /// one: a link forwarded to someone else does not let them in.
    /// </summary>
    public async Task<AcceptResult> AcceptAsSignedInAsync(
        string? token, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var lookup = await FindAsync(token, cancellationToken);
        if (Refusal(lookup) is { } refused)
        {
            return refused;
        }

        var personId = ProgrammeAccess.PersonId(user);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var person = personId is null
            ? null
            : await db.Users.SingleOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is null || person.NormalizedEmail != Normalize(lookup.Email))
        {
            return AcceptResult.Refused(
                "This invitation is for another e-mail address. Sign out, then sign in with the invited address.");
        }

        if (person.DisabledAtUtc is not null)
        {
            return AcceptResult.Refused("Your account is disabled. Ask the programme's coordinator.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await ClaimAsync(db, lookup.InvitationId, cancellationToken))
        {
            return await RefusedAfterClaimAsync(token, cancellationToken);
        }

        await JoinAsync(db, lookup, person.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await AuditAcceptedAsync(lookup, person.Id, cancellationToken);
        return new AcceptResult(person, lookup.ProgrammeId, []);
    }

    // A participant an import brought in with this address has a person but no password: they become that
    // person, keeping their matches, instead of a second one.
    private static async Task<(Person Person, IdentityResult Result)> BecomePersonAsync(
        UserManager<Person> users, string email, string name, string password)
    {
        var person = await users.FindByEmailAsync(email);
        if (person is null)
        {
            person = new Person { DisplayName = name, Email = email, UserName = email, EmailConfirmed = true };
            return (person, await users.CreateAsync(person, password));
        }

        if (person.PasswordHash is not null)
        {
            return (person, IdentityResult.Failed(new IdentityError
            {
                Code = "HasAccount",
                Description = HasAccountMessage,
            }));
        }

        // A disabled participant stays disabled: an invitation must not hand them a working account.
        if (person.DisabledAtUtc is not null)
        {
            return (person, IdentityResult.Failed(new IdentityError
            {
                Code = "Disabled",
                Description = "Your account is disabled. Ask the programme's coordinator.",
            }));
        }

        person.DisplayName = name;
        person.EmailConfirmed = true;
        return (person, await users.AddPasswordAsync(person, password));
    }

    private AcceptResult? Refusal(InvitationLookup lookup)
    {
        if (lookup.State == InvitationState.Valid)
        {
            return null;
        }

        PeopleLog.InvitationRefused(logger, lookup.State);
        return AcceptResult.Refused(MessageFor(lookup.State));
    }

    /// <summary>The sentence the accept page shows for a link that no longer works.</summary>
    public static string MessageFor(InvitationState state) => state switch
    {
        InvitationState.Expired =>
            "This invitation has expired. Ask the programme's coordinator to send it again.",
        InvitationState.Accepted => "This invitation has been used already. Sign in to continue.",
        InvitationState.Revoked => "This invitation was withdrawn by the programme's coordinator.",
        _ => "This invitation link is not valid. Check that you opened the whole link from the e-mail.",
    };

    // The one write that decides who gets the invitation: whoever updates the row first. The transaction is
    // SQLite's BEGIN IMMEDIATE, so a second acceptance waits here and then finds nothing to update.
    private async Task<bool> ClaimAsync(AppDbContext db, int invitationId, CancellationToken cancellationToken)
    {
        var now = Now;
        var claimed = await db.Set<Invitation>()
            .Where(i => i.Id == invitationId && i.AcceptedAtUtc == null && i.RevokedAtUtc == null
                && i.ExpiresAtUtc > now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedAtUtc, now), cancellationToken);
        return claimed == 1;
    }

    private async Task<AcceptResult> RefusedAfterClaimAsync(string? token, CancellationToken cancellationToken)
    {
        var state = (await FindAsync(token, cancellationToken)).State;
        return Refusal(new InvitationLookup(state == InvitationState.Valid ? InvitationState.Accepted : state))!;
    }

    private static async Task JoinAsync(
        AppDbContext db, InvitationLookup lookup, string personId, CancellationToken cancellationToken)
    {
        var hasRole = await db.Memberships.AnyAsync(
            m => m.PersonId == personId && m.ProgrammeId == lookup.ProgrammeId && m.Role == lookup.Role,
            cancellationToken);
        if (!hasRole)
        {
            db.Memberships.Add(
                new Membership { PersonId = personId, ProgrammeId = lookup.ProgrammeId, Role = lookup.Role });
        }

        await db.SaveChangesAsync(cancellationToken);
        await db.Set<Invitation>()
            .Where(i => i.Id == lookup.InvitationId)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedById, personId), cancellationToken);
    }

    private async Task AuditAcceptedAsync(InvitationLookup lookup, string personId, CancellationToken cancellationToken)
    {
        PeopleLog.InvitationAccepted(logger, lookup.InvitationId, lookup.ProgrammeId);
        await audit.WriteAsync(AuditKind.InvitationAccepted, personId, lookup.ProgrammeId,
            lookup.InvitationId.ToString(CultureInfo.InvariantCulture), lookup.Role.ToString(), cancellationToken);
        await audit.WriteAsync(AuditKind.RoleGranted, personId, lookup.ProgrammeId, personId, lookup.Role.ToString(),
            cancellationToken);
    }
}
