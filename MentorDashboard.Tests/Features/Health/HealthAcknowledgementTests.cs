using System.Security.Claims;
using MentorDashboard.Data;
using MentorDashboard.Features.Health;
using MentorDashboard.Features.Live;
using MentorDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Tests.Features.Health;

/// <summary>
/// An acknowledged flag stays hidden until something new happens for the match, and comes back when it does.
/// The programme's rules here are the two no-meeting rules, so only time and posts move the status.
/// </summary>
public sealed class HealthAcknowledgementTests : IAsyncLifetime
{
    private readonly FixedTime _time = FixedTime.At(2026, 12, 3);
    private TestDatabase _database = null!;
    private TestData _data = null!;
    private FeatureServices _features = null!;
    private Programme _programme = null!;
    private Person _coordinator = null!;
    private Match _match = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _data = new TestData(_database);
        _features = new FeatureServices(_database, _time);
        var network = await _data.AddNetworkAsync();
        _programme = await _data.AddProgrammeAsync(network.Id, "Harbour Mentors");
        _coordinator = await _data.AddPersonAsync("Marta Coordinator", _programme.Id, ProgrammeRole.Coordinator);
        var mentor = await _data.AddPersonAsync("Iker Mentor", _programme.Id, ProgrammeRole.Mentor);
        var mentee = await _data.AddPersonAsync("Selam Mentee", _programme.Id, ProgrammeRole.Mentee);
        _match = await _data.AddMatchAsync(_programme.Id, mentor, mentee, new DateOnly(2026, 6, 1));

        // 16 days without a meeting: needs a check-in.
        await _data.AddPostAsync(_match, new DateOnly(2026, 11, 17));
        await _features.SaveDefaultRulesAsync(_programme.Id, HealthRuleKind.NoMeetingForDays);
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Acknowledged_flag_is_hidden_and_records_who_and_when()
    {
        var events = Collect();

        var saved = await AcknowledgeAsync(_coordinator, HealthStatus.NeedsCheckIn);

        Assert.True(saved);
        Assert.Empty(await _features.Health.ReadNeedAttentionAsync(_programme.Id));
        await using var db = await _database.OpenAsync();
        var stored = await db.Set<HealthAcknowledgement>().SingleAsync();
        Assert.Equal((_match.Id, _coordinator.Id, HealthStatus.NeedsCheckIn), (stored.MatchId,
            stored.AcknowledgedById, stored.Status));
        Assert.Equal(_time.Now.UtcDateTime, DateTime.SpecifyKind(stored.AcknowledgedAtUtc, DateTimeKind.Utc));
        var received = await events.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(ProgrammeEventKind.HealthChanged, received.Kind);
    }

    [Fact]
    public async Task Acknowledged_flag_stays_hidden_while_nothing_new_happens()
    {
        await AcknowledgeAsync(_coordinator, HealthStatus.NeedsCheckIn);
        _time.Now = _time.Now.AddDays(4);

        Assert.Empty(await _features.Health.ReadNeedAttentionAsync(_programme.Id));
    }

    [Fact]
    public async Task Acknowledged_flag_comes_back_when_the_status_gets_worse()
    {
        await AcknowledgeAsync(_coordinator, HealthStatus.NeedsCheckIn);
        _time.Now = _time.Now.AddDays(5);

        var flagged = Assert.Single(await _features.Health.ReadNeedAttentionAsync(_programme.Id));

        Assert.Equal(HealthStatus.AtRisk, flagged.Health.Status);
        Assert.Equal("No meeting for 21 days", Assert.Single(flagged.Health.Reasons).ToString());
    }

    [Fact]
    public async Task Acknowledged_flag_comes_back_when_a_newer_post_arrives()
    {
        await AcknowledgeAsync(_coordinator, HealthStatus.NeedsCheckIn);
        _time.Now = _time.Now.AddHours(2);

        // The mentor writes up an older meeting late: the match is still overdue, but there is news.
        var late = await _features.Posts.CreateAsync(
            _programme.Id, _match.MentorId, HealthTestData.LateReport(_match, new DateTime(2026, 11, 16)));

        Assert.True(late.Saved);
        var flagged = Assert.Single(await _features.Health.ReadNeedAttentionAsync(_programme.Id));
        Assert.Equal(_match.Id, flagged.Health.MatchId);
    }

    [Fact]
    public async Task Acknowledged_flag_comes_back_when_a_support_contact_is_logged_after_it()
    {
        _time.Now = new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
        await AcknowledgeAsync(_coordinator, HealthStatus.NeedsCheckIn);

        // Logged at 10:00, an hour after the acknowledgement.
        await _database.AddSupportContactAsync(_match, new DateOnly(2026, 12, 3));

        Assert.Single(await _features.Health.ReadNeedAttentionAsync(_programme.Id));
    }

    [Fact]
    public async Task Mentor_cannot_acknowledge_and_nothing_is_stored()
    {
        var mentor = new Person { Id = _match.MentorId, DisplayName = "Iker Mentor" };

        var saved = await AcknowledgeAsync(mentor, HealthStatus.NeedsCheckIn);

        Assert.False(saved);
        Assert.Single(await _features.Health.ReadNeedAttentionAsync(_programme.Id));
        await using var db = await _database.OpenAsync();
        Assert.Equal(0, await db.Set<HealthAcknowledgement>().CountAsync());
    }

    [Fact]
    public async Task Match_of_another_programme_cannot_be_acknowledged_here()
    {
        var other = await _data.AddProgrammeAsync(_programme.NetworkId, "Hilltop Mentors");
        var mentor = await _data.AddPersonAsync("Pau Mentor", other.Id, ProgrammeRole.Mentor);
        var mentee = await _data.AddPersonAsync("Pau Mentee", other.Id, ProgrammeRole.Mentee);
        var elsewhere = await _data.AddMatchAsync(other.Id, mentor, mentee, new DateOnly(2026, 6, 1));

        var saved = await _features.Health.AcknowledgeAsync(
            UserOf(_coordinator), _programme.Id, elsewhere.Id, HealthStatus.AtRisk);

        Assert.False(saved);
    }

    private Task<bool> AcknowledgeAsync(Person person, HealthStatus status) =>
        _features.Health.AcknowledgeAsync(UserOf(person), _programme.Id, _match.Id, status);

    private static ClaimsPrincipal UserOf(Person person) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, person.Id)], "Test"));

    private TaskCompletionSource<ProgrammeEvent> Collect()
    {
        var received = new TaskCompletionSource<ProgrammeEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscription = _features.Events.Subscribe(_programme.Id, e =>
        {
            received.TrySetResult(e);
            return Task.CompletedTask;
        }, TimeSpan.Zero);
        received.Task.ContinueWith(_ => subscription.Dispose(), TaskScheduler.Default);
        return received;
    }
}
