using System.Globalization;
using System.Security.Claims;
using MentorDashboard.Data;
using MentorDashboard.Features.Accounts;
using MentorDashboard.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Features.People;

/// <summary>
/// A programme's members: listing them, removing a role, and (for the network admin) disabling and enabling a
/// person. A removed role or a disabled person gets a new security stamp, so their open pages end within
/// <see cref="AccountOptions.RevalidationInterval"/>.
/// </summary>
public sealed class PeopleService(
    IDbContextFactory<AppDbContext> dbFactory,
    IServiceScopeFactory scopeFactory,
    ProgrammeAccess access,
    AuditLog audit,
    TimeProvider time,
    ILogger<PeopleService> logger)
{
    /// <summary>One page of the programme's memberships, by name; null for anyone who does not coordinate it.
    /// </summary>
    public async Task<MemberPage?> ListMembersAsync(
        ClaimsPrincipal viewer, int programmeId, MemberQuery query, CancellationToken cancellationToken = default)
    {
        if (!(await access.GetAsync(viewer, programmeId, cancellationToken)).CanCoordinate)
        {
            PeopleLog.AccessRefused(logger, programmeId);
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var members = db.Memberships.Where(m => m.ProgrammeId == programmeId);
        if (query.Search?.Trim() is { Length: > 0 } search)
        {
            // SQLite's LIKE ignores case for ASCII letters; the pattern's own wildcards are escaped.
            var pattern = "%" + search.Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("%", "\\%", StringComparison.Ordinal)
                .Replace("_", "\\_", StringComparison.Ordinal) + "%";
            members = members.Where(m => EF.Functions.Like(m.Person.DisplayName, pattern, "\\")
                || EF.Functions.Like(m.Person.Email, pattern, "\\"));
        }

        var total = await members.CountAsync(cancellationToken);
        var rows = await members
            .OrderBy(m => m.Person.DisplayName)
            .ThenBy(m => m.Role)
            .ThenBy(m => m.Id)
            .Skip(Math.Max(query.Page, 0) * query.PageSize)
            .Take(query.PageSize)
            .Select(m => new MemberRow(
                m.Id, m.PersonId, m.Person.DisplayName, m.Role, m.Person.Email, m.Person.DisabledAtUtc != null))
            .ToListAsync(cancellationToken);
        return new MemberPage(rows, total);
    }

    /// <summary>
    /// Removes one membership. A coordinator cannot remove their own coordinator role when no other coordinator
    /// is left: nobody would be there to invite the next one.
    /// </summary>
    public async Task<PeopleResult> RemoveRoleAsync(
        ClaimsPrincipal coordinator, int programmeId, int membershipId, CancellationToken cancellationToken = default)
    {
        var rights = await access.GetAsync(coordinator, programmeId, cancellationToken);
        if (!rights.CanCoordinate || ProgrammeAccess.PersonId(coordinator) is not { } actorId)
        {
            PeopleLog.AccessRefused(logger, programmeId);
            return PeopleResult.Refused("Only the programme's coordinators can remove roles.");
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var membership = await db.Memberships
            .Include(m => m.Person)
            .SingleOrDefaultAsync(m => m.Id == membershipId && m.ProgrammeId == programmeId, cancellationToken);
        if (membership is null)
        {
            return PeopleResult.Refused("That role was removed meanwhile.");
        }

        if (membership.Role == ProgrammeRole.Coordinator && membership.PersonId == actorId && !rights.IsNetworkAdmin)
        {
            var otherCoordinators = await db.Memberships.CountAsync(
                m => m.ProgrammeId == programmeId && m.Role == ProgrammeRole.Coordinator && m.Id != membershipId,
                cancellationToken);
            if (otherCoordinators == 0)
            {
                return PeopleResult.Refused(
                    "You are the programme's last coordinator. Invite another coordinator before you remove "
                    + "your own role.");
            }
        }

        db.Memberships.Remove(membership);
        await db.SaveChangesAsync(cancellationToken);
        await EndSessionsAsync(scope, membership.Person, cancellationToken);
        PeopleLog.RoleRemoved(logger, membership.Role, programmeId);
        await audit.WriteAsync(AuditKind.RoleRemoved, actorId, programmeId, membership.PersonId,
            membership.Role.ToString(), cancellationToken);
        return PeopleResult.Done;
    }

    /// <summary>
    /// Disables (or enables again) a member of the programme, for the admin of its network: a disabled person
    /// cannot use the app, and their open pages end within the revalidation interval.
    /// </summary>
    public async Task<PeopleResult> SetDisabledAsync(
        ClaimsPrincipal admin,
        int programmeId,
        string personId,
        bool disabled,
        CancellationToken cancellationToken = default)
    {
        var rights = await access.GetAsync(admin, programmeId, cancellationToken);
        if (!rights.IsNetworkAdmin || ProgrammeAccess.PersonId(admin) is not { } actorId)
        {
            PeopleLog.AccessRefused(logger, programmeId);
            return PeopleResult.Refused("Only the network admin can disable or enable people.");
        }

        if (personId == actorId)
        {
            return PeopleResult.Refused("You cannot disable your own account.");
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var person = await db.Users.SingleOrDefaultAsync(
            p => p.Id == personId && db.Memberships.Any(m => m.PersonId == p.Id && m.ProgrammeId == programmeId),
            cancellationToken);
        if (person is null)
        {
            return PeopleResult.Refused("That person is not a member of this programme.");
        }

        if (person.AdminOfNetworkId is not null)
        {
            return PeopleResult.Refused("A network admin cannot be disabled here.");
        }

        person.DisabledAtUtc = disabled ? person.DisabledAtUtc ?? time.GetUtcNow().UtcDateTime : null;
        await db.SaveChangesAsync(cancellationToken);
        await EndSessionsAsync(scope, person, cancellationToken);
        if (disabled)
        {
            PeopleLog.PersonDisabled(logger, programmeId);
        }
        else
        {
            PeopleLog.PersonEnabled(logger, programmeId);
        }

        await audit.WriteAsync(disabled ? AuditKind.PersonDisabled : AuditKind.PersonEnabled, actorId,
            programmeId, personId, cancellationToken: cancellationToken);
        return PeopleResult.Done;
    }

    // A new security stamp makes every open circuit's next revalidation fail. People brought in by an import
    // without an e-mail have never signed in, have no circuit to end, and would fail Identity's e-mail rule.
    private static async Task EndSessionsAsync(
        AsyncServiceScope scope, Person person, CancellationToken cancellationToken)
    {
        if (person.Email is null)
        {
            return;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Person>>();
        var result = await users.UpdateSecurityStampAsync(person);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"The security stamp was not renewed: {string.Join(", ", result.Errors.Select(e => e.Code))}"));
        }
    }
}
