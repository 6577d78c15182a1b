using System.Diagnostics;
using MentorDashboard.Features.Live;
using MentorDashboard.Features.Newsroom;

namespace MentorDashboard.Bench;

/// <param name="EventLatency">From calling CreateAsync until the subscriber handles the event.</param>
/// <param name="EventsBeforeReturn">Saves whose event was handled before CreateAsync returned.</param>
internal sealed record SaveToEventResult(
    Timings EventLatency, Timings CreateCall, int EventsBeforeReturn);

/// <summary>
/// Times what a coordinator waits for before the dashboard starts to refresh: a mentor's post saved
/// through <see cref="PostService.CreateAsync"/> until the programme's hub hands its event to a
/// subscriber. Posts are saved one after another and each waits for its event, so no two events are
/// ever coalesced.
/// </summary>
internal sealed class SaveToEventBenchmark(BenchApp app, SampleProgramme programme)
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(10);

    private readonly List<SampleMatch> _activeMatches = [.. programme.Matches.Where(m => m.Active)];
    private TaskCompletionSource<(ProgrammeEvent Event, long HandledAt)> _delivered = new();
    private int _saved;

    public async Task<SaveToEventResult> RunAsync(
        int warmups, int saves, CancellationToken cancellationToken)
    {
        // Zero interval: every event is delivered, none held back by the throttle a dashboard uses.
        using var subscription = app.Events.Subscribe(programme.Id, OnEventAsync, TimeSpan.Zero);
        for (var i = 0; i < warmups; i++)
        {
            await SaveAsync(cancellationToken);
        }

        var latencies = new List<double>(saves);
        var calls = new List<double>(saves);
        var eventsBeforeReturn = 0;
        for (var i = 0; i < saves; i++)
        {
            var (started, returned, handled) = await SaveAsync(cancellationToken);
            latencies.Add(Stopwatch.GetElapsedTime(started, handled).TotalMilliseconds);
            calls.Add(Stopwatch.GetElapsedTime(started, returned).TotalMilliseconds);
            eventsBeforeReturn += handled < returned ? 1 : 0;
        }

        return new SaveToEventResult(
            new Timings(latencies), new Timings(calls), eventsBeforeReturn);
    }

    /// <summary>Saves the next post as its match's mentor; returns when it was called, returned and
    /// its event handled, as <see cref="Stopwatch"/> timestamps.</summary>
    private async Task<(long Started, long Returned, long Handled)> SaveAsync(
        CancellationToken cancellationToken)
    {
        var match = _activeMatches[_saved % _activeMatches.Count];
        var input = NewPost(match, app.Posts.Today, _saved++);
        var delivered = new TaskCompletionSource<(ProgrammeEvent, long)>(
            TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _delivered, delivered);

        var started = Stopwatch.GetTimestamp();
        var result = await app.Posts.CreateAsync(
            programme.Id, match.MentorId, input, cancellationToken);
        var returned = Stopwatch.GetTimestamp();
        if (result.Post is null)
        {
            throw new InvalidOperationException("A benchmark post was refused: "
                + string.Join("; ", result.Errors.Select(e => e.Message)));
        }

        var (programmeEvent, handled) =
            await delivered.Task.WaitAsync(EventTimeout, cancellationToken);
        if (programmeEvent.OccurredAtUtc != result.Post.CreatedAtUtc)
        {
            throw new InvalidOperationException("The event handled is not the saved post's.");
        }

        return (started, returned, handled);
    }

    private Task OnEventAsync(ProgrammeEvent programmeEvent)
    {
        var handled = Stopwatch.GetTimestamp();
        Volatile.Read(ref _delivered).TrySetResult((programmeEvent, handled));
        return Task.CompletedTask;
    }

    private static PostInput NewPost(SampleMatch match, DateOnly today, int index) => new()
    {
        MatchId = match.Id,
        Date = today.ToDateTime(TimeOnly.MinValue),
        Minutes = 60,
        ActivityTypeKey = SampleNetwork.ActivityKeys[index % SampleNetwork.ActivityKeys.Length],
        TopicKeys = [SampleNetwork.TopicKeys[index % SampleNetwork.TopicKeys.Length]],
        Rating = 4,
        Text = "We met and talked about the week.",
    };
}
