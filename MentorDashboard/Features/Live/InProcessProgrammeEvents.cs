using System.Collections.Concurrent;

namespace MentorDashboard.Features.Live;

/// <summary>The single-server event hub: subscriptions live in memory, keyed by programme.</summary>
public sealed partial class InProcessProgrammeEvents(ILogger<InProcessProgrammeEvents> logger, TimeProvider time)
    : IProgrammeEvents
{
    private readonly ConcurrentDictionary<int, ConcurrentDictionary<CoalescingSubscription, byte>> _byProgramme = new();

    public Task PublishAsync(ProgrammeEvent programmeEvent, CancellationToken cancellationToken = default)
    {
        if (!_byProgramme.TryGetValue(programmeEvent.ProgrammeId, out var subscriptions))
        {
            return Task.CompletedTask;
        }

        var count = 0;
        foreach (var subscription in subscriptions.Keys)
        {
            subscription.Notify(programmeEvent);
            count++;
        }

        LogPublished(logger, programmeEvent.ProgrammeId, programmeEvent.Kind, count);
        return Task.CompletedTask;
    }

    public IDisposable Subscribe(int programmeId, Func<ProgrammeEvent, Task> handler, TimeSpan minInterval)
    {
        var subscriptions = _byProgramme.GetOrAdd(programmeId, _ => new());
        CoalescingSubscription? subscription = null;
        subscription = new CoalescingSubscription(
            handler,
            minInterval,
            time,
            onError: exception => LogSubscriberFailed(logger, exception, programmeId),
            onDispose: () => subscriptions.TryRemove(subscription!, out _));
        subscriptions.TryAdd(subscription, 0);
        return subscription;
    }

    /// <summary>How many live views listen to a programme now; for tests and diagnostics.</summary>
    public int SubscriberCount(int programmeId) =>
        _byProgramme.TryGetValue(programmeId, out var subscriptions) ? subscriptions.Count : 0;

    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug,
        Message = "Programme {ProgrammeId} event {Kind} handed to {Subscribers} subscribers")]
    private static partial void LogPublished(ILogger logger, int programmeId, ProgrammeEventKind kind, int subscribers);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error,
        Message = "A subscriber to programme {ProgrammeId} failed; the other subscribers were still notified")]
    private static partial void LogSubscriberFailed(ILogger logger, Exception exception, int programmeId);
}
