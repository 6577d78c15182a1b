using MentorDashboard.Data;
using MentorDashboard.Features.Dashboard;

namespace MentorDashboard.Bench;

internal sealed record CardTimings(string Card, Timings Timings);

/// <summary>Times the dashboard's read as a whole, then each data card's query on its own.</summary>
internal sealed class DashboardBenchmark(BenchApp app, int programmeId, BenchOptions options)
{
    public Task<Timings> LoadAsync(CancellationToken cancellationToken) =>
        Timings.MeasureAsync(
            () => app.Dashboard.LoadAsync(programmeId, cancellationToken),
            options.Warmups,
            options.Runs);

    /// <summary>
    /// Each read opens a context of its own, where LoadAsync shares one between the cards, so the cards
    /// need not add up to LoadAsync exactly.
    /// </summary>
    public async Task<IReadOnlyList<CardTimings>> CardsAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(app.Time.GetLocalNow().DateTime);
        var framework = await app.Framework.GetForProgrammeAsync(programmeId, cancellationToken);
        var reads = new (string Card, Func<AppDbContext, IQueryable<Post>, Task> Read)[]
        {
            ("framework labels", (_, _) =>
                app.Framework.GetForProgrammeAsync(programmeId, cancellationToken)),
            ("headline", (db, _) =>
                DashboardService.ReadHeadlineAsync(db, programmeId, today, cancellationToken)),
            ("meetings per week", (_, posts) =>
                DashboardService.ReadMeetingsPerWeekAsync(posts, today, cancellationToken)),
            ("topics", (db, posts) =>
                DashboardService.ReadTopicsAsync(db, posts, today, framework, cancellationToken)),
            ("activity types", (_, posts) => DashboardService.ReadActivityTypesAsync(
                posts, today, framework, cancellationToken)),
            ("health rules, all matches", (_, _) =>
                app.Health.EvaluateAsync(programmeId, cancellationToken: cancellationToken)),
            ("matches needing attention", (_, _) =>
                app.Health.ReadNeedAttentionAsync(programmeId, cancellationToken: cancellationToken)),
            ("latest posts", (_, _) => app.Posts.ListAsync(
                programmeId,
                take: DashboardService.LatestPostCount,
                cancellationToken: cancellationToken)),
            ("match lengths", (db, _) =>
                DashboardService.ReadMatchLengthsAsync(db, programmeId, today, cancellationToken)),
            ("closure reasons", (db, _) =>
                DashboardService.ReadClosureReasonsAsync(db, programmeId, today, cancellationToken)),
        };

        var cards = new List<CardTimings>();
        foreach (var (card, read) in reads)
        {
            var timings = await Timings.MeasureAsync(
                async () =>
                {
                    await using var db =
                        await app.DbFactory.CreateDbContextAsync(cancellationToken);
                    await read(db, db.Posts.Where(p => p.ProgrammeId == programmeId));
                },
                options.Warmups,
                options.Runs);
            cards.Add(new CardTimings(card, timings));
        }

        return cards;
    }
}
