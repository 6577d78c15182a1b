using MentorDashboard.Features.PublicNewsroom;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Features.Newsroom;

/// <summary>The author's choice to show a post in the public newsroom, and what such a post may not contain.</summary>
public sealed partial class PostService
{
    /// <summary>
    /// Shows the author's own post in the public newsroom, or takes it back; only the author decides. Making it
    /// public runs the same checks as a new public post, and refuses with the reasons.
    /// </summary>
    public async Task<IReadOnlyList<PostError>> SetPublicAsync(
        int programmeId, long postId, string authorId, bool isPublic, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var post = await db.Posts.SingleOrDefaultAsync(
            p => p.Id == postId && p.ProgrammeId == programmeId && p.AuthorId == authorId, cancellationToken);
        if (post is null)
        {
            return [new PostError(PostFields.Post, "You can only change your own posts.")];
        }

        var errors = isPublic ? await CheckPublicAsync(programmeId, post.Text, post.Date, cancellationToken) : [];
        if (errors.Count > 0 || post.IsPublic == isPublic)
        {
            return errors;
        }

        post.IsPublic = isPublic;
        await db.SaveChangesAsync(cancellationToken);
        PublicNewsroomLog.VisibilityChanged(logger, programmeId, postId, isPublic);
        return [];
    }

    /// <summary>Why the text cannot be public: the newsroom is private, or it holds an exact place or a birth date.
    /// </summary>
    private async Task<IReadOnlyList<PostError>> CheckPublicAsync(
        int programmeId, string text, DateOnly meetingDate, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Programmes.AnyAsync(p => p.Id == programmeId && p.NewsroomIsPublic, cancellationToken))
        {
            return [new PostError(PostFields.IsPublic, "This programme's newsroom is private; its posts stay inside.")];
        }

        var details = PrivateDetails.Find(PostValidation.CleanText(text), meetingDate);
        if (details.Count > 0)
        {
            PublicNewsroomLog.PrivateDetailsFound(logger, programmeId, details.Count);
        }

        return details.Select(d => new PostError(PostFields.IsPublic, d.Description, d.Found)).ToList();
    }
}
