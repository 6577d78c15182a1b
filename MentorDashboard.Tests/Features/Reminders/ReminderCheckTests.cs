using MentorDashboard.Data;
using MentorDashboard.Features.Reminders;
using MentorDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Tests.Features.Reminders;

/// <summary>E-mail reminders sent to a real SMTP server on 127.0.0.1 that the test starts.</summary>
public sealed class ReminderCheckTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private LoopbackSmtpServer _smtp = null!;
    private ReminderScenario _scenario = null!;

    public async ValueTask InitializeAsync()
    {
        _smtp = await LoopbackSmtpServer.StartAsync();
        _scenario = await ReminderScenario.CreateAsync(_smtp.Port);
    }

    public async ValueTask DisposeAsync()
    {
        await _scenario.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task Mentor_without_a_post_for_fourteen_days_gets_an_email_naming_no_mentee_and_quoting_no_post()
    {
        var run = await _scenario.Check.RunAsync(CancellationToken.None);

        Assert.Equal(new ReminderRun(1, 0), run);
        var message = Assert.Single(await _smtp.WaitForMessagesAsync(1, Wait));
        Assert.Equal("iker.test@mentors.test", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("reminders@mentors.test", Assert.Single(message.From.Mailboxes).Address);
        Assert.Equal("Time to report your meetings", message.Subject);
        var body = message.TextBody;
        Assert.Contains("Hello Iker Test,", body);
        Assert.Contains("Harbour Mentors: no meeting report for 14 days or more in 1 of your matches.", body);
        Assert.Contains($"https://mentors.test/programmes/{_scenario.Programme.Id}/newsroom", body);
        Assert.Contains("https://mentors.test/account/reminders", body);
        Assert.DoesNotContain("Selam", body);
        Assert.DoesNotContain(ReminderScenario.PostText, body);
    }

    [Fact]
    public async Task Second_check_within_the_rate_limit_sends_nothing_and_one_after_it_sends_again()
    {
        await _scenario.Check.RunAsync(CancellationToken.None);
        await _smtp.WaitForMessagesAsync(1, Wait);

        _scenario.Time.Advance(TimeSpan.FromDays(6));
        var withinLimit = await _scenario.Check.RunAsync(CancellationToken.None);
        _scenario.Time.Advance(TimeSpan.FromDays(1));
        var afterLimit = await _scenario.Check.RunAsync(CancellationToken.None);

        Assert.Equal(new ReminderRun(0, 0), withinLimit);
        Assert.Equal(new ReminderRun(1, 0), afterLimit);
        Assert.Equal(2, (await _smtp.WaitForMessagesAsync(2, Wait)).Count);
        await using var db = await _scenario.Database.OpenAsync();
        Assert.Equal(2, await db.Set<SentReminder>().CountAsync(r => r.PersonId == _scenario.Mentor.Id));
    }

    [Fact]
    public async Task Mentor_who_turned_email_reminders_off_gets_none()
    {
        await _scenario.Reminders.SaveChoicesAsync(_scenario.Mentor.Id, new ReminderChoices(InApp: true, Email: false));

        var run = await _scenario.Check.RunAsync(CancellationToken.None);

        Assert.Equal(new ReminderRun(0, 0), run);
        Assert.Empty(_smtp.Messages);
    }

    [Fact]
    public async Task Due_questionnaire_comes_in_an_email_of_its_own_with_its_title_and_no_partner_name()
    {
        // Iker's questionnaire fell due 30 days after the start, on 31 October; it has not been answered.
        var questionnaire = await _scenario.AddMentorQuestionnaireAsync();

        var run = await _scenario.Check.RunAsync(CancellationToken.None);

        Assert.Equal(new ReminderRun(2, 0), run);
        var messages = await _smtp.WaitForMessagesAsync(2, Wait);
        var due = Assert.Single(messages, m => m.Subject == "A questionnaire is waiting for you");
        Assert.Contains($"- {questionnaire.Title}, due", due.TextBody);
        Assert.Contains("Harbour Mentors: questionnaires to answer:", due.TextBody);
        Assert.DoesNotContain("Selam", due.TextBody);
    }

    [Fact]
    public async Task Recent_post_paused_and_closed_matches_and_mentors_without_a_confirmed_address_get_no_email()
    {
        await _scenario.Data.AddPostAsync(_scenario.Match, _scenario.Today.AddDays(-13));
        await AddQuietMatchAsync("Noor Test", MatchStatus.Paused);
        await AddQuietMatchAsync("Ines Test", MatchStatus.Closed);
        var unconfirmed = await AddQuietMatchAsync("Lea Test", MatchStatus.Active);
        await using (var db = await _scenario.Database.OpenAsync())
        {
            await db.Users.Where(p => p.Id == unconfirmed.MentorId)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.EmailConfirmed, false));
        }

        var run = await _scenario.Check.RunAsync(CancellationToken.None);

        Assert.Equal(new ReminderRun(0, 0), run);
        Assert.Empty(_smtp.Messages);
    }

    [Fact]
    public async Task Mentor_whose_last_post_is_exactly_fourteen_days_old_is_reminded()
    {
        await _scenario.Data.AddPostAsync(_scenario.Match, _scenario.Today.AddDays(-14));

        var run = await _scenario.Check.RunAsync(CancellationToken.None);

        Assert.Equal(new ReminderRun(1, 0), run);
        Assert.Equal("Time to report your meetings", Assert.Single(await _smtp.WaitForMessagesAsync(1, Wait)).Subject);
    }

    private async Task<Match> AddQuietMatchAsync(string mentorName, MatchStatus status)
    {
        var mentor = await _scenario.AddMentorAsync(mentorName);
        var mentee = await _scenario.Data.AddPersonAsync($"{mentorName} Mentee", _scenario.Programme.Id,
            ProgrammeRole.Mentee);
        var match = await _scenario.Data.AddMatchAsync(
            _scenario.Programme.Id, mentor, mentee, ReminderScenario.Start, status);
        if (status == MatchStatus.Paused)
        {
            await using var db = await _scenario.Database.OpenAsync();
            await db.Matches.Where(m => m.Id == match.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.PausedOn, _scenario.Today.AddDays(-30)));
        }

        return match;
    }
}
