using System.Linq.Expressions;
using System.Security.Claims;
using MentorDashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MentorDashboard.Features.Accounts;

/// <summary>
/// A network admin's rights apply only once they sign in with two factors, when
/// <see cref="AccountOptions.RequireTwoFactorForNetworkAdmins"/> is on. Demo accounts are exempt in Development, so
/// the README's demo admin works; they cannot sign in anywhere else.
/// </summary>
public sealed class AdminTwoFactorRule(
    IDbContextFactory<AppDbContext> dbFactory, IOptions<AccountOptions> options, IHostEnvironment environment)
{
    /// <summary>Which people may use admin rights they hold; for use in a database query.</summary>
    public Expression<Func<Person, bool>> MayActAsAdmin
    {
        get
        {
            var required = options.Value.RequireTwoFactorForNetworkAdmins;
            var demoExempt = environment.IsDevelopment();
            return p => !required || p.TwoFactorEnabled || (demoExempt && p.IsDemo);
        }
    }

    /// <summary>True for a network admin whose rights wait for two-factor sign-in.</summary>
    public async Task<bool> IsWaitingForTwoFactorAsync(
        ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (ProgrammeAccess.PersonId(user) is not { } personId)
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var admins = db.Users.Where(p => p.Id == personId && p.AdminOfNetworkId != null);
        return await admins.AnyAsync(cancellationToken)
            && !await admins.AnyAsync(MayActAsAdmin, cancellationToken);
    }
}
