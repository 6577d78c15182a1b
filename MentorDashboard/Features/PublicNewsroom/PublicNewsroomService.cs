using MentorDashboard.Data;
using MentorDashboard.Features.Framework;
using MentorDashboard.Features.Newsroom;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Features.PublicNewsroom;

/// <summary>Reads a programme's public newsroom for anyone, and takes reports of its posts.</summary>
public sealed class PublicNewsroomService(
    IDbContextFactory<AppDbContext> dbFactory,
    FrameworkService framework,
    TimeProvider time,
    ILogger<PublicNewsroomService> logger)
{
    public const int PageSize = 10;

    /// <summary>
    /// The posts of a programme anyone may read: the author made it public, no coordinator rejected it, one
    /// approved it if the programme moderates, nobody has an open report on it, and a mentee who is a minor has
    /// a guardian's consent on record. Everything else stays inside the programme.
    /// </summary>
    public static IQueryable<Post> Shown(AppDbContext db, int programmeId) =>
        db.Posts.Where(p => p.ProgrammeId == programmeId
            && p.IsPublic
            && p.Review != PostReview.Rejected
            && db.Programmes.Any(g => g.Id == programmeId
                && g.NewsroomIsPublic
                && (!g.RequiresModeration || p.Review == PostReview.Approved))
            && !db.Set<PostReport>().Any(r => r.PostId == p.Id && r.ResolvedAtUtc == null)
            && (!p.Match.Mentee.IsMinor || p.Match.Mentee.GuardianConsentAtUtc != null));

    /// <summary>One page of the public newsroom, or null when the programme has none (or does not exist).</summary>
    public async Task<PublicNewsroomPage?> GetPageAsync(
        int programmeId, int page, CancellationToken cancellationToken = default)
    {
        page = Math.Max(page, 1);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var programmeName = await db.Programmes
            .Where(p => p.Id == programmeId && p.NewsroomIsPublic)
            .Select(p => p.Name)
            .SingleOrDefaultAsync(cancellationToken);
        if (programmeName is null)
        {
            return null;
        }

        var rows = await Shown(db, programmeId)
            .OrderByDescending(p => p.CreatedAtUtc)
            .ThenByDescending(p => p.Id)
            .Skip((page - 1) * PageSize)
            .Take(PageSize + 1)
            .Select(p => new
            {
                p.Id,
                MentorName = p.Match.Mentor.DisplayName,
                MenteeName = p.Match.Mentee.DisplayName,
                p.Match.Mentee.Nickname,
                p.Date,
                p.ActivityTypeKey,
                TopicKeys = p.Topics.Select(t => t.TopicKey).ToList(),
                p.Text,
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var programmeFramework = await framework.GetForProgrammeAsync(programmeId, cancellationToken);

        var posts = rows.Take(PageSize).Select(r =>
        {
            var menteeShownAs = PublicNames.Mentee(r.MenteeName, r.Nickname);
            return new PublicPostView(
                r.Id,
                PublicNames.Mentor(r.MentorName),
                menteeShownAs,
                r.Date.Year,
                r.Date.Month,
                programmeFramework.OptionOf(r.ActivityTypeKey),
                r.TopicKeys.Select(programmeFramework.OptionOf).ToList(),
                PublicNames.Mask(r.Text, r.MenteeName, menteeShownAs, r.MentorName));
        });
        return new PublicNewsroomPage(programmeId, programmeName, page, posts.ToList(), rows.Count > PageSize);
    }

    /// <summary>Whether the post can be reported by the reader: shown publicly, or in the reader's own programme.
    /// </summary>
    public async Task<bool> MayReportAsync(
        int programmeId, long postId, bool readerIsMember, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var posts = readerIsMember ? db.Posts.Where(p => p.ProgrammeId == programmeId) : Shown(db, programmeId);
        return await posts.AnyAsync(p => p.Id == postId, cancellationToken);
    }

    /// <summary>
    /// Stores a report. From that moment the post is hidden from the public newsroom until a coordinator keeps or
    /// rejects it. A reader of the public newsroom can only report what it shows; a member any post of the
    /// programme.
    /// </summary>
    public async Task<ReportResult> ReportAsync(
        int programmeId,
        long postId,
        string? reason,
        string? reporterId,
        bool reporterIsMember,
        CancellationToken cancellationToken = default)
    {
        reason = PostValidation.CleanText(reason ?? "");
        var error = reason.Length switch
        {
            0 => "Say briefly why this post should not be shown.",
            > PostReport.ReasonMaxLength => "The reason can be at most 500 characters long.",
            _ => null,
        };
        if (error is null && !await MayReportAsync(programmeId, postId, reporterIsMember, cancellationToken))
        {
            error = "This post is not in the newsroom any more.";
        }

        if (error is not null)
        {
            PublicNewsroomLog.ReportRefused(logger, programmeId, postId);
            return ReportResult.Refused(error);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Add(new PostReport
        {
            PostId = postId,
            ProgrammeId = programmeId,
            Reason = reason,
            ReportedById = reporterId,
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        PublicNewsroomLog.Reported(logger, programmeId, postId);
        return ReportResult.Done;
    }
}
