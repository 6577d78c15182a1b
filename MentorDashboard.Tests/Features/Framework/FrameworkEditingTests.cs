using MentorDashboard.Data;
using MentorDashboard.Features.Framework;
using MentorDashboard.Tests.Support;

namespace MentorDashboard.Tests.Features.Framework;

public sealed class FrameworkEditingTests : FrameworkServiceTest
{
    [Fact]
    public async Task Added_topic_comes_last_and_reaches_programmes_once_published()
    {
        var errors = await Services.FrameworkEditing.AddAsync(
            Network.Id, null, FrameworkItemKind.Topic, "topic.boats", "Boats");

        Assert.Empty(errors);
        var topics = await TopicsAsync();
        Assert.Equal("topic.boats", topics[^1].Key);
        Assert.DoesNotContain("topic.boats", await OfferedTopicsAsync());

        await Services.FrameworkVersions.PublishAsync(Network.Id, null, "Boats");

        Assert.Equal([.. TestData.TopicKeys, "topic.boats"], await OfferedTopicsAsync());
    }

    [Fact]
    public async Task Adding_a_key_the_network_already_uses_is_refused_even_when_retired()
    {
        var housing = (await TopicsAsync()).Single(t => t.Key == "topic.housing");
        await Services.FrameworkEditing.RetireAsync(Network.Id, housing.Id);

        var errors = await Services.FrameworkEditing.AddAsync(
            Network.Id, null, FrameworkItemKind.Topic, "topic.housing", "Housing again");

        var error = Assert.Single(errors);
        Assert.Equal("The key topic.housing is already used in this network.", error.Text);
    }

    [Fact]
    public async Task Adding_with_a_bad_key_and_no_label_lists_both_errors()
    {
        var errors = await Services.FrameworkEditing.AddAsync(
            Network.Id, null, FrameworkItemKind.Topic, "Boats", " ");

        Assert.Equal(["key", "label"], errors.Select(e => e.Path));
    }

    [Fact]
    public async Task Rename_changes_the_label_and_keeps_the_key()
    {
        var work = (await TopicsAsync()).Single(t => t.Key == "topic.work");

        var errors = await Services.FrameworkEditing.RenameAsync(Network.Id, work.Id, " Work and job search ");

        Assert.Empty(errors);
        var renamed = (await TopicsAsync()).Single(t => t.Id == work.Id);
        Assert.Equal(("topic.work", "Work and job search"), (renamed.Key, renamed.Label));
    }

    [Fact]
    public async Task Moving_a_topic_up_swaps_it_with_the_one_before()
    {
        var work = (await TopicsAsync()).Single(t => t.Key == "topic.work");

        await Services.FrameworkEditing.MoveAsync(Network.Id, work.Id, up: true);

        Assert.Equal(["topic.housing", "topic.work", "topic.language"], (await TopicsAsync()).Select(t => t.Key));
    }

    [Fact]
    public async Task Retired_topic_is_offered_no_more_but_old_posts_keep_its_label()
    {
        var match = await AddMatchAsync();
        await Data.AddPostAsync(match, new DateOnly(2026, 11, 2), topics: "topic.language");
        await Services.FrameworkEditing.RenameAsync(
            Network.Id, (await TopicsAsync()).Single(t => t.Key == "topic.language").Id, "Language learning");
        await Services.FrameworkVersions.PublishAsync(Network.Id, null, "Renamed");
        await Services.FrameworkEditing.RetireAsync(
            Network.Id, (await TopicsAsync()).Single(t => t.Key == "topic.language").Id);

        await Services.FrameworkVersions.PublishAsync(Network.Id, null, "Retired language");

        Assert.Equal(["topic.housing", "topic.work"], await OfferedTopicsAsync());
        var post = Assert.Single(await Services.Posts.ListAsync(Programme.Id));
        Assert.Equal("Language learning", Assert.Single(post.Topics).Label);
    }

    [Fact]
    public async Task Key_of_a_new_unpublished_topic_can_still_change()
    {
        await Services.FrameworkEditing.AddAsync(Network.Id, null, FrameworkItemKind.Topic, "topic.bots", "Boats");
        var boats = (await TopicsAsync()).Single(t => t.Key == "topic.bots");
        Assert.False(boats.KeyLocked);

        var errors = await Services.FrameworkEditing.ChangeKeyAsync(Network.Id, boats.Id, "topic.boats");

        Assert.Empty(errors);
        Assert.Equal("topic.boats", (await TopicsAsync()).Single(t => t.Id == boats.Id).Key);
    }

    [Fact]
    public async Task Key_of_a_published_topic_cannot_change()
    {
        var housing = (await TopicsAsync()).Single(t => t.Key == "topic.housing");
        Assert.True(housing.KeyLocked);

        var errors = await Services.FrameworkEditing.ChangeKeyAsync(Network.Id, housing.Id, "topic.homes");

        Assert.Equal("The key topic.housing is in use, so it can no longer change.", Assert.Single(errors).Text);
    }

    [Fact]
    public async Task Key_of_a_topic_a_post_uses_cannot_change()
    {
        await Services.FrameworkEditing.AddAsync(Network.Id, null, FrameworkItemKind.Topic, "topic.boats", "Boats");
        var boats = (await TopicsAsync()).Single(t => t.Key == "topic.boats");
        var match = await AddMatchAsync();
        await Data.AddPostAsync(match, new DateOnly(2026, 11, 2), topics: "topic.boats");

        var errors = await Services.FrameworkEditing.ChangeKeyAsync(Network.Id, boats.Id, "topic.ships");

        Assert.Equal("The key topic.boats is in use, so it can no longer change.", Assert.Single(errors).Text);
    }

    [Fact]
    public async Task Items_of_another_network_cannot_be_edited()
    {
        var otherNetwork = await Data.AddNetworkAsync("Other Network");
        var housing = (await TopicsAsync()).Single(t => t.Key == "topic.housing");

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => Services.FrameworkEditing.RenameAsync(otherNetwork.Id, housing.Id, "Homes"));
    }

    private async Task<IReadOnlyList<FrameworkItemView>> TopicsAsync() =>
        (await Services.FrameworkEditing.ListAsync(Network.Id, null))
            .Where(i => i.Kind == FrameworkItemKind.Topic)
            .ToList();

    private async Task<IReadOnlyList<string>> OfferedTopicsAsync() =>
        (await Services.Framework.GetForProgrammeAsync(Programme.Id, CancellationToken.None)).Topics
            .Select(t => t.Key)
            .ToList();
}
