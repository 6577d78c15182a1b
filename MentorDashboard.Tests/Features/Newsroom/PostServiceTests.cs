using MentorDashboard.Data;
using MentorDashboard.Features.Newsroom;
using MentorDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Tests.Features.Newsroom;

public sealed class PostServiceTests : IAsyncLifetime
{
    private readonly FixedTime _time = FixedTime.At(2026, 12, 3);
    private TestDatabase _database = null!;
    private TestData _data = null!;
    private FeatureServices _services = null!;
    private Programme _programme = null!;
    private Person _mentor = null!;
    private Match _match = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _data = new TestData(_database);
        _services = new FeatureServices(_database, _time);
        var network = await _data.AddNetworkAsync();
        _programme = await _data.AddProgrammeAsync(network.Id, "Harbour Mentors");
        _mentor = await _data.AddPersonAsync("Iker Test", _programme.Id, ProgrammeRole.Mentor);
        var mentee = await _data.AddPersonAsync("Selam Test", _programme.Id, ProgrammeRole.Mentee);
        _match = await _data.AddMatchAsync(_programme.Id, _mentor, mentee, new DateOnly(2026, 3, 1));
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Valid_post_is_saved_and_announced_after_it_is_stored()
    {
        var storedWhenAnnounced = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = _services.Events.Subscribe(_programme.Id, async _ =>
        {
            await using var db = await _database.OpenAsync();
            storedWhenAnnounced.TrySetResult(await db.Posts.CountAsync());
        }, TimeSpan.Zero);

        var result = await _services.Posts.CreateAsync(_programme.Id, _mentor.Id, ValidInput());

        Assert.True(result.Saved, string.Join("; ", result.Errors.Select(e => e.Message)));
        Assert.Equal(1, await storedWhenAnnounced.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        var post = result.Post!;
        Assert.Equal(new DateOnly(2026, 12, 2), post.Date);
        Assert.Equal(75, post.Minutes);
        Assert.Equal("activity.coffee", post.ActivityType.Key);
        Assert.Equal(["topic.housing", "topic.work"], post.Topics.Select(t => t.Key).Order());
        Assert.Equal("Iker Test", post.AuthorName);
        Assert.Equal("Selam Test", post.MenteeName);
        Assert.Equal("We looked at flats near the station.", post.Text);
    }

    public static TheoryData<string, Action<PostInput>> InvalidInputs => new()
    {
        { PostFields.Date, input => input.Date = new DateTime(2026, 12, 4) },
        { PostFields.Date, input => input.Date = null },
        { PostFields.Minutes, input => input.Minutes = 4 },
        { PostFields.Minutes, input => input.Minutes = 601 },
        { PostFields.Minutes, input => input.Minutes = null },
        { PostFields.ActivityType, input => input.ActivityTypeKey = "activity.skydiving" },
        { PostFields.ActivityType, input => input.ActivityTypeKey = null },
        { PostFields.Topics, input => input.TopicKeys = [] },
        { PostFields.Topics, input => input.TopicKeys = ["topic.housing", "topic.unknown"] },
        { PostFields.Rating, input => input.Rating = 0 },
        { PostFields.Rating, input => input.Rating = 6 },
        { PostFields.Text, input => input.Text = "   " },
        { PostFields.Text, input => input.Text = "\u200b\u200b\u200b" },
        { PostFields.Text, input => input.Text = new string('a', 2001) },
        { PostFields.Match, input => input.MatchId = null },
    };

    [Theory]
    [MemberData(nameof(InvalidInputs))]
    public async Task Invalid_post_is_refused_with_the_field_and_nothing_is_stored(
        string field, Action<PostInput> spoil)
    {
        var input = ValidInput();
        spoil(input);

        var result = await _services.Posts.CreateAsync(_programme.Id, _mentor.Id, input);

        Assert.False(result.Saved);
        Assert.Contains(result.Errors, e => e.Field == field);
        await AssertNoPostsAsync();
    }

    [Fact]
    public async Task Text_of_exactly_2000_characters_and_5_minutes_are_accepted()
    {
        var input = ValidInput();
        input.Text = new string('a', 2000);
        input.Minutes = 5;

        var result = await _services.Posts.CreateAsync(_programme.Id, _mentor.Id, input);

        Assert.True(result.Saved);
    }

    [Fact]
    public async Task Control_characters_are_removed_from_the_story_but_line_breaks_stay()
    {
        var input = ValidInput();
        input.Text = "We met\u0007 at the library.\r\nThen\u001b we had tea.";

        var result = await _services.Posts.CreateAsync(_programme.Id, _mentor.Id, input);

        Assert.Equal("We met at the library.\nThen we had tea.", result.Post!.Text);
    }

    [Fact]
    public async Task Post_about_another_mentors_match_is_refused()
    {
        var otherMentor = await _data.AddPersonAsync("Pau Test", _programme.Id, ProgrammeRole.Mentor);

        var result = await _services.Posts.CreateAsync(_programme.Id, otherMentor.Id, ValidInput());

        Assert.Equal(PostFields.Match, Assert.Single(result.Errors).Field);
        await AssertNoPostsAsync();
    }

    [Fact]
    public async Task Mentor_removed_from_the_programme_can_no_longer_post()
    {
        await using (var db = await _database.OpenAsync())
        {
            db.Memberships.RemoveRange(db.Memberships.Where(m => m.PersonId == _mentor.Id));
            await db.SaveChangesAsync();
        }

        var result = await _services.Posts.CreateAsync(_programme.Id, _mentor.Id, ValidInput());

        Assert.Equal("You are no longer a mentor in this programme.", Assert.Single(result.Errors).Message);
        await AssertNoPostsAsync();
    }

    [Fact]
    public async Task Post_naming_a_match_of_another_programme_is_refused()
    {
        var network = await _data.AddNetworkAsync("Other Network");
        var otherProgramme = await _data.AddProgrammeAsync(network.Id, "Hilltop Mentors");

        var result = await _services.Posts.CreateAsync(otherProgramme.Id, _mentor.Id, ValidInput());

        Assert.False(result.Saved);
        await AssertNoPostsAsync();
    }

    [Fact]
    public async Task Post_on_a_closed_match_is_refused()
    {
        var mentee = await _data.AddPersonAsync("Oleh Test", _programme.Id, ProgrammeRole.Mentee);
        var closed = await _data.AddMatchAsync(_programme.Id, _mentor, mentee, new DateOnly(2025, 1, 1),
            MatchStatus.Closed);
        var input = ValidInput();
        input.MatchId = closed.Id;

        var result = await _services.Posts.CreateAsync(_programme.Id, _mentor.Id, input);

        Assert.Equal(
            "This match is closed; only meetings up to its closure date can be reported.",
            Assert.Single(result.Errors).Message);
        await AssertNoPostsAsync();
    }

    [Fact]
    public async Task Meeting_before_the_match_started_is_refused()
    {
        var input = ValidInput();
        input.Date = new DateTime(2026, 2, 28);

        var result = await _services.Posts.CreateAsync(_programme.Id, _mentor.Id, input);

        Assert.Equal(PostFields.Date, Assert.Single(result.Errors).Field);
        await AssertNoPostsAsync();
    }

    [Fact]
    public async Task Retried_submission_is_saved_once()
    {
        var input = ValidInput();

        var first = await _services.Posts.CreateAsync(_programme.Id, _mentor.Id, input);
        var retry = await _services.Posts.CreateAsync(_programme.Id, _mentor.Id, input);

        Assert.Equal(first.Post!.Id, retry.Post!.Id);
        await using var db = await _database.OpenAsync();
        Assert.Equal(1, await db.Posts.CountAsync());
    }

    [Fact]
    public async Task Simultaneous_retries_of_one_submission_save_one_post()
    {
        var input = ValidInput();

        var results = await Task.WhenAll(Enumerable.Range(0, 4)
            .Select(_ => Task.Run(() => _services.Posts.CreateAsync(_programme.Id, _mentor.Id, input))));

        Assert.All(results, r => Assert.True(r.Saved));
        Assert.Single(results.Select(r => r.Post!.Id).Distinct());
        await using var db = await _database.OpenAsync();
        Assert.Equal(1, await db.Posts.CountAsync());
    }

    [Fact]
    public async Task Feed_lists_newest_first_and_pages_without_gaps_or_repeats()
    {
        for (var day = 1; day <= 25; day++)
        {
            await _data.AddPostAsync(_match, new DateOnly(2026, 11, day));
        }

        var first = await _services.Posts.ListAsync(_programme.Id);
        var second = await _services.Posts.ListAsync(_programme.Id, after: first[^1]);

        Assert.Equal(PostService.PageSize, first.Count);
        Assert.Equal(5, second.Count);
        Assert.Equal(25, first.Concat(second).Select(p => p.Id).Distinct().Count());
        Assert.Equal(new DateOnly(2026, 11, 25), first[0].Date);
        Assert.Equal(new DateOnly(2026, 11, 1), second[^1].Date);
    }

    private PostInput ValidInput() => new()
    {
        MatchId = _match.Id,
        Date = new DateTime(2026, 12, 2),
        Minutes = 75,
        ActivityTypeKey = "activity.coffee",
        TopicKeys = ["topic.work", "topic.housing"],
        Rating = 4,
        Text = "  We looked at flats near the station. ",
    };

    private async Task AssertNoPostsAsync()
    {
        await using var db = await _database.OpenAsync();
        Assert.Equal(0, await db.Posts.CountAsync());
        Assert.Equal(0, await db.PostTopics.CountAsync());
    }
}
