using System.Net.Mail;
using System.Security.Claims;
using MentorDashboard.Data;
using MentorDashboard.Features.Accounts;
using MentorDashboard.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MentorDashboard.Features.People;

/// <summary>
/// Invites e-mail addresses into a programme with a role, sends the link again, revokes it, and accepts it (see
/// the other part of this class). Every change asks again whether the person coordinates the programme.
/// </summary>
public sealed partial class InvitationService(
    IDbContextFactory<AppDbContext> dbFactory,
    IServiceScopeFactory scopeFactory,
    ProgrammeAccess access,
    InvitationEmails emails,
    AuditLog audit,
    IOptions<InvitationOptions> options,
    TimeProvider time,
    ILogger<InvitationService> logger)
{
    private const string NotACoordinator = "Only the programme's coordinators can invite people.";

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Saves an invitation and e-mails its link. Refused input, an address that already has the role, or an
    /// invitation still open for the address change nothing; so does an e-mail the server would not take.
    /// </summary>
    /// <param name="requestBase">The address the coordinator reached the app at, for the link when
    /// <c>Reminders:AppBaseUrl</c> is not set.</param>
    public async Task<PeopleResult> InviteAsync(
        ClaimsPrincipal coordinator,
        int programmeId,
        InvitationInput input,
        Uri requestBase,
        CancellationToken cancellationToken = default)
    {
        if (await CoordinatorRightsAsync(coordinator, programmeId, cancellationToken) is not { } rights)
        {
            return PeopleResult.Refused(NotACoordinator);
        }

        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return new PeopleResult(errors);
        }

        if (!emails.IsEnabled)
        {
            return PeopleResult.Refused(
                "E-mail is not set up on this server (Smtp:Host), so invitations cannot be sent.");
        }

        var email = input.Email.Trim();
        var normalized = Normalize(email);
        var role = input.Role!.Value;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // A participant brought in by an import may hold the role without being able to sign in; inviting them
        // is how they get their account.
        var hasRole = await db.Memberships.AnyAsync(
            m => m.ProgrammeId == programmeId && m.Role == role && m.Person.NormalizedEmail == normalized
                && (m.Person.PasswordHash != null || db.UserLogins.Any(l => l.UserId == m.PersonId)),
            cancellationToken);
        if (hasRole)
        {
            return PeopleResult.Refused("That address already has this role in the programme.", PeopleFields.Email);
        }

        var now = Now;
        var open = await db.Set<Invitation>().AnyAsync(
            i => i.ProgrammeId == programmeId && i.NormalizedEmail == normalized
                && i.AcceptedAtUtc == null && i.RevokedAtUtc == null && i.ExpiresAtUtc > now,
            cancellationToken);
        if (open)
        {
            return PeopleResult.Refused(
                "That address has an open invitation already: send it again or revoke it below.",
                PeopleFields.Email);
        }

        var token = InvitationTokens.NewToken();
        var invitation = new Invitation
        {
            ProgrammeId = programmeId,
            Email = email,
            NormalizedEmail = normalized,
            Role = role,
            TokenHash = InvitationTokens.HashOf(token),
            InvitedById = ProgrammeAccess.PersonId(coordinator),
            CreatedAtUtc = now,
            ExpiresAtUtc = now.AddDays(options.Value.ValidDays),
        };
        db.Add(invitation);
        await db.SaveChangesAsync(cancellationToken);

        if (!await TrySendAsync(invitation, rights.ProgrammeName, token, requestBase, cancellationToken))
        {
            // Nobody has the link, so the invitation would only stand in the way of the next attempt.
            db.Remove(invitation);
            await db.SaveChangesAsync(CancellationToken.None);
            return PeopleResult.Refused("The invitation e-mail could not be sent. Please try again later.");
        }

        PeopleLog.InvitationSent(logger, invitation.Id, programmeId, role);
        await audit.WriteAsync(AuditKind.InvitationSent, invitation.InvitedById, programmeId,
            Id(invitation.Id), role.ToString(), cancellationToken);
        return PeopleResult.Done;
    }

    /// <summary>
    /// Sends an open (or expired) invitation again with a new link and a new validity; the old link stops working
    /// at once.
    /// </summary>
    public async Task<PeopleResult> ResendAsync(
        ClaimsPrincipal coordinator,
        int programmeId,
        int invitationId,
        Uri requestBase,
        CancellationToken cancellationToken = default)
    {
        if (await CoordinatorRightsAsync(coordinator, programmeId, cancellationToken) is not { } rights)
        {
            return PeopleResult.Refused(NotACoordinator);
        }

        var token = InvitationTokens.NewToken();
        var hash = InvitationTokens.HashOf(token);
        var expires = Now.AddDays(options.Value.ValidDays);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var renewed = await Open(db, programmeId, invitationId).ExecuteUpdateAsync(
            s => s.SetProperty(i => i.TokenHash, hash).SetProperty(i => i.ExpiresAtUtc, expires),
            cancellationToken);
        if (renewed == 0)
        {
            return PeopleResult.Refused("That invitation was accepted or revoked meanwhile.");
        }

        var invitation = await db.Set<Invitation>().AsNoTracking()
            .SingleAsync(i => i.Id == invitationId, cancellationToken);
        if (!await TrySendAsync(invitation, rights.ProgrammeName, token, requestBase, cancellationToken))
        {
            return PeopleResult.Refused(
                "The invitation e-mail could not be sent. The earlier link no longer works; please try again.");
        }

        PeopleLog.InvitationSent(logger, invitationId, programmeId, invitation.Role);
        await audit.WriteAsync(AuditKind.InvitationSent, ProgrammeAccess.PersonId(coordinator), programmeId,
            Id(invitationId), "Resent", cancellationToken);
        return PeopleResult.Done;
    }

    /// <summary>Ends an open invitation: its link shows that it was withdrawn.</summary>
    public async Task<PeopleResult> RevokeAsync(
        ClaimsPrincipal coordinator, int programmeId, int invitationId, CancellationToken cancellationToken = default)
    {
        if (await CoordinatorRightsAsync(coordinator, programmeId, cancellationToken) is null)
        {
            return PeopleResult.Refused(NotACoordinator);
        }

        var now = Now;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var revoked = await Open(db, programmeId, invitationId)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RevokedAtUtc, now), cancellationToken);
        if (revoked == 0)
        {
            return PeopleResult.Refused("That invitation was accepted or revoked meanwhile.");
        }

        PeopleLog.InvitationRevoked(logger, invitationId, programmeId);
        await audit.WriteAsync(AuditKind.InvitationRevoked, ProgrammeAccess.PersonId(coordinator), programmeId,
            Id(invitationId), cancellationToken: cancellationToken);
        return PeopleResult.Done;
    }

    /// <summary>The programme's invitations that are neither accepted nor revoked, newest first; null for anyone
    /// who does not coordinate it.</summary>
    public async Task<IReadOnlyList<PendingInvitation>?> ListPendingAsync(
        ClaimsPrincipal viewer, int programmeId, CancellationToken cancellationToken = default)
    {
        if (await CoordinatorRightsAsync(viewer, programmeId, cancellationToken) is null)
        {
            return null;
        }

        var now = Now;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<Invitation>()
            .Where(i => i.ProgrammeId == programmeId && i.AcceptedAtUtc == null && i.RevokedAtUtc == null)
            .OrderByDescending(i => i.CreatedAtUtc)
            .ThenByDescending(i => i.Id)
            .Select(i => new PendingInvitation(
                i.Id, i.Email, i.Role, i.CreatedAtUtc, i.ExpiresAtUtc, i.ExpiresAtUtc <= now))
            .ToListAsync(cancellationToken);
    }

    internal static IReadOnlyList<PeopleError> Validate(InvitationInput input)
    {
        var errors = new List<PeopleError>();
        var email = input.Email.Trim();
        if (email.Length == 0)
        {
            errors.Add(new(PeopleFields.Email, "Enter the e-mail address to invite."));
        }
        else if (email.Length > InvitationInput.MaxEmailLength
            || !MailAddress.TryCreate(email, out var address)
            || !string.Equals(address.Address, email, StringComparison.Ordinal))
        {
            errors.Add(new(PeopleFields.Email, "That is not an e-mail address."));
        }

        if (input.Role is null || !Enum.IsDefined(input.Role.Value))
        {
            errors.Add(new(PeopleFields.Role, "Choose the role the person will have."));
        }

        return errors;
    }

    /// <summary>
    /// The person's rights in the programme when they coordinate it; null (and a warning in the log) otherwise.
    /// Asked on every call, not once per page: a coordinator removed meanwhile must not invite any more.
    /// </summary>
    private async Task<ProgrammeAccessRights?> CoordinatorRightsAsync(
        ClaimsPrincipal user, int programmeId, CancellationToken cancellationToken)
    {
        var rights = await access.GetAsync(user, programmeId, cancellationToken);
        if (rights.CanCoordinate)
        {
            return rights;
        }

        PeopleLog.AccessRefused(logger, programmeId);
        return null;
    }

    // Identity's default normaliser, so the invitation finds the account Identity would find.
    private static string Normalize(string email) => email.Normalize().ToUpperInvariant();

    private static string Id(int invitationId) =>
        invitationId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static IQueryable<Invitation> Open(AppDbContext db, int programmeId, int invitationId) =>
        db.Set<Invitation>().Where(i => i.Id == invitationId && i.ProgrammeId == programmeId
            && i.AcceptedAtUtc == null && i.RevokedAtUtc == null);

    private async Task<bool> TrySendAsync(
        Invitation invitation, string programmeName, string token, Uri requestBase,
        CancellationToken cancellationToken)
    {
        try
        {
            await emails.SendAsync(invitation.Email, programmeName, invitation.Role,
                emails.LinkFor(token, requestBase), invitation.ExpiresAtUtc, cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is IOException or System.Net.Sockets.SocketException
            or MailKit.ProtocolException or MailKit.CommandException or TimeoutException)
        {
            PeopleLog.InvitationSendFailed(logger, exception, invitation.Id);
            return false;
        }
    }
}
