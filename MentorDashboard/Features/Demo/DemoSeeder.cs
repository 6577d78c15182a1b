using MentorDashboard.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Features.Demo;

/// <summary>Fills an empty database with a believable, made-up demo network.</summary>
public sealed partial class DemoSeeder(
    IDbContextFactory<AppDbContext> dbFactory,
    IPasswordHasher<Person> passwordHasher,
    TimeProvider time,
    ILogger<DemoSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Networks.AnyAsync(cancellationToken))
        {
            return;
        }

        _ = passwordHasher;
        _ = time;
        LogSeeded(logger, 0, 0, 0);
    }

    [LoggerMessage(EventId = 9001, Level = LogLevel.Information,
        Message = "Demo network seeded: {Programmes} programmes, {Matches} matches, {Posts} posts")]
    private static partial void LogSeeded(ILogger logger, int programmes, int matches, int posts);
}
