using System.Globalization;
using MentorDashboard.Data;
using MentorDashboard.Features.Dashboard;
using MentorDashboard.Features.Health;
using MentorDashboard.Tests.Features.Health;
using MentorDashboard.Tests.Support;

namespace MentorDashboard.Tests.Features.Dashboard;

public sealed class DashboardServiceTests : IAsyncLifetime
{
    // A Thursday, so the current week started on Monday 30 November.
    private readonly FixedTime _time = FixedTime.At(2026, 12, 3);
    private TestDatabase _database = null!;
    private TestData _data = null!;
    private FeatureServices _services = null!;
    private Programme _programme = null!;
    private Programme _otherProgramme = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _data = new TestData(_database);
        _services = new FeatureServices(_database, _time);
        var network = await _data.AddNetworkAsync();
        _programme = await _data.AddProgrammeAsync(network.Id, "Harbour Mentors");
        _otherProgramme = await _data.AddProgrammeAsync(network.Id, "Hilltop Mentors");
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Meetings_per_week_counts_posts_in_each_of_the_last_twelve_weeks()
    {
        var match = await AddMatchAsync(_programme, new DateOnly(2026, 1, 5));
        await _data.AddPostAsync(match, new DateOnly(2026, 12, 3));
        await _data.AddPostAsync(match, new DateOnly(2026, 11, 30));
        await _data.AddPostAsync(match, new DateOnly(2026, 11, 29));
        await _data.AddPostAsync(match, new DateOnly(2026, 9, 14));
        await _data.AddPostAsync(match, new DateOnly(2026, 9, 13));

        var weeks = (await _services.Dashboard.LoadAsync(_programme.Id)).MeetingsPerWeek;

        Assert.Equal(12, weeks.Count);
        Assert.Equal(new DateOnly(2026, 9, 14), weeks[0].WeekStart);
        Assert.Equal(new DateOnly(2026, 11, 30), weeks[^1].WeekStart);
        Assert.Equal(2, weeks[^1].Meetings);
        Assert.Equal(1, weeks[^2].Meetings);
        Assert.Equal(1, weeks[0].Meetings);
        Assert.Equal(4, weeks.Sum(w => w.Meetings));
    }

    [Fact]
    public async Task Headline_sums_this_month_and_counts_active_matches_only()
    {
        var match = await AddMatchAsync(_programme, new DateOnly(2026, 1, 5));
        await AddMatchAsync(_programme, new DateOnly(2025, 1, 5), MatchStatus.Closed);
        await _data.AddPostAsync(match, new DateOnly(2026, 12, 1), minutes: 90, rating: 5);
        await _data.AddPostAsync(match, new DateOnly(2026, 12, 2), minutes: 30, rating: 2);
        await _data.AddPostAsync(match, new DateOnly(2026, 11, 30), minutes: 600, rating: 1);

        var headline = (await _services.Dashboard.LoadAsync(_programme.Id)).Headline;

        Assert.Equal(1, headline.ActiveMatches);
        Assert.Equal(2, headline.MeetingsThisMonth);
        Assert.Equal(2.0, headline.HoursThisMonth, precision: 6);
        Assert.Equal(3.5, headline.MeanRating!.Value, precision: 6);
    }

    [Fact]
    public async Task Headline_has_no_mean_rating_in_a_month_without_posts()
    {
        await AddMatchAsync(_programme, new DateOnly(2026, 1, 5));

        var headline = (await _services.Dashboard.LoadAsync(_programme.Id)).Headline;

        Assert.Equal(0, headline.MeetingsThisMonth);
        Assert.Null(headline.MeanRating);
    }

