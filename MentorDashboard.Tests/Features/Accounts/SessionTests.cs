using System.Net;
using MentorDashboard.Features.Audit;
using MentorDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace MentorDashboard.Tests.Features.Accounts;

public sealed class SessionTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private AppFactory _app = null!;

    public async ValueTask InitializeAsync() => _app = await AppFactory.CreateAsync(
        settings: new Dictionary<string, string?>
        {
            ["Accounts:IdleTimeout"] = "01:00:00",
            ["Accounts:AbsoluteLifetime"] = "02:00:00",
        },
        time: _time);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Busy_session_ends_at_its_absolute_lifetime()
    {
        var person = await _app.Accounts.AddAsync("Wren Halloway");
        var client = await _app.CreateSignedInClientAsync(person);
        var answers = new List<HttpStatusCode>();

        // A request every 50 minutes keeps the idle timeout (an hour) from ever passing.
        for (var step = 1; step <= 3; step++)
        {
            _time.Advance(TimeSpan.FromMinutes(50));
            using var home = await client.GetAsync("/");
            answers.Add(home.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Redirect], answers);
    }

    [Fact]
    public async Task Idle_session_ends_after_the_idle_timeout()
    {
        var person = await _app.Accounts.AddAsync("Wren Halloway");
        var client = await _app.CreateSignedInClientAsync(person);

        _time.Advance(TimeSpan.FromMinutes(61));
        using var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal(AccountPages.LoginPath, home.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Disabled_person_cannot_sign_in_and_is_told_so()
    {
        var person = await _app.Accounts.AddAsync("Wren Halloway");
        await using (var db = await _app.Database.OpenAsync())
        {
            await db.Users.Where(p => p.Id == person.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.DisabledAtUtc, DateTime.UtcNow));
        }

        var client = _app.CreateBrowserClient();
        using var response = await client.SubmitLoginAsync(person.Email!, TestAccounts.Password);

        Assert.Equal(
            "This account has been disabled. Ask your coordinator if you think that is a mistake.",
            AccountPages.LoginErrorIn(await response.Content.ReadAsStringAsync()));
        Assert.False(AccountPages.SetsAuthCookie(response));
    }

    [Fact]
    public async Task Sign_in_failure_sign_in_and_sign_out_are_audited_by_person_id()
    {
        var person = await _app.Accounts.AddAsync("Wren Halloway");
        var client = _app.CreateBrowserClient();

        using var unknown = await client.SubmitLoginAsync("nobody@mentors.test", "Whatever-It-Is-1");
        using var wrong = await client.SubmitLoginAsync(person.Email!, "Not-The-Password-1");
        await client.SignInAsync(person);
        using var signOut = await client.SignOutAsync();

        await using var db = await _app.Database.OpenAsync();
        var entries = await db.Set<AuditEntry>().OrderBy(a => a.Id).Select(a => new { a.Kind, a.ActorId })
            .ToListAsync();
        Assert.Equal(
            [
                (AuditKind.SignInFailed, (string?)null),
                (AuditKind.SignInFailed, person.Id),
                (AuditKind.SignedIn, person.Id),
                (AuditKind.SignedOut, person.Id),
            ],
            entries.Select(e => (e.Kind, e.ActorId)));
    }
}
