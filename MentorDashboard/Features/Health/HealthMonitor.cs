using MentorDashboard.Data;
using MentorDashboard.Features.Live;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Features.Health;

/// <summary>What one pass of the monitor did.</summary>
/// <param name="Changed">Programmes whose statuses differ from the previous pass; each got a HealthChanged event.
/// </param>
public sealed record HealthPass(int Programmes, int Matches, int Changed);

/// <summary>
/// Re-evaluates every programme's health as time passes, so that a match which becomes overdue at midnight shows
/// on open dashboards without anyone posting. It runs at start, at least every <see cref="Interval"/>, and right
/// after local midnight, when day-based rules change. It keeps each programme's last statuses in memory and
/// publishes <see cref="ProgrammeEventKind.HealthChanged"/> for a programme whose statuses changed; saves publish
/// their own events, so the monitor only covers what time alone changes.
/// </summary>
/// <remarks>
/// "Statuses" are each match's status and the kinds of rule it breaks: a match that stays "needs check-in" but
/// now for an overdue questionnaire too is a change; a day count going up by one is not.
/// </remarks>
public sealed class HealthMonitor(
    IDbContextFactory<AppDbContext> dbFactory,
    HealthService health,
    IProgrammeEvents events,
    TimeProvider time,
    ILogger<HealthMonitor> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>Past midnight by this much, so a timer that fires a little early still finds the new day.</summary>
    private static readonly TimeSpan MidnightMargin = TimeSpan.FromSeconds(1);

    /// <summary>Per programme, per match: the status and broken rule kinds of the last pass.</summary>
    private readonly Dictionary<int, Dictionary<int, string>> _lastByProgramme = [];

    /// <summary>Raised after each pass; for tests and diagnostics.</summary>
    public event Action<HealthPass>? PassCompleted;

    /// <summary>How long to wait for the next pass: an hour, or until just after the next local midnight.</summary>
    internal static TimeSpan UntilNextPass(DateTimeOffset localNow, TimeZoneInfo zone)
    {
        var nextMidnight = localNow.Date.AddDays(1);
        var untilMidnight = new DateTimeOffset(nextMidnight, zone.GetUtcOffset(nextMidnight)) - localNow;
        return untilMidnight + MidnightMargin < Interval ? untilMidnight + MidnightMargin : Interval;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // SQLite's async calls complete synchronously, so without yielding the host would wait for the whole
        // first pass over every programme before it serves a request.
        await Task.Yield();
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            // The next pass is timed before this one runs, so a slow pass never pushes it past midnight.
            var wait = UntilNextPass(time.GetLocalNow(), time.LocalTimeZone);
            timer.Period = wait;
            HealthLog.MonitorWaiting(logger, wait);
            await RunPassAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RunPassAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var programmeIds = new List<int>();
        var matches = 0;
        var changed = 0;
        try
        {
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                programmeIds = await db.Programmes.Select(p => p.Id).ToListAsync(cancellationToken);
            }

            foreach (var programmeId in programmeIds)
            {
                var statuses = await EvaluateAsync(programmeId, cancellationToken);
                if (statuses is null)
                {
                    continue;
                }

                matches += statuses.Count;
                var isFirst = !_lastByProgramme.TryGetValue(programmeId, out var before);
                _lastByProgramme[programmeId] = statuses;
                if (!isFirst && !Same(before!, statuses))
                {
                    changed++;
                    await events.PublishAsync(
                        new ProgrammeEvent(
                            programmeId, ProgrammeEventKind.HealthChanged, time.GetUtcNow().UtcDateTime),
                        cancellationToken);
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Reading the programmes failed (the database is busy or gone): the next pass tries again.
            HealthLog.MonitorPassFailed(logger, exception);
        }

        foreach (var gone in _lastByProgramme.Keys.Except(programmeIds).ToList())
        {
            _lastByProgramme.Remove(gone);
        }

        var elapsedMs = time.GetElapsedTime(started).TotalMilliseconds;
        HealthLog.MonitorPass(logger, programmeIds.Count, matches, elapsedMs, changed);
        PassCompleted?.Invoke(new HealthPass(programmeIds.Count, matches, changed));
    }

    /// <summary>The programme's statuses, or null when it could not be evaluated (logged; one programme's
    /// failure does not stop the others).</summary>
    private async Task<Dictionary<int, string>?> EvaluateAsync(int programmeId, CancellationToken cancellationToken)
    {
        try
        {
            return (await health.EvaluateAsync(programmeId, cancellationToken: cancellationToken)).ToDictionary(
                m => m.Health.MatchId,
                m => string.Join(',', m.Health.Reasons
                    .Select(r => r.Kind?.ToString())
                    .Distinct()
                    .Prepend(m.Health.Status.ToString())));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            HealthLog.MonitorProgrammeFailed(logger, exception, programmeId);
            return null;
        }
    }

    private static bool Same(Dictionary<int, string> before, Dictionary<int, string> now) =>
        before.Count == now.Count
        && now.All(pair => before.TryGetValue(pair.Key, out var status) && status == pair.Value);
}
