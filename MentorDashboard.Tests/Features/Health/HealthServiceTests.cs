using MentorDashboard.Data;
using MentorDashboard.Features.Health;
using MentorDashboard.Tests.Support;

namespace MentorDashboard.Tests.Features.Health;

/// <summary>The service reads each match's facts from a real database and evaluates the programme's rules.</summary>
public sealed class HealthServiceTests : IAsyncLifetime
{
    private static readonly DateOnly Start = new(2026, 6, 1);

    private readonly FixedTime _time = FixedTime.At(2026, 12, 3);
    private TestDatabase _database = null!;
    private TestData _data = null!;
    private FeatureServices _features = null!;
    private Programme _programme = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _data = new TestData(_database);
        _features = new FeatureServices(_database, _time);
        var network = await _data.AddNetworkAsync();
        _programme = await _data.AddProgrammeAsync(network.Id, "Harbour Mentors");
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Match_needs_a_check_in_once_the_clock_reaches_fifteen_days_without_a_meeting()
    {
        var match = await AddMatchAsync("Iker");
        await _data.AddPostAsync(match, new DateOnly(2026, 11, 10));
        await _data.AddPostAsync(match, new DateOnly(2026, 11, 19));
        await _database.AddSupportContactAsync(match, new DateOnly(2026, 11, 20));

        var dayBefore = Assert.Single(await _features.Health.EvaluateAsync(_programme.Id));
        _time.Now = _time.Now.AddDays(1);
        var dayOf = Assert.Single(await _features.Health.EvaluateAsync(_programme.Id));

        Assert.Equal(HealthStatus.OnTrack, dayBefore.Health.Status);
        Assert.Equal(14, dayBefore.Health.DaysWithoutMeeting);
        Assert.Equal(HealthStatus.NeedsCheckIn, dayOf.Health.Status);
        Assert.Equal("No meeting for 15 days", Assert.Single(dayOf.Health.Reasons).ToString());
        Assert.Equal(("Iker Mentor", "Iker Mentee"), (dayOf.MentorName, dayOf.MenteeName));
    }

    [Fact]
    public async Task Latest_ratings_are_read_per_match_among_many_posts()
    {
        var badRun = await AddMatchAsync("Orla");
        var oneBad = await AddMatchAsync("Idris");
        for (var day = 1; day <= 20; day++)
        {
            await _data.AddPostAsync(badRun, new DateOnly(2026, 11, day), rating: 5);
            await _data.AddPostAsync(oneBad, new DateOnly(2026, 11, day), rating: 5);
        }

        await _data.AddPostAsync(badRun, new DateOnly(2026, 12, 1), rating: 2);
        await _data.AddPostAsync(badRun, new DateOnly(2026, 12, 2), rating: 1);
        await _data.AddPostAsync(oneBad, new DateOnly(2026, 12, 1), rating: 4);
        await _data.AddPostAsync(oneBad, new DateOnly(2026, 12, 2), rating: 1);
        await SaveRulesAsync(HealthRuleKind.PoorRatingsInARow);

        var health = await _features.Health.EvaluateAsync(_programme.Id);

        var flagged = Assert.Single(health, m => m.Health.NeedsAttention);
        Assert.Equal(badRun.Id, flagged.Health.MatchId);
        Assert.Equal(HealthStatus.AtRisk, flagged.Health.Status);
        Assert.Equal("The last 2 meetings went badly", Assert.Single(flagged.Health.Reasons).ToString());
    }

    [Theory]
    [InlineData(29, HealthStatus.OnTrack)]
    [InlineData(30, HealthStatus.NeedsCheckIn)]
    public async Task Few_meetings_counts_the_last_thirty_days_including_today(int daysAgo, HealthStatus expected)
    {
        var match = await AddMatchAsync("Nadia");
        await _data.AddPostAsync(match, _time.Today.AddDays(-daysAgo));
        await _data.AddPostAsync(match, _time.Today);
        await SaveRulesAsync(HealthRuleKind.FewMeetings);

        var health = Assert.Single(await _features.Health.EvaluateAsync(_programme.Id)).Health;

        Assert.Equal(expected, health.Status);
        Assert.Equal(
            expected == HealthStatus.OnTrack ? [] : ["1 meetings in the last 30 days, fewer than 2"],
            health.Reasons.Select(r => r.ToString()));
    }

