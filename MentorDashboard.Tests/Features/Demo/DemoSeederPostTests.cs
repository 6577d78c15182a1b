using MentorDashboard.Data;
using MentorDashboard.Features.Demo;
using Microsoft.EntityFrameworkCore;
using static System.FormattableString;
using static MentorDashboard.Tests.Features.Demo.DemoSeeding;

namespace MentorDashboard.Tests.Features.Demo;

public sealed class DemoSeederPostTests
{
    [Fact]
    public async Task Seed_dates_every_post_inside_its_match_and_never_in_the_future()
    {
        await using var database = await SeededDatabaseAsync(Now);
        await using var db = await database.OpenAsync();

        var posts = await db.Posts.Include(p => p.Match).ToListAsync(Cancellation);

        Assert.NotEmpty(posts);
        Assert.All(posts, post =>
        {
            Assert.InRange(post.Date, Today.AddDays(-PostWindowDays), Today);
            Assert.InRange(post.Date, post.Match.StartDate, post.Match.ClosureDate ?? Today);
            Assert.Equal(post.Date, DateOnly.FromDateTime(post.CreatedAtUtc));
            Assert.True(post.CreatedAtUtc <= Now.UtcDateTime, "A post was written after now.");
        });
    }

    [Fact]
    public async Task Seed_files_each_post_under_its_match_programme_and_mentor()
    {
        await using var database = await SeededDatabaseAsync(Now);
        await using var db = await database.OpenAsync();

        var posts = await db.Posts.Include(p => p.Match).ToListAsync(Cancellation);

        Assert.All(posts, post =>
        {
            Assert.Equal(post.Match.ProgrammeId, post.ProgrammeId);
            Assert.Equal(post.Match.MentorId, post.AuthorId);
        });
    }

    [Fact]
    public async Task Seed_fills_each_post_with_framework_keys_believable_minutes_and_a_short_story()
    {
        await using var database = await SeededDatabaseAsync(Now);
        await using var db = await database.OpenAsync();

        var posts = await db.Posts.Include(p => p.Topics).ToListAsync(Cancellation);
        var topicKeys = DemoFramework.Topics.Select(t => t.Key).ToHashSet();
        var activityKeys = DemoFramework.ActivityTypes.Select(t => t.Key).ToHashSet();

        Assert.All(posts, post =>
        {
            Assert.Contains(post.ActivityTypeKey, activityKeys);
            Assert.InRange(post.Topics.Count, 1, 3);
            Assert.All(post.Topics, topic => Assert.Contains(topic.TopicKey, topicKeys));
            Assert.InRange(post.Minutes, 30, 180);
            Assert.InRange(post.Rating, 1, 5);
            Assert.InRange(post.Text.Length, 10, 2000);
        });
        Assert.InRange(posts.Count(p => p.Rating >= 3) / (double)posts.Count, 0.8, 0.95);
    }

    [Fact]
    public async Task Seed_mixes_activities_that_fit_each_programme()
    {
        await using var database = await SeededDatabaseAsync(Now);
        await using var db = await database.OpenAsync();

        var activities = await db.Posts
            .Select(p => new { p.Match.Programme.Kind, p.ActivityTypeKey })
            .ToListAsync(Cancellation);
        string MostCommonActivity(ProgrammeKind kind) => activities
            .Where(a => a.Kind == kind)
            .CountBy(a => a.ActivityTypeKey)
            .MaxBy(activity => activity.Value)
            .Key;

        Assert.Equal(DemoFramework.ActivityAdmin, MostCommonActivity(ProgrammeKind.Community));
        Assert.Equal(DemoFramework.ActivityHomework, MostCommonActivity(ProgrammeKind.SchoolBased));
        Assert.Equal(DemoFramework.ActivityOnlineCall, MostCommonActivity(ProgrammeKind.Online));
    }

