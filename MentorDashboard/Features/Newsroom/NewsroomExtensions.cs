using MentorDashboard.Features.Accounts;
using MentorDashboard.Features.PublicNewsroom;

namespace MentorDashboard.Features.Newsroom;

public static class NewsroomExtensions
{
    public static IServiceCollection AddNewsroom(this IServiceCollection services) =>
        services
            .AddSingleton<PostService>()
            .AddSingleton<NewsroomSettingsService>()
            .AddSingleton<ModerationService>()
            .AddSingleton<PublicNewsroomService>();

    /// <summary>Read-only JSON of a programme's newest posts, for members; the same policy as the page.</summary>
    public static IEndpointRouteBuilder MapNewsroomApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/programmes/{programmeId:int}/posts", async (int programmeId, PostService posts,
                CancellationToken cancellationToken) =>
                TypedResults.Ok(await posts.ListAsync(programmeId, cancellationToken: cancellationToken)))
            .RequireAuthorization(ProgrammePolicies.Member);
        return endpoints;
    }
}
