using MentorDashboard.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Tests.Support;

/// <summary>
/// A real, migrated SQLite database in its own temporary file, deleted when the test ends, so each test owns its
/// data. Configured through the app's own registration, so the pragmas are the ones production uses.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TestDatabase(string path, ServiceProvider services)
    {
        Path = path;
        ConnectionString = $"Data Source={path}";
        _services = services;
        Factory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
    }

    public string Path { get; }

    public string ConnectionString { get; }

    public IDbContextFactory<AppDbContext> Factory { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"md-test-{Guid.NewGuid():N}.db");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [DatabaseExtensions.ConnectionStringKey] = $"Data Source={path}",
            })
            .Build();
        var services = new ServiceCollection().AddAppDatabase(configuration).BuildServiceProvider();
        await services.MigrateDatabaseAsync(CancellationToken.None);
        return new TestDatabase(path, services);
    }

    public async Task<AppDbContext> OpenAsync() => await Factory.CreateDbContextAsync();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(Path + suffix);
        }
    }
}
