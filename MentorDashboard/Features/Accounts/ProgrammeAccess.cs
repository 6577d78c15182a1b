using System.Security.Claims;
using MentorDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Features.Accounts;

/// <summary>What one person may do in one programme.</summary>
public sealed record ProgrammeAccessRights(
    int ProgrammeId, string ProgrammeName, IReadOnlySet<ProgrammeRole> Roles, bool IsNetworkAdmin)
{
    public bool IsMember => IsNetworkAdmin || Roles.Count > 0;

    public bool CanCoordinate => IsNetworkAdmin || Roles.Contains(ProgrammeRole.Coordinator);

    public bool CanPost => Roles.Contains(ProgrammeRole.Mentor);

    /// <summary>May hide network items and add local ones; a network admin until programmes have admins.</summary>
    public bool CanAdapt => IsNetworkAdmin;

    /// <summary>
    /// A researcher of the programme's network. Researchers study pooled, pseudonymised data; this grants no
    /// membership, so they open no page or API that names a person (see ProgrammePolicies).
    /// </summary>
    public bool IsResearcher { get; init; }
}

public sealed record ProgrammeSummary(int Id, string Name, string Description, ProgrammeAccessRights Access);

/// <summary>Answers who may see what, from the memberships stored in the database (never from stale claims).</summary>
/// <param name="twoFactor">Admin rights wait for two-factor sign-in; without it (in tests) they apply at once.</param>
public sealed class ProgrammeAccess(IDbContextFactory<AppDbContext> dbFactory, AdminTwoFactorRule? twoFactor = null)
{
    public static string? PersonId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public async Task<ProgrammeAccessRights> GetAsync(
        ClaimsPrincipal user, int programmeId, CancellationToken cancellationToken = default)
    {
        var none = new ProgrammeAccessRights(programmeId, "", new HashSet<ProgrammeRole>(), false);
        if (PersonId(user) is not { } personId)
        {
            return none;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var person = await db.Users
            .Where(p => p.Id == personId)
            .Select(p => new { p.DisabledAtUtc, p.ResearcherOfNetworkId })
            .SingleOrDefaultAsync(cancellationToken);
        if (person is null || person.DisabledAtUtc is not null)
        {
            // A disabled person keeps no right, even in a circuit that has not revalidated yet.
            return none;
        }

        var programme = await db.Programmes
            .Where(p => p.Id == programmeId)
            .Select(p => new { p.NetworkId, p.Name })
            .SingleOrDefaultAsync(cancellationToken);
        if (programme is null)
        {
            return none;
        }

        var roles = await db.Memberships
            .Where(m => m.PersonId == personId && m.ProgrammeId == programmeId)
            .Select(m => m.Role)
            .ToListAsync(cancellationToken);
        var isAdmin = await Admins(db)
            .AnyAsync(p => p.Id == personId && p.AdminOfNetworkId == programme.NetworkId, cancellationToken);
        return new ProgrammeAccessRights(programmeId, programme.Name, roles.ToHashSet(), isAdmin)
        {
            IsResearcher = person.ResearcherOfNetworkId == programme.NetworkId,
        };
    }

    /// <summary>The network the person administers, or null.</summary>
    public async Task<int?> AdminNetworkIdAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (PersonId(user) is not { } personId)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Admins(db)
            .Where(p => p.Id == personId)
            .Select(p => p.AdminOfNetworkId)
            .SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ProgrammeSummary>> ListForAsync(
        ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (PersonId(user) is not { } personId)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var adminOf = await Admins(db)
            .Where(p => p.Id == personId)
            .Select(p => p.AdminOfNetworkId)
            .SingleOrDefaultAsync(cancellationToken);
        var memberships = await db.Memberships
            .Where(m => m.PersonId == personId)
            .Select(m => new { m.ProgrammeId, m.Role })
            .ToListAsync(cancellationToken);
        var memberOf = memberships.Select(m => m.ProgrammeId).ToHashSet();
        var programmes = await db.Programmes
            .Where(p => memberOf.Contains(p.Id) || p.NetworkId == adminOf)
            .OrderBy(p => p.Name)
            .Select(p => new { p.Id, p.Name, p.Description, p.NetworkId })
            .ToListAsync(cancellationToken);

        return programmes
            .Select(p => new ProgrammeSummary(p.Id, p.Name, p.Description, new ProgrammeAccessRights(
                p.Id,
                p.Name,
                memberships.Where(m => m.ProgrammeId == p.Id).Select(m => m.Role).ToHashSet(),
                p.NetworkId == adminOf)))
            .ToList();
    }

    /// <summary>The people whose admin rights apply now.</summary>
    private IQueryable<Person> Admins(AppDbContext db) =>
        twoFactor is null ? db.Users : db.Users.Where(twoFactor.MayActAsAdmin);
}