    [Fact]
    public async Task Topics_and_activity_types_count_the_last_ninety_days_most_first()
    {
        var match = await AddMatchAsync(_programme, new DateOnly(2026, 1, 5));
        await _data.AddPostAsync(match, new DateOnly(2026, 12, 1), activity: "activity.coffee",
            topics: ["topic.work", "topic.housing"]);
        await _data.AddPostAsync(match, new DateOnly(2026, 11, 1), activity: "activity.coffee", topics: ["topic.work"]);
        await _data.AddPostAsync(match, new DateOnly(2026, 10, 1), activity: "activity.walk",
            topics: ["topic.language"]);
        await _data.AddPostAsync(match, new DateOnly(2026, 9, 1), activity: "activity.walk",
            topics: ["topic.language"]);

        var data = await _services.Dashboard.LoadAsync(_programme.Id);

        Assert.Equal(
            [("topic.work", 2), ("topic.housing", 1), ("topic.language", 1)],
            data.Topics.Select(t => (t.Item.Key, t.Count)));
        Assert.Equal("work", data.Topics[0].Item.Label);
        Assert.Equal(
            [("activity.coffee", 2), ("activity.walk", 1)],
            data.ActivityTypes.Select(a => (a.Item.Key, a.Count)));
    }

    [Fact]
    public async Task Need_attention_lists_flagged_matches_at_risk_first_then_longest_without_a_meeting()
    {
        await _services.SaveDefaultRulesAsync(_programme.Id, HealthRuleKind.NoMeetingForDays);
        var metYesterday = await AddMatchAsync(_programme, new DateOnly(2026, 1, 5));
        await _data.AddPostAsync(metYesterday, new DateOnly(2026, 12, 2));
        var exactly21 = await AddMatchAsync(_programme, new DateOnly(2026, 1, 5));
        await _data.AddPostAsync(exactly21, new DateOnly(2026, 11, 12));
        var twenty = await AddMatchAsync(_programme, new DateOnly(2026, 1, 5));
        await _data.AddPostAsync(twenty, new DateOnly(2026, 11, 13));
        var longAgo = await AddMatchAsync(_programme, new DateOnly(2026, 1, 5));
        await _data.AddPostAsync(longAgo, new DateOnly(2026, 9, 1));
        var neverMet = await AddMatchAsync(_programme, new DateOnly(2026, 10, 1));
        var newAndNotMet = await AddMatchAsync(_programme, new DateOnly(2026, 11, 25));
        var closed = await AddMatchAsync(_programme, new DateOnly(2025, 1, 5), MatchStatus.Closed);
        await _data.AddPostAsync(closed, new DateOnly(2025, 3, 1));

        var attention = (await _services.Dashboard.LoadAsync(_programme.Id)).NeedAttention;

        Assert.Equal([longAgo.Id, neverMet.Id, exactly21.Id, twenty.Id], attention.Select(m => m.MatchId));
        Assert.Equal(
            [HealthStatus.AtRisk, HealthStatus.AtRisk, HealthStatus.AtRisk, HealthStatus.NeedsCheckIn],
            attention.Select(m => m.Status));
        Assert.Equal([93, 63, 21, 20], attention.Select(m => m.DaysWithoutMeeting));
        Assert.Null(attention[1].LastMeeting);
        Assert.Equal("No meeting for 20 days", Assert.Single(attention[3].Reasons).ToString());
        Assert.All(attention, m => Assert.Equal(_programme.Id, m.ProgrammeId));
        Assert.DoesNotContain(attention, m => m.MatchId == newAndNotMet.Id || m.MatchId == metYesterday.Id);
    }

    [Fact]
    public async Task Cards_show_nothing_of_another_programme()
    {
        var other = await AddMatchAsync(_otherProgramme, new DateOnly(2026, 1, 5));
        await _data.AddPostAsync(other, new DateOnly(2026, 12, 2));

        var data = await _services.Dashboard.LoadAsync(_programme.Id);

        Assert.Equal(0, data.Headline.ActiveMatches);
        Assert.Equal(0, data.MeetingsPerWeek.Sum(w => w.Meetings));
        Assert.Empty(data.Topics);
        Assert.Empty(data.ActivityTypes);
        Assert.Empty(data.NeedAttention);
        Assert.Empty(data.LatestPosts);
    }

    [Fact]
    public async Task Latest_posts_are_newest_first_and_at_most_eight()
    {
        var match = await AddMatchAsync(_programme, new DateOnly(2026, 1, 5));
        for (var day = 1; day <= 10; day++)
        {
            await _data.AddPostAsync(match, new DateOnly(2026, 11, day));
        }

        var latest = (await _services.Dashboard.LoadAsync(_programme.Id)).LatestPosts;

        Assert.Equal(DashboardService.LatestPostCount, latest.Count);
        Assert.Equal(new DateOnly(2026, 11, 10), latest[0].Date);
        Assert.Equal(new DateOnly(2026, 11, 3), latest[^1].Date);
    }

