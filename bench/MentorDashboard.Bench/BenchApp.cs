using MentorDashboard.Data;
using MentorDashboard.Features.Accounts;
using MentorDashboard.Features.Dashboard;
using MentorDashboard.Features.Framework;
using MentorDashboard.Features.Health;
using MentorDashboard.Features.Import;
using MentorDashboard.Features.Live;
using MentorDashboard.Features.Newsroom;
using MentorDashboard.Features.Questionnaires;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MentorDashboard.Bench;

/// <summary>
/// The app's own feature registrations over a migrated SQLite database in a temporary file, so the
/// figures are those of production's services, pragmas and indexes. Logging has no providers, so no
/// console writes land in the timings. The file is deleted on dispose.
/// </summary>
internal sealed class BenchApp : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private BenchApp(string databasePath, ServiceProvider services)
    {
        DatabasePath = databasePath;
        _services = services;
    }

    public string DatabasePath { get; }

    public TimeProvider Time => _services.GetRequiredService<TimeProvider>();

    public IDbContextFactory<AppDbContext> DbFactory =>
        _services.GetRequiredService<IDbContextFactory<AppDbContext>>();

    public FrameworkService Framework => _services.GetRequiredService<FrameworkService>();

    public PostService Posts => _services.GetRequiredService<PostService>();

    public DashboardService Dashboard => _services.GetRequiredService<DashboardService>();

    public HealthService Health => _services.GetRequiredService<HealthService>();

    public IProgrammeEvents Events => _services.GetRequiredService<IProgrammeEvents>();

    public ImportService Import => _services.GetRequiredService<ImportService>();

    public static async Task<BenchApp> StartAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"md-bench-{Guid.NewGuid():N}.db");
        var connectionString = $"Data Source={path}";
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new(DatabaseExtensions.ConnectionStringKey, connectionString)])
            .Build();
        var services = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddLogging()
            .AddAppDatabase(configuration)
            .AddLiveUpdates()
            .AddFramework()
            .AddNewsroom()
            .AddQuestionnaires()
            .AddDashboard()
            .AddHealth()
            .AddImport(configuration)
            .AddSingleton<ProgrammeAccess>()
            .BuildServiceProvider();
        var app = new BenchApp(path, services);
        try
        {
            await services.MigrateDatabaseAsync(cancellationToken);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public async Task<string> SqliteVersionAsync(CancellationToken cancellationToken)
    {
        await using var db = await DbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        return db.Database.GetDbConnection().ServerVersion;
    }

    /// <summary>The database file with its write-ahead log.</summary>
    public long DatabaseBytes() =>
        Files().Where(File.Exists).Sum(file => new FileInfo(file).Length);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();

        // Pooled connections would keep the file open.
        SqliteConnection.ClearAllPools();
        foreach (var file in Files())
        {
            File.Delete(file);
        }
    }

    private string[] Files() => [DatabasePath, DatabasePath + "-wal", DatabasePath + "-shm"];
}
