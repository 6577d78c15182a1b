namespace MentorDashboard.Features.Live;

/// <summary>
/// Turns a stream of events into calls of one handler: the first event runs at once, events that arrive while
/// the handler runs or within the minimum interval are folded into one later call with the newest event.
/// So 100 posts in a second cost a dashboard a handful of refreshes, and the last post is never missed.
/// </summary>
internal sealed class CoalescingSubscription(
    Func<ProgrammeEvent, Task> handler,
    TimeSpan minInterval,
    TimeProvider time,
    Action<Exception> onError,
    Action onDispose) : IDisposable
{
    private readonly Lock _gate = new();
    private ProgrammeEvent? _pending;
    private bool _running;
    private bool _disposed;

    public void Notify(ProgrammeEvent programmeEvent)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _pending = programmeEvent;
            if (_running)
            {
                return;
            }

            _running = true;
        }

        // The publisher never waits for a subscriber's refresh.
        _ = Task.Run(DeliverAsync);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _pending = null;
        }

        onDispose();
    }

    private async Task DeliverAsync()
    {
        while (true)
        {
            ProgrammeEvent next;
            lock (_gate)
            {
                if (_pending is null || _disposed)
                {
                    _running = false;
                    return;
                }

                next = _pending;
                _pending = null;
            }

            var started = time.GetTimestamp();
            try
            {
                await handler(next);
            }
            catch (Exception exception)
            {
                // One failing dashboard must not stop this subscription nor the hub's other subscribers.
                onError(exception);
            }

            var remaining = minInterval - time.GetElapsedTime(started);
            if (remaining > TimeSpan.Zero)
            {
                await Task.Delay(remaining, time);
            }
        }
    }
}
