using System.Globalization;
using System.Threading.Channels;
using Bunit;
using MentorDashboard.Data;
using MentorDashboard.Features.Dashboard;
using MentorDashboard.Features.Health;
using MentorDashboard.Features.Live;
using MentorDashboard.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace MentorDashboard.Tests.Features.Health;

/// <summary>
/// Time alone changes a match's health: with the monitor running and a coordinator's dashboard open, a match
/// that reaches fifteen days without a meeting at midnight appears on the dashboard without anyone posting.
/// </summary>
public sealed class HealthMonitorTests : MudTestContext, IAsyncLifetime
{
    // Half an hour before midnight: the match has gone 14 days without a meeting, on track until midnight.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 23, 30, 0, TimeSpan.Zero));
    private readonly Channel<HealthPass> _passes = Channel.CreateUnbounded<HealthPass>();
    private TestDatabase _database = null!;
    private FeatureServices _features = null!;
    private HealthMonitor _monitor = null!;
    private Programme _programme = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var data = new TestData(_database);
        _features = new FeatureServices(_database, _time);
        var network = await data.AddNetworkAsync();
        _programme = await data.AddProgrammeAsync(network.Id, "Harbour Mentors");
        var mentor = await data.AddPersonAsync("Iker Mentor", _programme.Id, ProgrammeRole.Mentor);
        var mentee = await data.AddPersonAsync("Selam Mentee", _programme.Id, ProgrammeRole.Mentee);
        var match = await data.AddMatchAsync(_programme.Id, mentor, mentee, new DateOnly(2026, 6, 1));
        await data.AddPostAsync(match, new DateOnly(2026, 11, 10));
        await data.AddPostAsync(match, new DateOnly(2026, 11, 19));
        await _database.AddSupportContactAsync(match, new DateOnly(2026, 11, 20));
        var coordinator = await data.AddPersonAsync("Marta Coordinator", _programme.Id, ProgrammeRole.Coordinator);

        _monitor = new HealthMonitor(
            _database.Factory, _features.Health, _features.Events, _time, NullLogger<HealthMonitor>.Instance);
        _monitor.PassCompleted += pass => _passes.Writer.TryWrite(pass);

        this.AddLiveDashboard(_features, _time, coordinator);
        RenderAs(interactive: true);
    }

    public new async ValueTask DisposeAsync()
    {
        await _monitor.StopAsync(CancellationToken.None);
        _monitor.Dispose();
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Match_turns_needs_check_in_at_midnight_on_an_open_dashboard_without_anyone_posting()
    {
        var dashboard = Render<LiveDashboard>(p => p.Add(d => d.ProgrammeId, _programme.Id));
        dashboard.WaitForAssertion(() => Assert.NotNull(dashboard.Find("#card-attention")), WaitTimeout);
        Assert.Empty(dashboard.FindAll("#card-attention [data-match-id]"));
        var healthEvents = Channel.CreateUnbounded<ProgrammeEvent>();
        using var subscription = _features.Events.Subscribe(_programme.Id, e =>
        {
            healthEvents.Writer.TryWrite(e);
            return Task.CompletedTask;
        }, TimeSpan.Zero);
        await _monitor.StartAsync(CancellationToken.None);
        Assert.Equal(new HealthPass(1, 1, Changed: 0), await NextPassAsync());

        _time.Advance(TimeSpan.FromMinutes(31));

        Assert.Equal(new HealthPass(1, 1, Changed: 1), await NextPassAsync());
        var received = await healthEvents.Reader.ReadAsync().AsTask().WaitAsync(WaitTimeout);
        Assert.Equal(ProgrammeEventKind.HealthChanged, received.Kind);
        dashboard.WaitForAssertion(() =>
        {
            var row = Assert.Single(dashboard.FindAll("#card-attention [data-match-id]"));
            Assert.Equal("NeedsCheckIn", row.GetAttribute("data-status"));
            Assert.Contains("No meeting for 15 days", row.QuerySelector(".reasons")!.TextContent);
            Assert.Equal("15", row.QuerySelector(".days .mud-typography-body2")!.TextContent.Trim());
        }, WaitTimeout);
    }

    [Fact]
    public async Task Pass_without_changes_publishes_nothing_and_the_next_comes_within_the_hour()
    {
        _time.SetUtcNow(new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero));
        var published = 0;
        using var subscription = _features.Events.Subscribe(_programme.Id, _ =>
        {
            Interlocked.Increment(ref published);
            return Task.CompletedTask;
        }, TimeSpan.Zero);
        await _monitor.StartAsync(CancellationToken.None);
        await NextPassAsync();

        _time.Advance(HealthMonitor.Interval);

        Assert.Equal(new HealthPass(1, 1, Changed: 0), await NextPassAsync());
        Assert.Equal(0, Volatile.Read(ref published));
    }

    [Theory]
    [InlineData("2026-12-03T10:15:00", 60 * 60)]
    [InlineData("2026-12-03T23:30:00", (30 * 60) + 1)]
    [InlineData("2026-12-03T23:59:59", 2)]
    public void Next_pass_is_in_an_hour_or_just_after_midnight_if_sooner(string localNow, int seconds)
    {
        var now = new DateTimeOffset(DateTime.Parse(localNow, CultureInfo.InvariantCulture), TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromSeconds(seconds), HealthMonitor.UntilNextPass(now, TimeZoneInfo.Utc));
    }

    [Fact]
    public void Midnight_is_the_servers_local_one_not_utcs()
    {
        var madrid = TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid");

        // 23:30 in Madrid is 22:30 UTC: local midnight is half an hour away, UTC's an hour and a half.
        var now = new DateTimeOffset(2026, 12, 3, 23, 30, 0, TimeSpan.FromHours(1));

        Assert.Equal(TimeSpan.FromSeconds((30 * 60) + 1), HealthMonitor.UntilNextPass(now, madrid));
    }

    private async Task<HealthPass> NextPassAsync() =>
        await _passes.Reader.ReadAsync().AsTask().WaitAsync(WaitTimeout);
}
