using System.Security.Claims;
using MentorDashboard.Data;
using MentorDashboard.Features.Accounts;
using MentorDashboard.Features.Live;
using MentorDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace MentorDashboard.Tests.Features.Live;

/// <summary>A circuit hears a programme's events only while its person passes the page's policy.</summary>
public sealed class LiveAccessTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = null!;
    private FeatureServices _features = null!;
    private Programme _harbour = null!;
    private Programme _riverside = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _features = new FeatureServices(_database, _time);
        var data = new TestData(_database);
        var network = await data.AddNetworkAsync("Coastal Network");
        _harbour = await data.AddProgrammeAsync(network.Id, "Harbour Mentors");
        var otherNetwork = await data.AddNetworkAsync("Inland Network");
        _riverside = await data.AddProgrammeAsync(otherNetwork.Id, "Riverside Mentors");
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Subscribing_to_another_programme_is_refused_and_hears_nothing()
    {
        var coordinator = await AddPersonAsync("Wren Halloway", _harbour, ProgrammeRole.Coordinator);
        var listener = new Listener();

        var subscription = await SubscribeAsync(coordinator, _riverside, ProgrammePolicies.Member, listener);

        Assert.Null(subscription);
        Assert.Equal(0, _features.Events.SubscriberCount(_riverside.Id));
        Assert.Equal(0, _features.Events.SubscriberCount(_harbour.Id));
    }

    [Theory]
    [InlineData(ProgrammeRole.Mentee, ProgrammePolicies.Member, true)]
    [InlineData(ProgrammeRole.Mentor, ProgrammePolicies.Member, true)]
    [InlineData(ProgrammeRole.Mentor, ProgrammePolicies.Coordinator, false)]
    [InlineData(ProgrammeRole.Coordinator, ProgrammePolicies.Coordinator, true)]
    public async Task Subscription_follows_the_pages_policy(ProgrammeRole role, string policy, bool subscribed)
    {
        var person = await AddPersonAsync("Orla Fenwick", _harbour, role);

        using var subscription = await SubscribeAsync(person, _harbour, policy, new Listener());

        Assert.Equal(subscribed, subscription is not null);
        Assert.Equal(subscribed ? 1 : 0, _features.Events.SubscriberCount(_harbour.Id));
    }

    [Fact]
    public async Task Researcher_of_the_network_cannot_listen_to_a_programmes_newsroom()
    {
        var researcher = await AddPersonAsync("Ines Marlow", programme: null, role: null);
        await SetAsync(researcher, p => p.ResearcherOfNetworkId = _harbour.NetworkId);

        var subscription = await SubscribeAsync(researcher, _harbour, ProgrammePolicies.Member, new Listener());

        Assert.Null(subscription);
    }

    [Fact]
    public async Task Removed_coordinator_stops_hearing_events_at_the_next_check()
    {
        var coordinator = await AddPersonAsync("Wren Halloway", _harbour, ProgrammeRole.Coordinator);
        var listener = new Listener();
        using var subscription = await SubscribeAsync(coordinator, _harbour, ProgrammePolicies.Coordinator, listener);
        await PublishAsync(1);
        await listener.WaitForAsync(1);

        await using (var db = await _database.OpenAsync())
        {
            await db.Memberships.Where(m => m.PersonId == coordinator.Id).ExecuteDeleteAsync();
        }

        // Within the cached answer the flow goes on; that is the promised delay, not more.
        _time.Advance(LiveAccess.RecheckAfter / 2);
        await PublishAsync(2);
        await listener.WaitForAsync(2);
        _time.Advance(LiveAccess.RecheckAfter);
        await PublishAsync(3);

        await listener.Ended.Task.WaitAsync(Patience);
        Assert.Equal<int>([1, 2], listener.Received);
        Assert.Equal(0, _features.Events.SubscriberCount(_harbour.Id));
    }

    [Fact]
    public async Task Disabled_person_stops_hearing_events_before_the_circuit_revalidates()
    {
        var mentor = await AddPersonAsync("Orla Fenwick", _harbour, ProgrammeRole.Mentor);
        var listener = new Listener();
        using var subscription = await SubscribeAsync(mentor, _harbour, ProgrammePolicies.Member, listener);

        await SetAsync(mentor, p => p.DisabledAtUtc = _time.GetUtcNow().UtcDateTime);
        _time.Advance(LiveAccess.RecheckAfter);
        await PublishAsync(1);

        await listener.Ended.Task.WaitAsync(Patience);
        Assert.Empty(listener.Received);
    }

    [Fact]
    public async Task Person_still_in_the_programme_keeps_hearing_events_after_the_check()
    {
        var mentee = await AddPersonAsync("Tam Brightwater", _harbour, ProgrammeRole.Mentee);
        var listener = new Listener();
        using var subscription = await SubscribeAsync(mentee, _harbour, ProgrammePolicies.Member, listener);

        _time.Advance(LiveAccess.RecheckAfter * 3);
        await PublishAsync(1);

        await listener.WaitForAsync(1);
        Assert.False(listener.Ended.Task.IsCompleted);
        Assert.Equal(1, _features.Events.SubscriberCount(_harbour.Id));
    }

    private Task<IDisposable?> SubscribeAsync(Person person, Programme programme, string policy, Listener listener) =>
        _features.Live.SubscribeAsync(
            UserOf(person), programme.Id, policy, listener.OnEventAsync, TimeSpan.Zero, listener.OnEndedAsync);

    /// <summary>An event of Harbour Mentors whose minute tells which one it is.</summary>
    private Task PublishAsync(int number) =>
        _features.Events.PublishAsync(new ProgrammeEvent(
            _harbour.Id, ProgrammeEventKind.PostSaved, new DateTime(2026, 12, 3, 12, number, 0, DateTimeKind.Utc)));

    private static ClaimsPrincipal UserOf(Person person) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, person.Id)], "Test"));

    private Task<Person> AddPersonAsync(string name, Programme? programme, ProgrammeRole? role) =>
        new TestData(_database).AddPersonAsync(name, programme?.Id, role);

    private async Task SetAsync(Person person, Action<Person> change)
    {
        await using var db = await _database.OpenAsync();
        var stored = await db.Users.SingleAsync(p => p.Id == person.Id);
        change(stored);
        await db.SaveChangesAsync();
    }

    /// <summary>Records the events delivered (by their minute) and whether the flow ended.</summary>
    private sealed class Listener
    {
        private readonly Lock _gate = new();
        private readonly List<int> _received = [];
        private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];

        public TaskCompletionSource Ended { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyList<int> Received
        {
            get
            {
                lock (_gate)
                {
                    return [.. _received];
                }
            }
        }

        public Task OnEventAsync(ProgrammeEvent programmeEvent)
        {
            lock (_gate)
            {
                _received.Add(programmeEvent.OccurredAtUtc.Minute);
                foreach (var waiter in _waiters.Where(w => w.Count <= _received.Count))
                {
                    waiter.Reached.TrySetResult();
                }
            }

            return Task.CompletedTask;
        }

        public Task OnEndedAsync()
        {
            Ended.TrySetResult();
            return Task.CompletedTask;
        }

        public Task WaitForAsync(int count)
        {
            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate)
            {
                if (_received.Count >= count)
                {
                    return Task.CompletedTask;
                }

                _waiters.Add((count, reached));
            }

            return reached.Task.WaitAsync(Patience);
        }
    }
}
