using MentorDashboard.Features.Health;
using MentorDashboard.Tests.Features.Health;
using MentorDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static MentorDashboard.Tests.Features.Demo.DemoSeeding;

namespace MentorDashboard.Tests.Features.Demo;

/// <summary>The demo shows what the health rules do: most matches on track, some to check in on, a few at risk.
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
            // TODO: evaluate the plain defaults once the demo logs support contacts (that demo data comes with
            // the support contacts feature); until then every demo match is behind on contact.
            await features.SaveDefaultRulesAsync(programmeId, [.. Enum.GetValues<HealthRuleKind>()
                .Where(kind => kind != HealthRuleKind.SupportContactBehind)]);
            var health = (await features.Health.EvaluateAsync(programmeId, cancellationToken: Cancellation))
                .Select(m => m.Health)
                .ToList();
            var reasons = health.SelectMany(m => m.Reasons).Select(r => r.ToString()).ToList();

            Assert.True(health.Count(m => m.Status == HealthStatus.OnTrack) > health.Count / 2,
                $"Most matches of programme {programmeId} should be on track.");
            Assert.InRange(health.Count(m => m.Status == HealthStatus.NeedsCheckIn), 3, health.Count / 3);
            Assert.InRange(health.Count(m => m.Status == HealthStatus.AtRisk), 2, health.Count / 5);
            Assert.Contains(reasons, r => r.StartsWith("No meeting for 1", StringComparison.Ordinal));
            Assert.Contains("The last 2 meetings went badly", reasons);
        }
    }
}
