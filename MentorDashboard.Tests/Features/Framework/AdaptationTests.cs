using MentorDashboard.Data;
using MentorDashboard.Features.Newsroom;
using MentorDashboard.Tests.Support;

namespace MentorDashboard.Tests.Features.Framework;

public sealed class AdaptationTests : FrameworkServiceTest
{
    [Fact]
    public async Task Hidden_network_topic_is_offered_no_more_but_keeps_its_label()
    {
        var errors = await Services.Adaptation.SetHiddenAsync(Programme.Id, "topic.language", hidden: true);

        Assert.Empty(errors);
        var framework = await Services.Framework.GetForProgrammeAsync(Programme.Id, CancellationToken.None);
        Assert.Equal(["topic.housing", "topic.work"], framework.Topics.Select(t => t.Key));
        Assert.Equal("language", framework.LabelOf("topic.language"));
        var adaptation = await Services.Adaptation.GetAsync(Programme.Id);
        Assert.True(adaptation.NetworkItems.Single(i => i.Key == "topic.language").IsHidden);
    }

    [Fact]
    public async Task Hidden_topic_of_one_programme_stays_offered_in_another()
    {
        var other = await Data.AddProgrammeAsync(Network.Id, "Eastbank Buddies");

        await Services.Adaptation.SetHiddenAsync(Programme.Id, "topic.language", hidden: true);

        var framework = await Services.Framework.GetForProgrammeAsync(other.Id, CancellationToken.None);
        Assert.Equal(TestData.TopicKeys, framework.Topics.Select(t => t.Key));
    }

    [Fact]
    public async Task Local_topic_is_offered_at_once_marked_local_and_a_post_can_use_it()
    {
        var errors = await Services.FrameworkEditing.AddAsync(
            Network.Id, Programme.Id, FrameworkItemKind.Topic, "local.harbour-mentors.topic.boats", "Boats");

        Assert.Empty(errors);
        var framework = await Services.Framework.GetForProgrammeAsync(Programme.Id, CancellationToken.None);
        Assert.Equal(
            new("local.harbour-mentors.topic.boats", "Boats", IsLocal: true), framework.Topics[^1]);
        var match = await AddMatchAsync();
        var result = await Services.Posts.CreateAsync(Programme.Id, match.MentorId, new PostInput
        {
            MatchId = match.Id,
            Date = new DateTime(2026, 12, 2),
            Minutes = 60,
            ActivityTypeKey = "activity.walk",
            TopicKeys = ["local.harbour-mentors.topic.boats"],
            Rating = 4,
            Text = "We looked at the boats.",
        });
        Assert.True(result.Saved);
        Assert.True(Assert.Single(result.Post!.Topics).IsLocal);
    }

    [Fact]
    public async Task Local_item_cannot_redefine_a_network_key()
    {
        var errors = await Services.FrameworkEditing.AddAsync(
            Network.Id, Programme.Id, FrameworkItemKind.Topic, "topic.housing", "Our own housing");

        Assert.Equal(
            "A local key must start with local.harbour-mentors. (the programme's own namespace).",
            Assert.Single(errors).Text);
    }

    [Fact]
    public async Task Local_key_in_another_programmes_namespace_is_refused()
    {
        await Data.AddProgrammeAsync(Network.Id, "Eastbank Buddies");

        var errors = await Services.FrameworkEditing.AddAsync(
            Network.Id, Programme.Id, FrameworkItemKind.Topic, "local.eastbank-buddies.topic.exams", "Exams");

        Assert.Equal("key", Assert.Single(errors).Path);
    }

    [Fact]
    public async Task Local_items_are_not_offered_to_other_programmes()
    {
        var other = await Data.AddProgrammeAsync(Network.Id, "Eastbank Buddies");

        await Services.FrameworkEditing.AddAsync(
            Network.Id, Programme.Id, FrameworkItemKind.Topic, "local.harbour-mentors.topic.boats", "Boats");

        var framework = await Services.Framework.GetForProgrammeAsync(other.Id, CancellationToken.None);
        Assert.Equal(TestData.TopicKeys, framework.Topics.Select(t => t.Key));
    }

    [Fact]
    public async Task Only_network_items_can_be_hidden()
    {
        var errors = await Services.Adaptation.SetHiddenAsync(Programme.Id, "topic.unknown", hidden: true);

        Assert.Equal("topic.unknown is not an item of the network's framework.", Assert.Single(errors).Text);
    }
}
