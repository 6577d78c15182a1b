using MentorDashboard.Data;
using MentorDashboard.Features.Framework;
using MentorDashboard.Tests.Support;

namespace MentorDashboard.Tests.Features.Framework;

public sealed class FrameworkVersionTests : FrameworkServiceTest
{
    [Fact]
    public async Task Publishing_numbers_versions_and_lists_them_newest_first()
    {
        var admin = await Data.AddPersonAsync("Helena Admin");

        var published = await Services.FrameworkVersions.PublishAsync(Network.Id, admin.Id, " Spring update ");

        Assert.Equal(2, published.Number);
        var versions = await Services.FrameworkVersions.ListAsync(Network.Id);
        Assert.Equal([2, 1], versions.Select(v => v.Number));
        Assert.Equal(("Spring update", "Helena Admin"), (versions[0].Note, versions[0].PublishedBy));
        Assert.Equal(Time.Now.UtcDateTime, versions[0].PublishedAtUtc);
    }

    [Fact]
    public async Task Comparing_two_versions_lists_added_renamed_and_retired_items()
    {
        var first = Assert.Single(await Services.FrameworkVersions.ListAsync(Network.Id));
        var items = await Services.FrameworkEditing.ListAsync(Network.Id, null);
        await Services.FrameworkEditing.AddAsync(
            Network.Id, null, FrameworkItemKind.ActivityType, "activity.sailing", "Sailing");
        await Services.FrameworkEditing.RenameAsync(
            Network.Id, items.Single(i => i.Key == "topic.work").Id, "Work and job search");
        await Services.FrameworkEditing.RetireAsync(Network.Id, items.Single(i => i.Key == "topic.housing").Id);
        var second = await Services.FrameworkVersions.PublishAsync(Network.Id, null, "Second");

        var changes = await Services.FrameworkVersions.CompareAsync(Network.Id, first.Id, second.Id);

        Assert.Equal(
            new FrameworkChange(FrameworkChangeKind.ActivityType, "activity.sailing", "Sailing"),
            Assert.Single(changes.Added));
        Assert.Equal(
            new FrameworkChange(FrameworkChangeKind.Topic, "topic.work", "Work and job search", "work"),
            Assert.Single(changes.Renamed));
        Assert.Equal(
            new FrameworkChange(FrameworkChangeKind.Topic, "topic.housing", "housing"),
            Assert.Single(changes.Retired));
    }

    [Fact]
    public async Task Programme_pinned_to_a_version_keeps_it_until_unpinned()
    {
        var first = Assert.Single(await Services.FrameworkVersions.ListAsync(Network.Id));
        await Services.Adaptation.PinVersionAsync(Programme.Id, first.Id);
        await Services.FrameworkEditing.AddAsync(Network.Id, null, FrameworkItemKind.Topic, "topic.boats", "Boats");
        await Services.FrameworkVersions.PublishAsync(Network.Id, null, "Boats");

        var pinned = await Services.Framework.GetForProgrammeAsync(Programme.Id, CancellationToken.None);
        await Services.Adaptation.PinVersionAsync(Programme.Id, null);
        var latest = await Services.Framework.GetForProgrammeAsync(Programme.Id, CancellationToken.None);

        Assert.DoesNotContain(pinned.Topics, t => t.Key == "topic.boats");
        Assert.Contains(latest.Topics, t => t.Key == "topic.boats");
    }

    [Fact]
    public async Task Network_that_never_published_offers_its_working_copy()
    {
        await using (var db = await Database.OpenAsync())
        {
            db.RemoveRange(db.Set<FrameworkVersion>());
            await db.SaveChangesAsync();
        }

        var framework = await Services.Framework.GetForProgrammeAsync(Programme.Id, CancellationToken.None);

        Assert.Equal(TestData.TopicKeys, framework.Topics.Select(t => t.Key));
        Assert.Equal(TestData.ActivityKeys, framework.ActivityTypes.Select(t => t.Key));
    }
}
