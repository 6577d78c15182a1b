using MentorDashboard.Data;
using Microsoft.AspNetCore.Identity;

namespace MentorDashboard.Features.Accounts;

/// <summary>
/// Authenticator codes that work once. Identity accepts a code for about two minutes around its 30 seconds and
/// does not remember that it was used, so a code seen over someone's shoulder would sign in a second time.
/// </summary>
internal sealed class SingleUseAuthenticatorTokenProvider(TimeProvider time) : AuthenticatorTokenProvider<Person>
{
    private const string TokenProvider = "[MentorDashboard]";

    private const string LastCodeName = "LastAuthenticatorCode";

    // Longer than any code stays valid, so a used code is refused for all of its life.
    private static readonly TimeSpan Remembered = TimeSpan.FromMinutes(5);

    public override async Task<bool> ValidateAsync(
        string purpose, string token, UserManager<Person> manager, Person user)
    {
        if (!await base.ValidateAsync(purpose, token, manager, user))
        {
            return false;
        }

        var now = time.GetUtcNow();
        var last = await manager.GetAuthenticationTokenAsync(user, TokenProvider, LastCodeName);
        if (last?.Split('|') is [var code, var ticks]
            && code == token
            && long.TryParse(ticks, out var usedAt)
            && now - new DateTimeOffset(usedAt, TimeSpan.Zero) < Remembered)
        {
            return false;
        }

        await manager.SetAuthenticationTokenAsync(
            user, TokenProvider, LastCodeName, FormattableString.Invariant($"{token}|{now.UtcTicks}"));
        return true;
    }
}