    [Fact]
    public async Task Closed_match_counts_in_its_length_bucket_from_exactly_three_and_twelve_months()
    {
        await AddClosedAsync("2025-01-10", "2025-04-09");
        await AddClosedAsync("2025-01-10", "2025-04-10");
        await AddClosedAsync("2025-01-10", "2026-01-09");
        await AddClosedAsync("2025-01-10", "2026-01-10");
        await AddClosedAsync("2021-01-10", "2023-01-10");

        var lengths = (await _services.Dashboard.LoadAsync(_programme.Id)).MatchLengths;

        Assert.Equal(
            [
                (LengthBand.UnderThreeMonths, 1), (LengthBand.ThreeToSixMonths, 1),
                (LengthBand.SixToTwelveMonths, 1), (LengthBand.TwelveToTwentyFourMonths, 1),
                (LengthBand.TwentyFourMonthsOrMore, 1),
            ],
            lengths.Bands.Select(b => (b.Band, b.Matches)));
        Assert.Equal(5, lengths.ClosedMatches);
        Assert.Equal(11, lengths.MedianClosedMonths);
        Assert.Equal(2, lengths.ReachedBenchmark);
        Assert.Equal(0.4, lengths.BenchmarkShare);
    }

    [Theory]
    [InlineData("2025-01-31", "2025-02-28", 1)]
    [InlineData("2025-01-31", "2025-03-30", 1)]
    [InlineData("2024-02-29", "2025-02-28", 12)]
    [InlineData("2025-03-31", "2025-06-29", 2)]
    [InlineData("2025-06-30", "2025-07-29", 0)]
    [InlineData("2025-06-30", "2025-07-30", 1)]
    [InlineData("2025-12-15", "2026-03-14", 2)]
    public async Task Length_in_whole_months_counts_a_month_once_its_day_comes_round_or_its_month_ends(
        string start, string closedOn, int months)
    {
        await AddClosedAsync(start, closedOn);

        var lengths = (await _services.Dashboard.LoadAsync(_programme.Id)).MatchLengths;

        Assert.Equal(months, MonthsByAddingMonths(Date(start), Date(closedOn)));
        Assert.Equal(months, lengths.MedianClosedMonths);
    }

    [Fact]
    public async Task Median_of_an_even_number_of_matches_is_the_mean_of_the_middle_two()
    {
        await AddClosedAsync("2025-01-10", "2025-03-10");
        await AddClosedAsync("2025-01-10", "2025-06-10");
        await AddClosedAsync("2025-01-10", "2025-08-10");
        await AddClosedAsync("2025-01-10", "2026-07-10");

        var lengths = (await _services.Dashboard.LoadAsync(_programme.Id)).MatchLengths;

        Assert.Equal(6, lengths.MedianClosedMonths);
        Assert.Equal(0.25, lengths.BenchmarkShare);
    }

    [Fact]
    public async Task Active_matches_count_their_length_so_far_and_paused_or_future_ones_are_left_out()
    {
        await AddMatchAsync(_programme, Date("2026-09-03"));
        await AddMatchAsync(_programme, Date("2026-06-04"));
        await AddMatchAsync(_programme, Date("2025-01-01"), MatchStatus.Paused);
        await AddMatchAsync(_programme, Date("2027-01-04"));
        await AddMatchAsync(_otherProgramme, Date("2020-01-01"));

        var lengths = (await _services.Dashboard.LoadAsync(_programme.Id)).MatchLengths;

        Assert.Equal(2, lengths.ActiveMatches);
        Assert.Equal(4, lengths.MedianActiveMonths);
        Assert.Equal(0, lengths.ClosedMatches);
        Assert.Null(lengths.MedianClosedMonths);
        Assert.Null(lengths.BenchmarkShare);
        Assert.All(lengths.Bands, b => Assert.Equal(0, b.Matches));
    }

