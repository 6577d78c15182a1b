using MentorDashboard.Data;
using MentorDashboard.Features.Newsroom;
using MentorDashboard.Tests.Features.Matches;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Tests.Features.Newsroom;

/// <summary>Which meetings a paused or closed match still takes reports of.</summary>
public sealed class PostLifecycleTests : IAsyncLifetime
{
    private MatchScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await MatchScenario.CreateAsync();

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Closed_match_takes_a_late_report_dated_on_its_closure_date()
    {
        await CloseAsync(new DateTime(2026, 11, 30));

        var result = await PostAsync(new DateTime(2026, 11, 30));

        Assert.True(result.Saved, string.Join("; ", result.Errors.Select(e => e.Message)));
    }

    [Fact]
    public async Task Closed_match_takes_no_post_dated_after_its_closure_date()
    {
        await CloseAsync(new DateTime(2026, 11, 30));

        var result = await PostAsync(new DateTime(2026, 12, 1));

        var error = Assert.Single(result.Errors);
        Assert.Equal(
            (PostFields.Date, "This match is closed; only meetings up to its closure date can be reported."),
            (error.Field, error.Message));
        await using var db = await _scenario.Database.OpenAsync();
        Assert.Equal(0, await db.Posts.CountAsync());
    }

    [Fact]
    public async Task Paused_match_takes_reports_up_to_the_day_its_pause_began_and_none_after()
    {
        var paused = await _scenario.PauseAsync(new DateTime(2026, 11, 28), "Exams", new DateTime(2027, 1, 9));
        Assert.True(paused.Saved);

        var onThePauseDay = await PostAsync(new DateTime(2026, 11, 28));
        var duringThePause = await PostAsync(new DateTime(2026, 12, 2));

        Assert.True(onThePauseDay.Saved);
        Assert.StartsWith("This match is paused;", Assert.Single(duringThePause.Errors).Message);
    }

    [Fact]
    public async Task Post_form_offers_paused_and_recently_closed_matches_but_not_long_closed_ones()
    {
        var paused = await AddMatchAsync("Oleh Test", MatchStatus.Paused, closure: null);
        var recent = await AddMatchAsync("Pau Test", MatchStatus.Closed, closure: new DateOnly(2026, 11, 19));
        await AddMatchAsync("Wen Test", MatchStatus.Closed, closure: new DateOnly(2026, 11, 18));

        var options = await _scenario.Services.Posts.ListMatchesOfMentorAsync(
            _scenario.Programme.Id, _scenario.Mentor.Id);

        (int, MatchStatus)[] expected =
        [
            (_scenario.Match.Id, MatchStatus.Active),
            (paused.Id, MatchStatus.Paused),
            (recent.Id, MatchStatus.Closed),
        ];
        Assert.Equal(expected, options.Select(o => (o.MatchId, o.Status)));
    }

    private async Task<Match> AddMatchAsync(string menteeName, MatchStatus status, DateOnly? closure)
    {
        var mentee = await _scenario.Data.AddPersonAsync(menteeName, _scenario.Programme.Id, ProgrammeRole.Mentee);
        var match = await _scenario.Data.AddMatchAsync(
            _scenario.Programme.Id, _scenario.Mentor, mentee, new DateOnly(2026, 3, 1), status);
        await using var db = await _scenario.Database.OpenAsync();
        await db.Matches.Where(m => m.Id == match.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClosureDate, closure));
        return match;
    }

    private async Task CloseAsync(DateTime date)
    {
        var result = await _scenario.CloseAsync((await _scenario.ReasonAsync("Goal reached")).Id, date);
        Assert.True(result.Saved, string.Join("; ", result.Errors.Select(e => e.Text)));
    }

    private Task<PostResult> PostAsync(DateTime date) =>
        _scenario.Services.Posts.CreateAsync(_scenario.Programme.Id, _scenario.Mentor.Id, new PostInput
        {
            MatchId = _scenario.Match.Id,
            Date = date,
            Minutes = 60,
            ActivityTypeKey = "activity.walk",
            TopicKeys = ["topic.work"],
            Rating = 4,
            Text = "We walked along the harbour.",
        });
}
