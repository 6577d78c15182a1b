using MentorDashboard.Features.Newsroom;
using MentorDashboard.Tests.Features.PublicNewsroom;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Tests.Features.Newsroom;

/// <summary>The author's choice to show a post in the public newsroom, and what such a post may not contain.</summary>
public sealed class PublicPostTests : IAsyncLifetime
{
    private PublicScenario _scenario = null!;

    private PostService Posts => _scenario.Features.Posts;

    private int ProgrammeId => _scenario.Programme.Id;

    public async ValueTask InitializeAsync() => _scenario = await PublicScenario.CreateAsync();

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Post_is_private_unless_the_author_ticks_public()
    {
        var result = await Posts.CreateAsync(ProgrammeId, _scenario.Mentor.Id, Input("We cooked together."));

        Assert.False(result.Post!.IsPublic);
        var input = Input("We cooked together again.");
        input.IsPublic = true;
        Assert.True((await Posts.CreateAsync(ProgrammeId, _scenario.Mentor.Id, input)).Post!.IsPublic);
    }

    [Fact]
    public async Task Public_post_with_an_address_is_refused_saying_what_to_remove_and_can_be_saved_private()
    {
        var input = Input("We met at 12 Harbour Road. Her date of birth came up.");
        input.IsPublic = true;

        var refused = await Posts.CreateAsync(ProgrammeId, _scenario.Mentor.Id, input);

        Assert.False(refused.Saved);
        Assert.Equal(
            [("a street address", "12 Harbour Road"), ("a mention of when someone was born", "date of birth")],
            refused.Errors.Select(e => (e.Message, e.Found)));
        Assert.All(refused.Errors, e => Assert.Equal(PostFields.IsPublic, e.Field));
        await using (var db = await _scenario.Database.OpenAsync())
        {
            Assert.Equal(0, await db.Posts.CountAsync());
        }

        input.IsPublic = false;
        Assert.True((await Posts.CreateAsync(ProgrammeId, _scenario.Mentor.Id, input)).Saved);
    }

    [Fact]
    public async Task Public_post_in_a_private_newsroom_is_refused()
    {
        await _scenario.SetNewsroomAsync(isPublic: false, requiresModeration: false);
        var input = Input("We cooked together.");
        input.IsPublic = true;

        var result = await Posts.CreateAsync(ProgrammeId, _scenario.Mentor.Id, input);

        Assert.Equal(
            "This programme's newsroom is private; its posts stay inside.", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public async Task Author_takes_a_public_post_back_and_shows_it_again_but_only_their_own()
    {
        var post = await _scenario.AddPostAsync("We cooked together.");
        var coordinator = _scenario.Coordinator.Id;

        Assert.NotEmpty(await Posts.SetPublicAsync(ProgrammeId, post.Id, coordinator, isPublic: false));
        Assert.Empty(await Posts.SetPublicAsync(ProgrammeId, post.Id, _scenario.Mentor.Id, isPublic: false));
        Assert.False(await IsPublicAsync(post.Id));
        Assert.Empty(await Posts.SetPublicAsync(ProgrammeId, post.Id, _scenario.Mentor.Id, isPublic: true));
        Assert.True(await IsPublicAsync(post.Id));
    }

    [Fact]
    public async Task Post_with_a_phone_number_cannot_be_made_public_later()
    {
        var post = await _scenario.AddPostAsync("Call her aunt on 0612 345 678.", isPublic: false);

        var errors = await Posts.SetPublicAsync(ProgrammeId, post.Id, _scenario.Mentor.Id, isPublic: true);

        Assert.Equal("0612 345 678", Assert.Single(errors).Found);
        Assert.False(await IsPublicAsync(post.Id));
    }

    private async Task<bool> IsPublicAsync(long postId)
    {
        await using var db = await _scenario.Database.OpenAsync();
        return await db.Posts.Where(p => p.Id == postId).Select(p => p.IsPublic).SingleAsync();
    }

    private PostInput Input(string text) => new()
    {
        MatchId = _scenario.Match.Id,
        Date = new DateTime(2026, 12, 2),
        Minutes = 60,
        ActivityTypeKey = "activity.coffee",
        TopicKeys = ["topic.work"],
        Rating = 4,
        Text = text,
    };
}
