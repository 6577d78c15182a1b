using MentorDashboard.Data;
using Microsoft.AspNetCore.Identity;

namespace MentorDashboard.Tests.Support;

/// <summary>
/// People who can sign in, created through the app's own <see cref="UserManager{TUser}"/> so their password
/// hash, security stamp and lockout settings are the ones a real account gets. Network admins get two-factor
/// sign-in with <see cref="AuthenticatorKey"/>, as the app requires of them; the sign-in helpers enter its code.
/// </summary>
public sealed class TestAccounts(AppFactory app)
{
    /// <summary>The password of every test account; it meets the app's password rules.</summary>
    public const string Password = "Kettle-Lantern-42";

    /// <summary>The authenticator key (base32) of every test account with two-factor sign-in.</summary>
    public const string AuthenticatorKey = "MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U";

    /// <summary>
    /// Adds an account whose e-mail (and user name) is made from the display name, with a membership when a
    /// programme and role are given.
    /// </summary>
    /// <param name="twoFactor">Two-factor sign-in with <see cref="AuthenticatorKey"/>; by default for admins only.
    /// </param>
    public async Task<Person> AddAsync(
        string displayName,
        int? programmeId = null,
        ProgrammeRole? role = null,
        bool isDemo = false,
        int? adminOfNetworkId = null,
        bool? twoFactor = null,
        bool emailConfirmed = true)
    {
        var email = $"{displayName.Replace(' ', '.').ToLowerInvariant()}@mentors.test";
        var person = new Person
        {
            DisplayName = displayName,
            Email = email,
            UserName = email,
            EmailConfirmed = emailConfirmed,
            IsDemo = isDemo,
            AdminOfNetworkId = adminOfNetworkId,
        };
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Person>>();
            var result = await users.CreateAsync(person, Password);
            if (!result.Succeeded)
            {
                var errors = string.Join("; ", result.Errors.Select(e => e.Description));
                throw new InvalidOperationException($"The test account {email} was refused: {errors}");
            }

            if (twoFactor ?? adminOfNetworkId is not null)
            {
                await EnableTwoFactorAsync(users, scope.ServiceProvider, person);
            }
        }

        if (programmeId is { } id && role is { } programmeRole)
        {
            await AddMembershipAsync(person, id, programmeRole);
        }

        return person;
    }

    public async Task AddMembershipAsync(Person person, int programmeId, ProgrammeRole role)
    {
        await using var db = await app.Database.OpenAsync();
        db.Memberships.Add(new Membership { PersonId = person.Id, ProgrammeId = programmeId, Role = role });
        await db.SaveChangesAsync();
    }

    private static async Task EnableTwoFactorAsync(UserManager<Person> users, IServiceProvider services, Person person)
    {
        var keys = (IUserAuthenticatorKeyStore<Person>)services.GetRequiredService<IUserStore<Person>>();
        await keys.SetAuthenticatorKeyAsync(person, AuthenticatorKey, CancellationToken.None);
        var enabled = await users.SetTwoFactorEnabledAsync(person, true);
        if (!enabled.Succeeded)
        {
            throw new InvalidOperationException($"Two-factor sign-in for {person.Email} was refused.");
        }
    }
}
