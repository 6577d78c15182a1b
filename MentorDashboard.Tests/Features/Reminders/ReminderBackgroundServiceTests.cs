using MentorDashboard.Features.Reminders;
using MentorDashboard.Tests.Support;

namespace MentorDashboard.Tests.Features.Reminders;

/// <summary>The hourly check on a fake clock: the test moves time on instead of waiting for it.</summary>
public sealed class ReminderBackgroundServiceTests
{
    private const int SmtpUnreachable = 8104;
    private const int Checked = 8103;
    private const int EmailOff = 8101;

    [Fact]
    public async Task Down_smtp_server_is_logged_and_the_reminder_goes_out_at_the_next_check()
    {
        var port = LoopbackSmtpServer.FreePort();
        await using var scenario = await ReminderScenario.CreateAsync(port);
        var service = scenario.BackgroundService;

        await service.StartAsync(CancellationToken.None);
        await scenario.Logs.WaitForAsync(SmtpUnreachable);
        await using var smtp = await LoopbackSmtpServer.StartAsync(port);
        scenario.Time.Advance(TimeSpan.FromHours(1));

        var message = Assert.Single(await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(10)));
        await scenario.Logs.WaitForAsync(Checked);
        Assert.Equal("Time to report your meetings", message.Subject);
        Assert.False(service.ExecuteTask!.IsCompleted);
        await service.StopAsync(CancellationToken.None);
        Assert.True(service.ExecuteTask.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Checks_run_again_every_hour_and_the_rate_limit_holds_between_them()
    {
        await using var smtp = await LoopbackSmtpServer.StartAsync();
        await using var scenario = await ReminderScenario.CreateAsync(smtp.Port);
        var service = scenario.BackgroundService;

        await service.StartAsync(CancellationToken.None);
        await scenario.Logs.WaitForAsync(Checked);
        scenario.Time.Advance(TimeSpan.FromHours(1));
        await scenario.Logs.WaitForAsync(Checked, count: 2);
        await service.StopAsync(CancellationToken.None);

        Assert.Single(smtp.Messages);
        Assert.Contains(scenario.Logs.Entries, e => e.EventId == Checked && e.Message.Contains("0 e-mails sent"));
    }

    [Fact]
    public async Task Without_an_smtp_host_email_is_off_and_said_so_once()
    {
        await using var scenario = await ReminderScenario.CreateAsync(
            settings: new Dictionary<string, string?> { ["Smtp:Host"] = "" });
        var service = scenario.BackgroundService;

        await service.StartAsync(CancellationToken.None);
        await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));
        scenario.Time.Advance(TimeSpan.FromHours(3));
        var run = await scenario.Check.RunAsync(CancellationToken.None);

        Assert.Equal(1, scenario.Logs.Count(EmailOff));
        Assert.Equal(0, scenario.Logs.Count(Checked));
        Assert.Equal(new ReminderRun(0, 0), run);
    }
}