    [Fact]
    public async Task Seed_has_pairs_meet_about_weekly_at_first_and_less_often_later()
    {
        await using var database = await SeededDatabaseAsync(Now);
        await using var db = await database.OpenAsync();

        var posts = await db.Posts.Include(p => p.Match).ToListAsync(Cancellation);
        var gaps = posts
            .GroupBy(p => p.Match)
            .SelectMany(match =>
            {
                var days = match.Select(p => p.Date.DayNumber).Order().ToList();
                return days.Zip(days.Skip(1), (earlier, later) => (
                    WeeksTogether: (later - match.Key.StartDate.DayNumber) / 7,
                    Days: later - earlier));
            })
            .ToList();

        var early = gaps.Where(g => g.WeeksTogether < 8).Average(g => g.Days);
        var late = gaps.Where(g => g.WeeksTogether >= 26).Average(g => g.Days);
        Assert.InRange(early, 5, 10);
        Assert.True(late > early + 2, Invariant($"Met every {early:F1} days at first, {late:F1} later."));
    }

    [Theory]
    [InlineData(DemoAccounts.CityMentor)]
    [InlineData(DemoAccounts.SchoolMentor)]
    [InlineData(DemoAccounts.JobsMentor)]
    public async Task Seed_gives_each_demo_mentor_an_active_match_with_a_post_three_to_ten_days_ago(
        string email)
    {
        await using var database = await SeededDatabaseAsync(Now);
        await using var db = await database.OpenAsync();

        var match = await db.Matches.SingleAsync(
            m => m.Mentor.Email == email && m.Status == MatchStatus.Active, Cancellation);
        var lastPost = await db.Posts
            .Where(p => p.MatchId == match.Id)
            .MaxAsync(p => p.Date, Cancellation);

        Assert.InRange(lastPost, Today.AddDays(-10), Today.AddDays(-3));
    }

    [Fact]
    public async Task Seed_makes_the_demo_mentee_the_mentee_of_the_city_demo_mentor()
    {
        await using var database = await SeededDatabaseAsync(Now);
        await using var db = await database.OpenAsync();

        var match = await db.Matches.SingleAsync(
            m => m.Mentor.Email == DemoAccounts.CityMentor, Cancellation);
        var mentee = await db.Users.SingleAsync(p => p.Id == match.MenteeId, Cancellation);

        Assert.Equal(DemoAccounts.CityMentee, mentee.Email);
    }

    [Fact]
    public async Task Seed_leaves_some_active_matches_without_a_meeting_for_three_to_eight_weeks()
    {
        await using var database = await SeededDatabaseAsync(Now);
        await using var db = await database.OpenAsync();

        var lastMeetings = await db.Matches
            .Where(m => m.Status == MatchStatus.Active)
            .Select(m => new
            {
                m.ProgrammeId,
                Last = db.Posts.Where(p => p.MatchId == m.Id).Max(p => (DateOnly?)p.Date),
            })
            .ToListAsync(Cancellation);
        // The "needs attention" rule: an active match with no meeting for 21 days or more.
        var needingAttention = lastMeetings
            .Where(m => m.Last is null || m.Last <= Today.AddDays(-21))
            .ToList();

        Assert.All(
            needingAttention.CountBy(m => m.ProgrammeId),
            programme => Assert.InRange(programme.Value, 2, 8));
        Assert.Equal(3, needingAttention.DistinctBy(m => m.ProgrammeId).Count());
        Assert.All(needingAttention, m => Assert.True(m.Last >= Today.AddDays(-8 * 7)));
    }

    [Fact]
    public async Task Seed_starts_a_few_active_matches_recently_and_the_rest_before_the_post_window()
    {
        await using var database = await SeededDatabaseAsync(Now);
        await using var db = await database.OpenAsync();

        var starts = await db.Matches
            .Where(m => m.Status == MatchStatus.Active)
            .Select(m => m.StartDate)
            .ToListAsync(Cancellation);
        var recent = starts.Count(start => start > Today.AddDays(-PostWindowDays));

        Assert.InRange(recent, 3, starts.Count / 5);
    }
}
