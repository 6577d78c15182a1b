namespace MentorDashboard.Features.Matches;

public static class MatchesExtensions
{
    public static IServiceCollection AddMatches(this IServiceCollection services) =>
        services
            .AddSingleton<MatchService>()
            .AddSingleton<MatchTimelineService>()
            .AddSingleton<ClosureReasonService>();
}
