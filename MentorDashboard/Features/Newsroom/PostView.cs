using MentorDashboard.Data;
using MentorDashboard.Features.Framework;

namespace MentorDashboard.Features.Newsroom;

/// <summary>A post as the newsroom and the dashboard show it, with framework labels resolved.</summary>
public sealed record PostView(
    long Id,
    int MatchId,
    string AuthorName,
    string MenteeName,
    DateOnly Date,
    int Minutes,
    FrameworkOption ActivityType,
    IReadOnlyList<FrameworkOption> Topics,
    int Rating,
    string Text,
    DateTime CreatedAtUtc,
    bool IsPublic = false,
    string AuthorId = "",
    PostReview Review = PostReview.NotReviewed,
    bool MinorWithoutConsent = false);

/// <summary>A mentor's match that takes posts, offered in the post form; most are active.</summary>
public sealed record MatchOption(
    int MatchId, string MenteeName, DateOnly StartDate, MatchStatus Status = MatchStatus.Active);

/// <summary>Either the saved post or every reason it was refused; nothing is stored when refused.</summary>
public sealed record PostResult(PostView? Post, IReadOnlyList<PostError> Errors)
{
    public bool Saved => Post is not null;

    public static PostResult Rejected(params PostError[] errors) => new(null, errors);
}
