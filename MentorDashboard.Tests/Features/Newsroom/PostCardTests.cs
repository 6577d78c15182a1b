using Bunit;
using MentorDashboard.Features.Framework;
using MentorDashboard.Features.Newsroom;
using MentorDashboard.Tests.Support;

namespace MentorDashboard.Tests.Features.Newsroom;

public sealed class PostCardTests : MudTestContext
{
    [Fact]
    public void Local_topic_and_activity_type_are_marked_local()
    {
        var post = new PostView(
            1,
            2,
            "Iker Test",
            "Selam Test",
            new DateOnly(2026, 12, 2),
            60,
            new FrameworkOption("local.harbour-mentors.activity.rowing", "Rowing", IsLocal: true),
            [new("topic.housing", "Housing"), new("local.harbour-mentors.topic.boats", "Boats", IsLocal: true)],
            4,
            "We rowed across the harbour.",
            new DateTime(2026, 12, 2, 18, 0, 0, DateTimeKind.Utc));

        var card = Render<PostCard>(parameters => parameters.Add(p => p.Post, post));

        Assert.Contains("Rowing (local)", card.Markup);
        Assert.Equal(["Housing", "Boats (local)"], card.FindAll(".mud-chip").Select(c => c.TextContent.Trim()));
    }
}
