using MentorDashboard.Data;
using MentorDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MentorDashboard.Tests.Features.Matches;

/// <summary>
/// Contexts over the test database that run <paramref name="race"/> once, just before the first save of the
/// first context: another person's change lands between this one's reading and its writing, every time.
/// </summary>
internal sealed class RacingFactory(TestDatabase database, Func<Task> race) : IDbContextFactory<AppDbContext>
{
    private readonly RaceBeforeSave _interceptor = new(race);

    public AppDbContext CreateDbContext() =>
        new(new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite(database.ConnectionString)
            .AddInterceptors(_interceptor)
            .Options);

    private sealed class RaceBeforeSave(Func<Task> race) : SaveChangesInterceptor
    {
        private int _raced;

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Exchange(ref _raced, 1) == 0)
            {
                await race();
            }

            return result;
        }
    }
}
