using MentorDashboard.Features.Demo;
using MentorDashboard.Features.Framework;
using Microsoft.EntityFrameworkCore;
using static MentorDashboard.Tests.Features.Demo.DemoSeeding;

namespace MentorDashboard.Tests.Features.Demo;

public sealed class DemoFrameworkTests
{
    [Fact]
    public async Task Seed_publishes_the_shared_framework_as_version_1_and_keys_every_programme()
    {
        await using var database = await SeededDatabaseAsync(Now);
        await using var db = await database.OpenAsync();

        var version = await db.Set<FrameworkVersion>().SingleAsync(Cancellation);
        var programmeKeys = await db.Programmes.OrderBy(p => p.Id).Select(p => p.Key).ToListAsync(Cancellation);
        var programmeId = await db.Programmes.Select(p => p.Id).FirstAsync(Cancellation);
        var framework = await new FrameworkService(database.Factory).GetForProgrammeAsync(programmeId, Cancellation);

        Assert.Equal(1, version.Number);
        Assert.NotNull(version.PublishedById);
        Assert.Equal(["welcome-neighbours", "study-buddies-eastbank"], programmeKeys.Take(2));
        Assert.Equal(DemoFramework.Topics.Select(t => t.Key), framework.Topics.Select(t => t.Key));
        Assert.Equal(DemoFramework.ActivityTypes.Select(t => t.Key), framework.ActivityTypes.Select(t => t.Key));
    }
}
