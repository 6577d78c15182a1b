using MentorDashboard.Data;
using MentorDashboard.Features.Framework;
using MentorDashboard.Features.Live;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Features.Newsroom;

/// <summary>Saves meeting reports and reads a programme's feed.</summary>
public sealed partial class PostService(
    IDbContextFactory<AppDbContext> dbFactory,
    FrameworkService framework,
    IProgrammeEvents events,
    TimeProvider time,
    ILogger<PostService> logger)
{
    public const int PageSize = 20;

    /// <summary>How long after a closure the post form still offers the match: late reports come within days.
    /// </summary>
    public const int LateReportDays = 14;

    public DateOnly Today => time.Today();

    /// <summary>
    /// Validates the post against the rules and the match, saves it, and only after the save has committed tells
    /// the programme's live views. Refused posts change nothing.
    /// </summary>
    public async Task<PostResult> CreateAsync(
        int programmeId, string authorId, PostInput input, CancellationToken cancellationToken = default)
    {
        var programmeFramework = await framework.GetForProgrammeAsync(programmeId, cancellationToken);
        var errors = PostValidation.Validate(input, Today, programmeFramework);
        if (errors.Count == 0 && input.IsPublic)
        {
            errors = await CheckPublicAsync(programmeId, input.Text, DateOnly.FromDateTime(input.Date!.Value),
                cancellationToken);
        }

        if (errors.Count > 0)
        {
            PostsLog.Rejected(logger, programmeId, errors.Count);
            return new PostResult(null, errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var existing = await db.Posts
            .Where(p => p.SubmissionId == input.SubmissionId && p.AuthorId == authorId)
            .Select(p => (long?)p.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (existing is { } existingId)
        {
            return new PostResult(await GetAsync(db, existingId, programmeFramework, cancellationToken), []);
        }

        var match = await db.Matches
            .Where(m => m.Id == input.MatchId && m.ProgrammeId == programmeId)
            .Select(m => new { m.MentorId, m.Status, m.StartDate, m.PausedOn, m.ClosureDate })
            .SingleOrDefaultAsync(cancellationToken);

        // Checked on every save, not only when the page opened: a mentor removed from the programme while the
        // newsroom was open must not post any more.
        var isMentor = await db.Memberships.AnyAsync(
            m => m.PersonId == authorId && m.ProgrammeId == programmeId && m.Role == ProgrammeRole.Mentor,
            cancellationToken);
        var date = DateOnly.FromDateTime(input.Date!.Value);

        // A closed match takes late reports of meetings up to its closure date: mentors often write a meeting
        // up days later. A paused match does the same up to the day its pause began. A meeting inside the pause
        // means the pair meets again, so the coordinator resumes the match first: the pause's dates stay true,
        // and the health rules, which leave paused matches alone, watch the match again.
        var matchError = match switch
        {
            _ when !isMentor => "You are no longer a mentor in this programme.",
            null => "That match is not part of this programme.",
            _ when match.MentorId != authorId => "You can only post about your own matches.",
            _ when date < match.StartDate => "The meeting date is before the match started.",
            { Status: MatchStatus.Closed } when !(date <= match.ClosureDate) =>
                "This match is closed; only meetings up to its closure date can be reported.",
            { Status: MatchStatus.Paused } when !(date <= match.PausedOn) =>
                "This match is paused; only meetings up to the start of the pause can be reported. Ask your "
                + "coordinator to resume it.",
            _ => null,
        };
        if (matchError is not null)
        {
            PostsLog.Rejected(logger, programmeId, 1);
            // Past the checks of who may post, what remains is about the date.
            var field = isMentor && match?.MentorId == authorId ? PostFields.Date : PostFields.Match;
            return PostResult.Rejected(new PostError(field, matchError));
        }

        var post = new Post
        {
            ProgrammeId = programmeId,
            MatchId = input.MatchId!.Value,
            AuthorId = authorId,
            Date = date,
            Minutes = input.Minutes!.Value,
            ActivityTypeKey = input.ActivityTypeKey!,
            Topics = input.TopicKeys
                .Distinct(StringComparer.Ordinal)
                .Select(key => new PostTopic { TopicKey = key })
                .ToList(),
            Rating = input.Rating,
            Text = PostValidation.CleanText(input.Text),
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            SubmissionId = input.SubmissionId,
            IsPublic = input.IsPublic,
        };
        db.Posts.Add(post);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same submit arrived twice at once (a retry over a poor connection): the first one won.
            if (await SubmissionSavedAsync(input.SubmissionId, authorId, cancellationToken))
            {
                return await CreateAsync(programmeId, authorId, input, cancellationToken);
            }

            throw;
        }

        PostsLog.Saved(logger, programmeId, post.Id);

        await events.PublishAsync(
            new ProgrammeEvent(programmeId, ProgrammeEventKind.PostSaved, post.CreatedAtUtc), cancellationToken);
        return new PostResult(await GetAsync(db, post.Id, programmeFramework, cancellationToken), []);
    }

    /// <summary>The newest posts of a programme, newest first; pass the last one shown to read the next page.</summary>
    public async Task<IReadOnlyList<PostView>> ListAsync(
        int programmeId, PostView? after = null, int take = PageSize, CancellationToken cancellationToken = default)
    {
        var programmeFramework = await framework.GetForProgrammeAsync(programmeId, cancellationToken);
        return await ListAsync(programmeId, programmeFramework, after, take, cancellationToken);
    }

    /// <summary>The same, for a caller that has already read the programme's framework.</summary>
    internal async Task<IReadOnlyList<PostView>> ListAsync(
        int programmeId,
        ProgrammeFramework programmeFramework,
        PostView? after,
        int take,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Posts.Where(p => p.ProgrammeId == programmeId);
        if (after is not null)
        {
            query = query.Where(p => p.CreatedAtUtc < after.CreatedAtUtc
                || (p.CreatedAtUtc == after.CreatedAtUtc && p.Id < after.Id));
        }

        return await ToViewsAsync(
            query.OrderByDescending(p => p.CreatedAtUtc).ThenByDescending(p => p.Id).Take(take),
            programmeFramework,
            cancellationToken);
    }

    /// <summary>Posts saved after <paramref name="newest"/>, for a feed that is already showing it.</summary>
    public async Task<IReadOnlyList<PostView>> ListNewerAsync(
        int programmeId, PostView newest, CancellationToken cancellationToken = default)
    {
        var programmeFramework = await framework.GetForProgrammeAsync(programmeId, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Posts
            .Where(p => p.ProgrammeId == programmeId)
            .Where(p => p.CreatedAtUtc > newest.CreatedAtUtc
                || (p.CreatedAtUtc == newest.CreatedAtUtc && p.Id > newest.Id))
            .OrderByDescending(p => p.CreatedAtUtc)
            .ThenByDescending(p => p.Id)
            .Take(PageSize);
        return await ToViewsAsync(query, programmeFramework, cancellationToken);
    }

    /// <summary>
    /// The author's matches in the programme that take posts, for the post form: active and paused ones, and
    /// those closed in the last <see cref="LateReportDays"/> days, whose last meetings may still be reported.
    /// </summary>
    public async Task<IReadOnlyList<MatchOption>> ListMatchesOfMentorAsync(
        int programmeId, string mentorId, CancellationToken cancellationToken = default)
    {
        var closedSince = Today.AddDays(-LateReportDays);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Matches
            .Where(m => m.ProgrammeId == programmeId && m.MentorId == mentorId)
            .Where(m => m.Status != MatchStatus.Closed || m.ClosureDate >= closedSince)
            .OrderBy(m => m.Status == MatchStatus.Active ? 0 : m.Status == MatchStatus.Paused ? 1 : 2)
            .ThenBy(m => m.Mentee.DisplayName)
            .Select(m => new MatchOption(m.Id, m.Mentee.DisplayName, m.StartDate, m.Status))
            .ToListAsync(cancellationToken);
    }

    private async Task<bool> SubmissionSavedAsync(
        Guid submissionId, string authorId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Posts
            .AnyAsync(p => p.SubmissionId == submissionId && p.AuthorId == authorId, cancellationToken);
    }

    private static async Task<PostView> GetAsync(
        AppDbContext db, long postId, ProgrammeFramework programmeFramework, CancellationToken cancellationToken) =>
        (await ToViewsAsync(db.Posts.Where(p => p.Id == postId), programmeFramework, cancellationToken)).Single();

    internal static async Task<IReadOnlyList<PostView>> ToViewsAsync(
        IQueryable<Post> posts, ProgrammeFramework programmeFramework, CancellationToken cancellationToken)
    {
        var rows = await posts
            .Select(p => new
            {
                p.Id,
                p.MatchId,
                AuthorName = p.Author.DisplayName,
                MenteeName = p.Match.Mentee.DisplayName,
                p.Date,
                p.Minutes,
                p.ActivityTypeKey,
                TopicKeys = p.Topics.Select(t => t.TopicKey).ToList(),
                p.Rating,
                p.Text,
                p.CreatedAtUtc,
                p.IsPublic,
                p.AuthorId,
                p.Review,
                MinorWithoutConsent = p.Match.Mentee.IsMinor && p.Match.Mentee.GuardianConsentAtUtc == null,
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        return rows.Select(r => new PostView(
                r.Id,
                r.MatchId,
                r.AuthorName,
                r.MenteeName,
                r.Date,
                r.Minutes,
                programmeFramework.OptionOf(r.ActivityTypeKey),
                r.TopicKeys.Select(programmeFramework.OptionOf).ToList(),
                r.Rating,
                r.Text,
                DateTime.SpecifyKind(r.CreatedAtUtc, DateTimeKind.Utc),
                r.IsPublic,
                r.AuthorId,
                r.Review,
                r.MinorWithoutConsent))
            .ToList();
    }
}
