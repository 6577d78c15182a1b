using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MentorDashboard.Tests.Features.Reminders;

/// <summary>A logger provider that keeps every entry, so a test can wait for one and count them.</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, int EventId, string Message)> _entries = new();
    private readonly SemaphoreSlim _logged = new(0);

    public IReadOnlyList<(LogLevel Level, int EventId, string Message)> Entries => [.. _entries];

    public int Count(int eventId) => Entries.Count(e => e.EventId == eventId);

    /// <summary>Waits until <paramref name="count"/> entries with the event id have been logged in all.</summary>
    public async Task WaitForAsync(int eventId, int count = 1)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (Count(eventId) < count)
        {
            var left = until - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _logged.WaitAsync(left))
            {
                throw new TimeoutException($"Event {eventId} was logged {Count(eventId)} times, not {count}.");
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose() => _logged.Dispose();

    private sealed class Logger(CapturedLogs logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            logs._entries.Enqueue((logLevel, eventId.Id, formatter(state, exception)));
            logs._logged.Release();
        }
    }
}
