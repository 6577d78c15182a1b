using MentorDashboard.Features.Health;
using MentorDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static MentorDashboard.Tests.Features.Demo.DemoSeeding;

namespace MentorDashboard.Tests.Features.Demo;

/// <summary>The demo shows what the health rules do: many matches on track, some to check in on, a few at risk.
/// </summary>
public sealed class DemoSeederHealthTests
{
    [Fact]
    public async Task Seed_gives_each_programme_a_realistic_mix_of_match_health()
    {
        await using var database = await SeededDatabaseAsync(Now);
        var features = new FeatureServices(database, new FixedTime(Now));
        await using var db = await database.OpenAsync();
        var programmeIds = await db.Programmes.Select(p => p.Id).ToListAsync(Cancellation);

        foreach (var programmeId in programmeIds)
        {
            // No rule rows: the programme's health is judged by the default rules, support contacts included.
            var health = (await features.Health.EvaluateAsync(programmeId, cancellationToken: Cancellation))
                .Select(m => m.Health)
                .ToList();
            var reasons = health.SelectMany(m => m.Reasons).Select(r => r.ToString()).ToList();

            var tally = string.Join(", ", reasons.GroupBy(r => r[..Math.Min(20, r.Length)])
                .Select(g => $"{g.Key}: {g.Count()}"));
            // On track is the largest group. It is not always more than half: the online programme's pairs answer
            // more questionnaires, and every overdue one or concern score counts on top of the meeting rules.
            var onTrack = health.Count(m => m.Status == HealthStatus.OnTrack);
            Assert.True(onTrack >= health.Count * 2 / 5
                && health.GroupBy(m => m.Status).All(g => g.Key == HealthStatus.OnTrack || g.Count() < onTrack),
                $"Programme {programmeId}: on track should be the largest group; {health.Count} matches, {tally}.");
            Assert.InRange(health.Count(m => m.Status == HealthStatus.NeedsCheckIn), 3, health.Count / 3);
            var atRisk = string.Join(" | ", health.Where(m => m.Status == HealthStatus.AtRisk)
                .Select(m => string.Join("; ", m.Reasons)));
            // Concern scores make a match at risk by default; the demo's struggling pairs carry several.
            Assert.True(health.Count(m => m.Status == HealthStatus.AtRisk) is var n && n >= 2 && n <= health.Count / 3,
                $"Programme {programmeId} at risk: {atRisk}");
            Assert.Contains(reasons, r => r.StartsWith("No meeting for 1", StringComparison.Ordinal));
            Assert.Contains("The last 2 meetings went badly", reasons);
        }
    }
}
