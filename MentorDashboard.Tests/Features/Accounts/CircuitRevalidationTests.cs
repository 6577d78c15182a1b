using System.Security.Claims;
using MentorDashboard.Data;
using MentorDashboard.Features.Accounts;
using MentorDashboard.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MentorDashboard.Tests.Features.Accounts;

/// <summary>What an open page (a circuit) re-checks every revalidation interval.</summary>
public sealed class CircuitRevalidationTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private AppFactory _app = null!;

    public async ValueTask InitializeAsync() => _app = await AppFactory.CreateAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Circuit_ends_once_its_session_passes_the_absolute_lifetime()
    {
        var person = await _app.Accounts.AddAsync("Wren Halloway");
        var user = await PrincipalOfAsync(person, signedInAt: _time.GetUtcNow());
        using var provider = NewProvider();

        _time.Advance(TimeSpan.FromHours(11));
        var before = await provider.IsStillValidAsync(user, CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(1));
        var after = await provider.IsStillValidAsync(user, CancellationToken.None);

        Assert.True(before);
        Assert.False(after);
    }

    [Fact]
    public async Task Circuit_ends_when_the_person_is_disabled()
    {
        var person = await _app.Accounts.AddAsync("Wren Halloway");
        var user = await PrincipalOfAsync(person, signedInAt: _time.GetUtcNow());
        using var provider = NewProvider();

        await using (var db = await _app.Database.OpenAsync())
        {
            await db.Users.Where(p => p.Id == person.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.DisabledAtUtc, DateTime.UtcNow));
        }

        Assert.False(await provider.IsStillValidAsync(user, CancellationToken.None));
    }

    [Fact]
    public async Task Circuit_of_a_session_without_its_sign_in_time_ends()
    {
        var person = await _app.Accounts.AddAsync("Wren Halloway");
        var user = await PrincipalOfAsync(person, signedInAt: null);
        using var provider = NewProvider();

        Assert.False(await provider.IsStillValidAsync(user, CancellationToken.None));
    }

    private RevalidatingIdentityStateProvider NewProvider() => new(
        NullLoggerFactory.Instance,
        _app.Services.GetRequiredService<IServiceScopeFactory>(),
        _app.Services.GetRequiredService<IOptions<IdentityOptions>>(),
        Options.Create(new AccountOptions()),
        _time);

    /// <summary>The principal a session of the person carries, as the sign-in would build it.</summary>
    private async Task<ClaimsPrincipal> PrincipalOfAsync(Person person, DateTimeOffset? signedInAt)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<Person>>();
        var stored = await signIn.UserManager.FindByIdAsync(person.Id);
        var user = await signIn.CreateUserPrincipalAsync(stored!);
        if (signedInAt is { } at)
        {
            ((ClaimsIdentity)user.Identity!).AddClaim(SessionClaims.SignedInAtClaim(at));
        }

        return user;
    }
}
