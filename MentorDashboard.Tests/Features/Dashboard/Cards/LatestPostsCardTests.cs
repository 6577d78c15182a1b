using Bunit;
using MentorDashboard.Features.Dashboard.Cards;
using MentorDashboard.Features.Framework;
using MentorDashboard.Features.Newsroom;
using MentorDashboard.Tests.Support;

namespace MentorDashboard.Tests.Features.Dashboard.Cards;

public sealed class LatestPostsCardTests : MudTestContext
{
    [Fact]
    public void Long_story_is_shortened_without_splitting_an_emoji()
    {
        var story = new string('a', 139) + "😀 and much more after that.";

        var card = Render<LatestPostsCard>(p => p.Add(c => c.Posts, [Post(story)]));

        var preview = card.Find("#latest-posts .post-text").TextContent;
        Assert.Equal(new string('a', 139) + "…", preview.Trim());
        Assert.DoesNotContain('\uFFFD', card.Markup);
    }

    [Fact]
    public void Story_with_markup_is_shown_as_text()
    {
        var card = Render<LatestPostsCard>(
            p => p.Add(c => c.Posts, [Post("<script>alert(1)</script><b>hi</b>")]));

        Assert.Empty(card.FindAll("#latest-posts script, #latest-posts .post-text b"));
        Assert.Contains("<script>alert(1)</script><b>hi</b>", card.Find("#latest-posts .post-text").TextContent);
    }

    [Fact]
    public void Post_links_to_the_page_of_its_match()
    {
        var card = Render<LatestPostsCard>(p => p
            .Add(c => c.Posts, [Post("We met.")])
            .Add(c => c.ProgrammeId, 7));

        Assert.Equal("/programmes/7/matches/1", card.Find("#latest-posts a.match-link").GetAttribute("href"));
    }

    private static PostView Post(string text) => new(1, 1, "Iker", "Selam", new DateOnly(2026, 12, 1), 60,
        new FrameworkOption("activity.walk", "Walk"), [], 4, text,
        new DateTime(2026, 12, 1, 18, 0, 0, DateTimeKind.Utc));
}