    [Fact]
    public async Task Match_lengths_count_every_closure_of_the_programme_however_old()
    {
        await AddClosedAsync("2015-03-01", "2016-05-01");
        await AddClosedAsync("2026-01-01", "2026-11-30");
        await AddClosedAsync("2025-01-01", "2025-12-01", _otherProgramme);

        var lengths = (await _services.Dashboard.LoadAsync(_programme.Id)).MatchLengths;

        Assert.Equal(2, lengths.ClosedMatches);
        Assert.Equal(12, lengths.MedianClosedMonths);
    }

    [Fact]
    public async Task Imported_match_closed_before_it_started_counts_as_the_shortest()
    {
        await AddClosedAsync("2025-05-01", "2025-01-01");

        var lengths = (await _services.Dashboard.LoadAsync(_programme.Id)).MatchLengths;

        Assert.Equal(1, lengths.Bands.Single(b => b.Band == LengthBand.UnderThreeMonths).Matches);
        Assert.Equal(0, lengths.MedianClosedMonths);
    }

    [Fact]
    public async Task Closure_reasons_of_the_last_twelve_months_are_counted_most_first_with_their_share()
    {
        await AddClosedAsync("2025-01-01", "2026-12-02", reason: "Lost contact");
        await AddClosedAsync("2025-01-01", "2026-06-01", reason: "Moved away");
        await AddClosedAsync("2025-01-01", "2025-12-04", reason: "Moved away");
        await AddClosedAsync("2025-01-01", "2026-03-01", reason: null);
        await AddClosedAsync("2025-01-01", "2026-03-02", reason: "  ");

        var reasons = (await _services.Dashboard.LoadAsync(_programme.Id)).ClosureReasons;

        Assert.Equal(
            [("Moved away", 2, 0.4), (null, 2, 0.4), ("Lost contact", 1, 0.2)],
            reasons.Select(r => (r.Reason, r.Matches, r.Share)));
    }

    [Fact]
    public async Task Closures_twelve_months_ago_or_older_and_of_other_programmes_are_left_out_of_the_reasons()
    {
        await AddClosedAsync("2024-01-01", "2025-12-03", reason: "Moved away");
        await AddClosedAsync("2024-01-01", "2025-06-01", reason: "Lost contact");
        await AddClosedAsync("2025-01-01", "2026-11-01", _otherProgramme, "Scheduling");
        await AddClosedAsync("2025-01-01", "2026-11-02", reason: "Goal reached");

        var data = await _services.Dashboard.LoadAsync(_programme.Id);

        Assert.Equal([("Goal reached", 1, 1.0)], data.ClosureReasons.Select(r => (r.Reason, r.Matches, r.Share)));
        Assert.Equal(3, data.MatchLengths.ClosedMatches);
    }

    [Fact]
    public async Task Programme_without_closures_has_no_closure_reasons()
    {
        await AddMatchAsync(_programme, Date("2026-01-05"));

        var reasons = (await _services.Dashboard.LoadAsync(_programme.Id)).ClosureReasons;

        Assert.Empty(reasons);
    }

    // The query's rule in plain C#: the most months that can be added to the start without passing the end.
    private static int MonthsByAddingMonths(DateOnly start, DateOnly end)
    {
        var months = 0;
        while (start.AddMonths(months + 1) <= end)
        {
            months++;
        }

        return months;
    }

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task AddClosedAsync(
        string start, string closedOn, Programme? programme = null, string? reason = "Goal reached")
    {
        var programmeId = (programme ?? _programme).Id;
        var mentor = await _data.AddPersonAsync("Mentor Test", programmeId, ProgrammeRole.Mentor);
        var mentee = await _data.AddPersonAsync("Mentee Test", programmeId, ProgrammeRole.Mentee);
        await _data.AddClosedMatchAsync(programmeId, mentor, mentee, Date(start), Date(closedOn), reason);
    }

    private async Task<Match> AddMatchAsync(
        Programme programme, DateOnly start, MatchStatus status = MatchStatus.Active)
    {
        var mentor = await _data.AddPersonAsync("Mentor Test", programme.Id, ProgrammeRole.Mentor);
        var mentee = await _data.AddPersonAsync("Mentee Test", programme.Id, ProgrammeRole.Mentee);
        return await _data.AddMatchAsync(programme.Id, mentor, mentee, start, status);
    }
}
