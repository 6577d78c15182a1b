namespace MentorDashboard.Features.PublicNewsroom;

/// <summary>The stable addresses of the public newsroom, which people share and bookmark.</summary>
public static class PublicNewsroomAddresses
{
    public static string Feed(int programmeId) => $"/news/{programmeId}";

    /// <param name="fromNewsroom">The report comes from the members' newsroom, so it leads back there.</param>
    public static string Report(int programmeId, long postId, bool fromNewsroom = false) =>
        $"/news/{programmeId}/posts/{postId}/report" + (fromNewsroom ? "?from=newsroom" : "");
}
