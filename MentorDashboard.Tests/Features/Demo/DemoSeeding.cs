using MentorDashboard.Data;
using MentorDashboard.Features.Demo;
using MentorDashboard.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorDashboard.Tests.Features.Demo;

/// <summary>Seeds a test database with the demo network at a fixed instant.</summary>
internal static class DemoSeeding
{
    public const int PostWindowDays = 16 * 7;

    public static readonly DateTimeOffset Now = new(2026, 12, 4, 10, 30, 0, TimeSpan.Zero);

    public static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    public static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static async Task<TestDatabase> SeededDatabaseAsync(DateTimeOffset now)
    {
        var database = await TestDatabase.CreateAsync();
        try
        {
            await SeedAsync(database, now);
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    public static async Task SeedAsync(TestDatabase database, DateTimeOffset now)
    {
        var seeder = new DemoSeeder(
            database.Factory,
            new PasswordHasher<Person>(),
            new FixedTime(now),
            NullLogger<DemoSeeder>.Instance);
        await seeder.SeedAsync(Cancellation);
    }
}
