using MentorDashboard.Features.Accounts;

namespace MentorDashboard.Features.Newsroom;

public static class NewsroomExtensions
{
    public static IServiceCollection AddNewsroom(this IServiceCollection services) =>
        services.AddSingleton<PostService>();

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
