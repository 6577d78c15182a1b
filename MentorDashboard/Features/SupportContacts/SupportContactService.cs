using System.Globalization;
using System.Security.Claims;
using MentorDashboard.Data;
using MentorDashboard.Features.Accounts;
using MentorDashboard.Features.Audit;
using MentorDashboard.Features.Health;
using MentorDashboard.Features.Live;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Features.SupportContacts;

/// <summary>
/// Logs coordinators' support contacts, lists a match's contacts and measures a programme against its contact
/// standard. Every call asks again whether the person coordinates the programme: notes are for coordinators only.
/// </summary>
public sealed class SupportContactService(
    IDbContextFactory<AppDbContext> dbFactory,
    ProgrammeAccess access,
    IProgrammeEvents events,
    AuditLog audit,
    TimeProvider time,
    ILogger<SupportContactService> logger)
{
    private static readonly SupportContactError NotACoordinator = new(
        SupportContactFields.Contact, "Only the programme's coordinators can log and read support contacts.");

    public DateOnly Today => time.Today();

    /// <summary>
    /// Validates the contact against the rules and the match's dates, saves it, and only after the save has
    /// committed tells the programme's live views. Refused contacts change nothing; a retried submission returns
    /// the contact saved the first time.
    /// </summary>
    public async Task<SupportContactResult> LogAsync(
        ClaimsPrincipal coordinator,
        int programmeId,
        SupportContactInput input,
        CancellationToken cancellationToken = default)
    {
        // Asked on every save, not only when the page opened: a coordinator removed from the programme while
        // the dashboard was open must not log contacts any more.
        var rights = await access.GetAsync(coordinator, programmeId, cancellationToken);
        if (!rights.CanCoordinate || ProgrammeAccess.PersonId(coordinator) is not { } personId)
        {
            SupportContactsLog.AccessRefused(logger, programmeId);
            return SupportContactResult.Rejected(NotACoordinator);
        }

        var errors = SupportContactValidation.Validate(input, Today);
        if (errors.Count > 0)
        {
            SupportContactsLog.Rejected(logger, programmeId, errors.Count);
            return new SupportContactResult(null, errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var existing = await db.Set<SupportContact>()
            .Where(c => c.SubmissionId == input.SubmissionId)
            .Where(c => c.ProgrammeId == programmeId && c.RecordedById == personId)
            .Select(c => (long?)c.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (existing is { } existingId)
        {
            return new SupportContactResult(await GetAsync(db, existingId, cancellationToken), []);
        }

        var match = await db.Matches
            .Where(m => m.Id == input.MatchId && m.ProgrammeId == programmeId)
            .Select(m => new { m.StartDate, m.ClosureDate })
            .SingleOrDefaultAsync(cancellationToken);
        var date = DateOnly.FromDateTime(input.Date!.Value);
        SupportContactError? matchError = match switch
        {
            null => new(SupportContactFields.Match, "That match is not part of this programme."),
            _ when date < match.StartDate =>
                new(SupportContactFields.Date, "The contact date is before the match started."),
            { ClosureDate: { } closed } when date > closed =>
                new(SupportContactFields.Date, "The contact date is after the match was closed."),
            _ => null,
        };
        if (matchError is not null)
        {
            SupportContactsLog.Rejected(logger, programmeId, 1);
            return SupportContactResult.Rejected(matchError);
        }

        var contact = new SupportContact
        {
            ProgrammeId = programmeId,
            MatchId = input.MatchId,
            Date = date,
            Channel = input.Channel!.Value,
            With = input.With!.Value,
            Note = SupportContactValidation.CleanNote(input.Note),
            FollowUpNeeded = input.FollowUpNeeded,
            RecordedById = personId,
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            SubmissionId = input.SubmissionId,
        };
        db.Add(contact);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same submit arrived twice at once (a retry over a poor connection): the first one won.
            if (await SubmissionSavedAsync(input.SubmissionId, personId, cancellationToken))
            {
                return await LogAsync(coordinator, programmeId, input, cancellationToken);
            }

            throw;
        }

        SupportContactsLog.Saved(logger, programmeId, contact.MatchId, contact.Id);
        await events.PublishAsync(
            new ProgrammeEvent(programmeId, ProgrammeEventKind.SupportContactSaved, contact.CreatedAtUtc),
            cancellationToken);
        return new SupportContactResult(await GetAsync(db, contact.Id, cancellationToken), []);
    }

    /// <summary>
    /// The match with its contacts, newest first; null when the match is not in the programme or the person does
    /// not coordinate it. Showing notes is recorded in the audit log unless <paramref name="recordView"/> is false
    /// (a live refresh of a list the person already has open).
    /// </summary>
    public async Task<MatchContacts?> ListForMatchAsync(
        ClaimsPrincipal viewer,
        int programmeId,
        int matchId,
        bool recordView = true,
        CancellationToken cancellationToken = default)
    {
        if (!(await access.GetAsync(viewer, programmeId, cancellationToken)).CanCoordinate)
        {
            SupportContactsLog.AccessRefused(logger, programmeId);
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var match = await db.Matches
            .Where(m => m.Id == matchId && m.ProgrammeId == programmeId)
            .Select(m => new
            {
                MentorName = m.Mentor.DisplayName,
                MenteeName = m.Mentee.DisplayName,
                m.Status,
                m.StartDate,
                m.ClosureDate,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (match is null)
        {
            return null;
        }

        var contacts = await ToViews(db, db.Set<SupportContact>().Where(c => c.MatchId == matchId))
            .ToListAsync(cancellationToken);
        if (recordView && contacts.Count > 0)
        {
            await audit.WriteAsync(AuditKind.SupportNotesViewed, ProgrammeAccess.PersonId(viewer), programmeId,
                subjectId: matchId.ToString(CultureInfo.InvariantCulture), cancellationToken: cancellationToken);
        }

        return new MatchContacts(
            matchId,
            match.MentorName,
            match.MenteeName,
            match.Status,
            match.StartDate,
            match.ClosureDate,
            contacts.OrderByDescending(c => c.Date).ThenByDescending(c => c.Id).ToList());
    }

    /// <summary>The programme's compliance with its contact standard today, for a coordinator.</summary>
    public async Task<ContactCompliance?> ReadComplianceAsync(
        ClaimsPrincipal viewer, int programmeId, CancellationToken cancellationToken = default)
    {
        if (!(await access.GetAsync(viewer, programmeId, cancellationToken)).CanCoordinate)
        {
            SupportContactsLog.AccessRefused(logger, programmeId);
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ReadComplianceAsync(db, programmeId, Today, cancellationToken);
    }

    /// <summary>
    /// The same, from a context the caller has opened and checked access for (the dashboard reads every card
    /// from one context). Only active matches count; see <see cref="ContactCompliance"/> for paused ones.
    /// </summary>
    internal static async Task<ContactCompliance> ReadComplianceAsync(
        AppDbContext db, int programmeId, DateOnly today, CancellationToken cancellationToken)
    {
        var standard = await ReadStandardAsync(db, programmeId, cancellationToken);
        var activeMatches = db.Matches.Where(m => m.ProgrammeId == programmeId && m.Status == MatchStatus.Active);
        var matches = await activeMatches
            .Select(m => new
            {
                m.Id,
                MentorName = m.Mentor.DisplayName,
                MenteeName = m.Mentee.DisplayName,
                m.StartDate,
            })
            .ToListAsync(cancellationToken);
        var contacts = (await db.Set<SupportContact>()
                .Where(c => c.ProgrammeId == programmeId && c.Date <= today)
                .Where(c => activeMatches.Any(m => m.Id == c.MatchId))
                .Select(c => new { c.MatchId, c.Id, c.Date, c.FollowUpNeeded })
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.MatchId);

        var statuses = matches
            .Select(m =>
            {
                var ofMatch = contacts[m.Id].ToList();
                var check = ContactStandard.Check(m.StartDate, ofMatch.Select(c => c.Date), today,
                    standard.FirstPeriodContacts, standard.IntervalDays);
                var latest = ofMatch.OrderByDescending(c => c.Date).ThenByDescending(c => c.Id).FirstOrDefault();
                return new MatchContactStatus(m.Id, m.MentorName, m.MenteeName, check.IsBehind, check.LastContact,
                    check.NextDue, latest?.FollowUpNeeded == true);
            })
            .ToList();
        return new ContactCompliance(
            programmeId,
            standard,
            statuses.Count,
            statuses.Count(s => !s.IsBehind),
            statuses
                .Where(s => s.IsBehind || s.FollowUpNeeded)
                .OrderByDescending(s => s.IsBehind)
                .ThenBy(s => s.NextDue)
                .ThenBy(s => s.MatchId)
                .ToList());
    }

    /// <summary>
    /// The numbers of the programme's enabled support-contact health rule; the defaults when it has none (or
    /// only a disabled one, or one that leaves a number unset).
    /// </summary>
    internal static async Task<ContactStandardSettings> ReadStandardAsync(
        AppDbContext db, int programmeId, CancellationToken cancellationToken)
    {
        var rule = await db.Set<HealthRule>()
            .Where(r => r.ProgrammeId == programmeId && r.Kind == HealthRuleKind.SupportContactBehind && r.IsEnabled)
            .OrderBy(r => r.SortOrder)
            .ThenBy(r => r.Id)
            .Select(r => new { r.Count, r.Days })
            .FirstOrDefaultAsync(cancellationToken);
        var defaults = ContactStandardSettings.Default;
        return new ContactStandardSettings(
            rule?.Count is >= 1 and var count ? count : defaults.FirstPeriodContacts,
            rule?.Days is >= 1 and var days ? days : defaults.IntervalDays);
    }

    private async Task<bool> SubmissionSavedAsync(
        Guid submissionId, string personId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<SupportContact>()
            .AnyAsync(c => c.SubmissionId == submissionId && c.RecordedById == personId, cancellationToken);
    }

    private static Task<SupportContactView> GetAsync(AppDbContext db, long id, CancellationToken cancellationToken) =>
        ToViews(db, db.Set<SupportContact>().Where(c => c.Id == id)).SingleAsync(cancellationToken);

    private static IQueryable<SupportContactView> ToViews(AppDbContext db, IQueryable<SupportContact> contacts) =>
        from c in contacts
        join person in db.Users on c.RecordedById equals person.Id into recorders
        from recorder in recorders.DefaultIfEmpty()
        select new SupportContactView(
            c.Id,
            c.MatchId,
            c.Date,
            c.Channel,
            c.With,
            c.Note,
            c.FollowUpNeeded,
            recorder == null ? null : recorder.DisplayName,
            DateTime.SpecifyKind(c.CreatedAtUtc, DateTimeKind.Utc));
}
