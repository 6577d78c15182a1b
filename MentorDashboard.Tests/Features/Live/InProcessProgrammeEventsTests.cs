using MentorDashboard.Features.Live;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorDashboard.Tests.Features.Live;

public sealed class InProcessProgrammeEventsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static readonly DateTime Noon = new(2026, 12, 3, 12, 0, 0, DateTimeKind.Utc);

    private readonly InProcessProgrammeEvents _hub =
        new(NullLogger<InProcessProgrammeEvents>.Instance, TimeProvider.System);

    [Fact]
    public async Task Subscriber_receives_its_programmes_events_only()
    {
        var received = new TaskCompletionSource<ProgrammeEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        var otherProgrammeCalls = 0;
        using var mine = _hub.Subscribe(1, e =>
        {
            received.TrySetResult(e);
            return Task.CompletedTask;
        }, TimeSpan.Zero);
        using var other = _hub.Subscribe(2, _ =>
        {
            Interlocked.Increment(ref otherProgrammeCalls);
            return Task.CompletedTask;
        }, TimeSpan.Zero);

        var published = Event(1, 1);
        await _hub.PublishAsync(published);

        Assert.Equal(published, await received.Task.WaitAsync(Patience));
        Assert.Equal(0, otherProgrammeCalls);
    }

    [Fact]
    public async Task Burst_of_events_is_coalesced_and_the_last_one_is_delivered()
    {
        var calls = new List<ProgrammeEvent>();
        var last = Event(1, 100);
        var sawLast = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = _hub.Subscribe(1, e =>
        {
            lock (calls)
            {
                calls.Add(e);
            }

            if (e == last)
            {
                sawLast.TrySetResult();
            }

            return Task.CompletedTask;
        }, TimeSpan.FromMilliseconds(200));

        for (var i = 1; i <= 100; i++)
        {
            await _hub.PublishAsync(Event(1, i));
        }

        await sawLast.Task.WaitAsync(Patience);
        lock (calls)
        {
            // The first event runs at once (unless the burst is over before it starts) and the rest of the
            // burst folds into the next call or two.
            Assert.InRange(calls.Count, 1, 5);
            Assert.Equal(last, calls[^1]);
        }
    }

    [Fact]
    public async Task Handler_never_runs_twice_at_once()
    {
        var running = 0;
        var overlapped = false;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var last = Event(1, 20);
        using var subscription = _hub.Subscribe(1, async e =>
        {
            overlapped |= Interlocked.Increment(ref running) > 1;
            await Task.Yield();
            Interlocked.Decrement(ref running);
            if (e == last)
            {
                done.TrySetResult();
            }
        }, TimeSpan.Zero);

        for (var i = 1; i <= 20; i++)
        {
            await _hub.PublishAsync(Event(1, i));
        }

        await done.Task.WaitAsync(Patience);
        Assert.False(overlapped);
    }

    [Fact]
    public async Task A_throwing_subscriber_does_not_stop_the_others_nor_its_own_later_events()
    {
        var throwingCalls = 0;
        var healthy = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstToThrower = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondToThrower = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var thrower = _hub.Subscribe(1, _ =>
        {
            (Interlocked.Increment(ref throwingCalls) == 1 ? firstToThrower : secondToThrower).TrySetResult();

            throw new InvalidOperationException("A broken dashboard.");
        }, TimeSpan.Zero);
        using var other = _hub.Subscribe(1, _ => { healthy.TrySetResult(); return Task.CompletedTask; }, TimeSpan.Zero);

        await _hub.PublishAsync(Event(1, 1));
        await Task.WhenAll(healthy.Task, firstToThrower.Task).WaitAsync(Patience);
        await _hub.PublishAsync(Event(1, 2));

        await secondToThrower.Task.WaitAsync(Patience);
    }

    [Fact]
    public async Task Disposed_subscription_receives_nothing_more()
    {
        var calls = 0;
        var subscription = _hub.Subscribe(1, _ => { Interlocked.Increment(ref calls); return Task.CompletedTask; },
            TimeSpan.Zero);
        subscription.Dispose();
        var witness = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var later = _hub.Subscribe(1, _ => { witness.TrySetResult(); return Task.CompletedTask; }, TimeSpan.Zero);

        await _hub.PublishAsync(Event(1, 1));

        await witness.Task.WaitAsync(Patience);
        Assert.Equal(0, calls);
    }

    private static ProgrammeEvent Event(int programmeId, int second) =>
        new(programmeId, ProgrammeEventKind.PostSaved, Noon.AddSeconds(second));
}
