using MentorDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Features.Framework;

public sealed record FrameworkOption(string Key, string Label);

/// <summary>The topics and activity types a programme's posts may use, in the network's order.</summary>
public sealed record ProgrammeFramework(
    IReadOnlyList<FrameworkOption> Topics, IReadOnlyList<FrameworkOption> ActivityTypes)
{
    public string LabelOf(string key) =>
        Topics.Concat(ActivityTypes).FirstOrDefault(o => o.Key == key)?.Label ?? key;
}

public sealed class FrameworkService(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<ProgrammeFramework> GetForProgrammeAsync(int programmeId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var networkId = await db.Programmes
            .Where(p => p.Id == programmeId)
            .Select(p => p.NetworkId)
            .SingleAsync(cancellationToken);
        var items = await db.FrameworkItems
            .Where(i => i.NetworkId == networkId)
            .OrderBy(i => i.SortOrder)
            .ThenBy(i => i.Label)
            .Select(i => new { i.Kind, i.Key, i.Label })
            .ToListAsync(cancellationToken);
        List<FrameworkOption> OfKind(FrameworkItemKind kind) =>
            items.Where(i => i.Kind == kind).Select(i => new FrameworkOption(i.Key, i.Label)).ToList();

        return new ProgrammeFramework(OfKind(FrameworkItemKind.Topic), OfKind(FrameworkItemKind.ActivityType));
    }
}

public static class FrameworkExtensions
{
    public static IServiceCollection AddFramework(this IServiceCollection services) =>
        services.AddSingleton<FrameworkService>();
}
