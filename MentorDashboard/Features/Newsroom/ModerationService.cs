using System.Globalization;
using MentorDashboard.Data;
using MentorDashboard.Features.Audit;
using MentorDashboard.Features.PublicNewsroom;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Features.Newsroom;

/// <summary>A coordinator's decision on a post in the moderation queue.</summary>
public enum ModerationDecision
{
    /// <summary>Show it in the public newsroom; resolves its reports.</summary>
    Approve,

    /// <summary>Never show it in public; resolves its reports. Members still see it in the newsroom.</summary>
    Reject,

    /// <summary>The reports were unfounded: resolve them and leave the review as it was.</summary>
    Keep,
}

/// <summary>A post waiting for a coordinator, with the reasons of its open reports (none when only waiting).</summary>
public sealed record ModerationItem(
    long PostId,
    string AuthorName,
    string MenteeName,
    DateOnly Date,
    string Text,
    bool IsPublic,
    PostReview Review,
    IReadOnlyList<string> Reasons,
    bool MinorWithoutConsent = false);

public sealed record PostsToModerate(IReadOnlyList<ModerationItem> Waiting, IReadOnlyList<ModerationItem> Reported)
{
    public int Count => Waiting.Count + Reported.Count;
}

/// <summary>The moderation queue of a programme: public posts waiting for approval and reported posts.</summary>
public sealed class ModerationService(
    IDbContextFactory<AppDbContext> dbFactory, AuditLog audit, TimeProvider time, ILogger<ModerationService> logger)
{
    // A queue longer than this is read in turns; the oldest come first so nothing waits for ever.
    private const int QueueSize = 100;

    public async Task<PostsToModerate> GetQueueAsync(int programmeId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var moderates = await db.Programmes
            .AnyAsync(p => p.Id == programmeId && p.RequiresModeration, cancellationToken);
        var reported = await ReadAsync(
            db,
            db.Posts.Where(p => p.ProgrammeId == programmeId
                && db.Set<PostReport>().Any(r => r.PostId == p.Id && r.ResolvedAtUtc == null)),
            cancellationToken);
        var waiting = moderates
            ? await ReadAsync(
                db,
                db.Posts.Where(p => p.ProgrammeId == programmeId && p.IsPublic && p.Review == PostReview.NotReviewed
                    && !db.Set<PostReport>().Any(r => r.PostId == p.Id && r.ResolvedAtUtc == null)),
                cancellationToken)
            : [];
        return new PostsToModerate(waiting, reported);
    }

    /// <summary>How many posts wait for a coordinator, for the newsroom's badge.</summary>
    public async Task<int> CountAsync(int programmeId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var moderates = await db.Programmes
            .AnyAsync(p => p.Id == programmeId && p.RequiresModeration, cancellationToken);
        return await db.Posts
            .Where(p => p.ProgrammeId == programmeId)
            .CountAsync(p => db.Set<PostReport>().Any(r => r.PostId == p.Id && r.ResolvedAtUtc == null)
                || (moderates && p.IsPublic && p.Review == PostReview.NotReviewed), cancellationToken);
    }

    /// <summary>Records the decision, resolves the post's open reports and audits it; false for an unknown post.
    /// </summary>
    public async Task<bool> DecideAsync(
        int programmeId,
        long postId,
        ModerationDecision decision,
        string coordinatorId,
        CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var post = await db.Posts
            .SingleOrDefaultAsync(p => p.Id == postId && p.ProgrammeId == programmeId, cancellationToken);
        if (post is null)
        {
            return false;
        }

        if (decision != ModerationDecision.Keep)
        {
            post.Review = decision == ModerationDecision.Approve ? PostReview.Approved : PostReview.Rejected;
        }

        post.ReviewedAtUtc = now;
        post.ReviewedById = coordinatorId;
        var reports = await db.Set<PostReport>()
            .Where(r => r.PostId == postId && r.ResolvedAtUtc == null)
            .ToListAsync(cancellationToken);
        foreach (var report in reports)
        {
            report.ResolvedAtUtc = now;
            report.ResolvedById = coordinatorId;
        }

        await db.SaveChangesAsync(cancellationToken);
        PublicNewsroomLog.Moderated(logger, programmeId, postId, decision, reports.Count);
        await audit.WriteAsync(
            AuditKind.PostModerated,
            coordinatorId,
            programmeId,
            postId.ToString(CultureInfo.InvariantCulture),
            decision.ToString(),
            cancellationToken);
        return true;
    }

    private static async Task<IReadOnlyList<ModerationItem>> ReadAsync(
        AppDbContext db, IQueryable<Post> posts, CancellationToken cancellationToken)
    {
        var rows = await posts
            .OrderBy(p => p.CreatedAtUtc)
            .ThenBy(p => p.Id)
            .Take(QueueSize)
            .Select(p => new
            {
                p.Id,
                AuthorName = p.Author.DisplayName,
                MenteeName = p.Match.Mentee.DisplayName,
                p.Date,
                p.Text,
                p.IsPublic,
                p.Review,
                MinorWithoutConsent = p.Match.Mentee.IsMinor && p.Match.Mentee.GuardianConsentAtUtc == null,
            })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var reasons = (await db.Set<PostReport>()
                .Where(r => ids.Contains(r.PostId) && r.ResolvedAtUtc == null)
                .OrderBy(r => r.CreatedAtUtc)
                .Select(r => new { r.PostId, r.Reason })
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.PostId, r => r.Reason);
        return rows.Select(r => new ModerationItem(
                r.Id, r.AuthorName, r.MenteeName, r.Date, r.Text, r.IsPublic, r.Review, reasons[r.Id].ToList(),
                r.MinorWithoutConsent))
            .ToList();
    }
}
