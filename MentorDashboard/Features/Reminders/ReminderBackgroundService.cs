using Microsoft.Extensions.Options;

namespace MentorDashboard.Features.Reminders;

/// <summary>
/// Checks for e-mail reminders on start and then every <see cref="ReminderOptions.CheckInterval"/> (at most an
/// hour), on the app's <see cref="TimeProvider"/>. A failed check is logged and the next one runs as planned;
/// nothing stops the service but the app stopping. Without an SMTP host it says so once and does nothing.
/// </summary>
public sealed class ReminderBackgroundService(
    ReminderCheck check,
    IOptions<ReminderOptions> options,
    IOptions<SmtpOptions> smtp,
    TimeProvider time,
    ILogger<ReminderBackgroundService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!smtp.Value.IsEnabled)
        {
            RemindersLog.EmailOff(logger);
            return;
        }

        // The first check runs at once; yield so the host does not wait for it (SQLite's async calls complete
        // synchronously) before it serves requests.
        await Task.Yield();
        var interval = options.Value.CheckInterval;
        RemindersLog.Started(logger, interval);
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            do
            {
                await RunCheckAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app is stopping.
        }
    }

    private async Task RunCheckAsync(CancellationToken stoppingToken)
    {
        try
        {
            await check.RunAsync(stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            RemindersLog.CheckFailed(logger, exception);
        }
    }
}
