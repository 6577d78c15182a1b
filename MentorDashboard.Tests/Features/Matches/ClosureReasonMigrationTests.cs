using MentorDashboard.Data;
using MentorDashboard.Features.Matches;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MentorDashboard.Tests.Features.Matches;

/// <summary>
/// Migrates a database written before closure reasons were a list, holding closed matches with reasons as text,
/// and checks that each programme's reasons became its list and the matches point at them.
/// </summary>
public sealed class ClosureReasonMigrationTests : IAsyncLifetime
{
    private const string SchemaBefore = "PausesSupportContactsAndHealthRules";

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"md-migration-{Guid.NewGuid():N}.db");
    private ServiceProvider _services = null!;

    public ValueTask InitializeAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [DatabaseExtensions.ConnectionStringKey] = $"Data Source={_path}",
            })
            .Build();
        _services = new ServiceCollection().AddAppDatabase(configuration).BuildServiceProvider();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }

    [Fact]
    public async Task Closed_matches_text_reasons_become_each_programmes_list_and_the_matches_point_at_them()
    {
        var (harbour, hilltop) = await CreateOldDatabaseAsync();

        await using (var db = await OpenAsync())
        {
            await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        }

        await using var migrated = await OpenAsync();
        var reasons = await migrated.Set<ClosureReason>()
            .OrderBy(r => r.ProgrammeId)
            .ThenBy(r => r.SortOrder)
            .Select(r => new { r.ProgrammeId, r.Label, r.SortOrder, r.IsRetired })
            .ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(
            [
                (harbour, "Lost contact", 1), (harbour, "Moved away", 2),
                (hilltop, "Moved away", 1),
            ],
            reasons.Select(r => (r.ProgrammeId, r.Label, r.SortOrder)));
        Assert.All(reasons, r => Assert.False(r.IsRetired));

        var matches = await migrated.Matches
            .OrderBy(m => m.Id)
            .Select(m => new
            {
                m.ClosureReason,
                Linked = migrated.Set<ClosureReason>()
                    .Where(r => r.Id == m.ClosureReasonId)
                    .Select(r => new { r.ProgrammeId, r.Label })
                    .FirstOrDefault(),
                m.ProgrammeId,
            })
            .ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(
            [
                ("Moved away", harbour, "Moved away"),
                ("Moved away ", harbour, "Moved away"),
                ("Lost contact", harbour, "Lost contact"),
                ("Moved away", hilltop, "Moved away"),
                (null, harbour, null),
                ("", harbour, null),
            ],
            matches.Select(m => (m.ClosureReason, m.ProgrammeId, m.Linked?.Label)));
        Assert.All(matches.Where(m => m.Linked is not null), m => Assert.Equal(m.ProgrammeId, m.Linked!.ProgrammeId));
    }

    /// <summary>Two programmes at the schema before this feature, with closed matches and one active one.</summary>
    private async Task<(int Harbour, int Hilltop)> CreateOldDatabaseAsync()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var db = await OpenAsync();
        await db.GetService<IMigrator>().MigrateAsync(SchemaBefore, cancellation);

        var network = new Network { Name = "Test Network" };
        db.Add(network);
        await db.SaveChangesAsync(cancellation);

        // Programmes, people and matches have columns this schema does not have yet, so their rows go in as SQL.
        var harbour = await InsertProgrammeAsync(db, network.Id, "Harbour Mentors", "harbour-mentors");
        var hilltop = await InsertProgrammeAsync(db, network.Id, "Hilltop Mentors", "hilltop-mentors");
        var mentor = await InsertPersonAsync(db, "Iker Test");
        var mentee = await InsertPersonAsync(db, "Selam Test");

        (int Programme, string Status, string? Reason)[] matches =
        [
            (harbour, "Closed", "Moved away"),
            (harbour, "Closed", "Moved away "),
            (harbour, "Closed", "Lost contact"),
            (hilltop, "Closed", "Moved away"),
            (harbour, "Closed", null),
            (harbour, "Active", ""),
        ];
        foreach (var (programme, status, reason) in matches)
        {
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO "Matches" ("ProgrammeId", "MentorId", "MenteeId", "StartDate", "Status",
                    "ClosureDate", "ClosureReason")
                VALUES ({programme}, {mentor}, {mentee}, '2025-01-10', {status},
                    {(status == "Closed" ? "2025-09-30" : null)}, {reason})
                """,
                cancellation);
        }

        return (harbour, hilltop);
    }

    private static async Task<int> InsertProgrammeAsync(AppDbContext db, int networkId, string name, string key)
    {
        var cancellation = TestContext.Current.CancellationToken;
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "Programmes" ("NetworkId", "Name", "Key", "Description", "Kind")
            VALUES ({networkId}, {name}, {key}, '', 'Community')
            """,
            cancellation);
        return await db.Database.SqlQuery<int>($"""SELECT "Id" AS "Value" FROM "Programmes" WHERE "Key" = {key}""")
            .SingleAsync(cancellation);
    }

    private static async Task<string> InsertPersonAsync(AppDbContext db, string displayName)
    {
        var id = Guid.NewGuid().ToString();
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "AspNetUsers" ("Id", "DisplayName", "IsDemo", "UserName", "EmailConfirmed",
                "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount", "SecurityStamp")
            VALUES ({id}, {displayName}, 0, {id}, 0, 0, 0, 0, 0, {id})
            """,
            TestContext.Current.CancellationToken);
        return id;
    }

    private Task<AppDbContext> OpenAsync() =>
        _services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
}