    [Fact]
    public async Task Paused_and_closed_matches_are_left_out_unless_a_pause_outlasts_its_resume_date()
    {
        var paused = await AddMatchAsync("Pau");
        await _database.PauseAsync(paused, new DateOnly(2026, 10, 1), resume: new DateOnly(2026, 12, 3));
        var overdueResume = await AddMatchAsync("Oleh");
        await _database.PauseAsync(overdueResume, new DateOnly(2026, 10, 1), resume: new DateOnly(2026, 11, 30));
        var mentor = await _data.AddPersonAsync("Juno Mentor", _programme.Id, ProgrammeRole.Mentor);
        var mentee = await _data.AddPersonAsync("Juno Mentee", _programme.Id, ProgrammeRole.Mentee);
        await _data.AddMatchAsync(_programme.Id, mentor, mentee, Start, MatchStatus.Closed);

        var health = await _features.Health.EvaluateAsync(_programme.Id);

        var evaluated = Assert.Single(health);
        Assert.Equal(overdueResume.Id, evaluated.Health.MatchId);
        Assert.Equal(HealthStatus.NeedsCheckIn, evaluated.Health.Status);
        Assert.Equal("Paused; expected back 3 days ago", Assert.Single(evaluated.Health.Reasons).ToString());
    }

    [Fact]
    public async Task Matches_of_another_programme_are_not_evaluated()
    {
        var other = await _data.AddProgrammeAsync(_programme.NetworkId, "Hilltop Mentors");
        var mentor = await _data.AddPersonAsync("Wren Mentor", other.Id, ProgrammeRole.Mentor);
        var mentee = await _data.AddPersonAsync("Wren Mentee", other.Id, ProgrammeRole.Mentee);
        await _data.AddMatchAsync(other.Id, mentor, mentee, Start);
        var mine = await AddMatchAsync("Tam");

        var health = await _features.Health.EvaluateAsync(_programme.Id);

        Assert.Equal([mine.Id], health.Select(m => m.Health.MatchId));
    }

    [Fact]
    public async Task Support_contacts_count_toward_the_contact_standard()
    {
        var contacted = await AddMatchAsync("Ansel");
        await _database.AddSupportContactAsync(contacted, new DateOnly(2026, 11, 4));
        var behind = await AddMatchAsync("Sol");
        await _database.AddSupportContactAsync(behind, new DateOnly(2026, 11, 2));
        await SaveRulesAsync(HealthRuleKind.SupportContactBehind);

        var health = await _features.Health.EvaluateAsync(_programme.Id);

        var flagged = Assert.Single(health, m => m.Health.NeedsAttention);
        Assert.Equal(behind.Id, flagged.Health.MatchId);
        Assert.Equal("Behind on support contacts; the last was 31 days ago",
            Assert.Single(flagged.Health.Reasons).ToString());
    }

    [Fact]
    public async Task Need_attention_leaves_out_matches_on_track()
    {
        var onTrack = await AddMatchAsync("Mira");
        await _data.AddPostAsync(onTrack, new DateOnly(2026, 12, 1));
        var stopped = await AddMatchAsync("Lio");
        await _data.AddPostAsync(stopped, new DateOnly(2026, 11, 1));
        await SaveRulesAsync(HealthRuleKind.NoMeetingForDays);

        var attention = await _features.Health.ReadNeedAttentionAsync(_programme.Id);

        Assert.Equal([stopped.Id], attention.Select(m => m.Health.MatchId));
    }

    private async Task<Match> AddMatchAsync(string name)
    {
        var mentor = await _data.AddPersonAsync($"{name} Mentor", _programme.Id, ProgrammeRole.Mentor);
        var mentee = await _data.AddPersonAsync($"{name} Mentee", _programme.Id, ProgrammeRole.Mentee);
        return await _data.AddMatchAsync(_programme.Id, mentor, mentee, Start);
    }

    private Task SaveRulesAsync(HealthRuleKind kind) => _features.SaveDefaultRulesAsync(_programme.Id, kind);
}
