using MentorDashboard.Data;
using MentorDashboard.Features.Questionnaires;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MentorDashboard.Features.Reminders;

/// <summary>
/// Says what mentors should be reminded of, in the app and by e-mail, keeps each person's choice of reminders,
/// and records the e-mails sent so the rate limit holds. Only active matches count: paused and closed ones are
/// left alone.
/// </summary>
public sealed class ReminderService(
    IDbContextFactory<AppDbContext> dbFactory,
    QuestionnaireService questionnaires,
    IOptions<ReminderOptions> options,
    TimeProvider time,
    ILogger<ReminderService> logger)
{
    public async Task<ReminderChoices> GetChoicesAsync(string personId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<ReminderPreference>()
            .Where(p => p.PersonId == personId)
            .Select(p => new ReminderChoices(p.InApp, p.Email))
            .SingleOrDefaultAsync(cancellationToken) ?? ReminderChoices.Default;
    }

    public async Task SaveChoicesAsync(
        string personId, ReminderChoices choices, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var preference = await db.Set<ReminderPreference>().FindAsync([personId], cancellationToken);
        if (preference is null)
        {
            preference = new ReminderPreference { PersonId = personId };
            db.Add(preference);
        }

        preference.InApp = choices.InApp;
        preference.Email = choices.Email;
        preference.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        RemindersLog.ChoicesSaved(logger, choices.InApp, choices.Email);
    }

    /// <summary>
    /// What the newsroom reminds the person of in the programme: their quiet matches and due questionnaires, if
    /// they mentor an active match there and have not turned in-app reminders off.
    /// </summary>
    public async Task<InAppReminders> ListInAppAsync(
        int programmeId, string personId, CancellationToken cancellationToken = default)
    {
        if (!(await GetChoicesAsync(personId, cancellationToken)).InApp)
        {
            return InAppReminders.None;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var mentorsHere = await db.Matches.AnyAsync(
            m => m.ProgrammeId == programmeId && m.MentorId == personId && m.Status == MatchStatus.Active,
            cancellationToken);
        if (!mentorsHere)
        {
            return InAppReminders.None;
        }

        var today = time.Today();
        var quiet = await QuietMatches(db, today).Where(m => m.ProgrammeId == programmeId && m.MentorId == personId)
            .OrderBy(m => m.LastPost ?? m.StartDate)
            .ToListAsync(cancellationToken);
        var due = await questionnaires.ListDueAsync(programmeId, personId, cancellationToken);
        return new InAppReminders(
            quiet.Select(m => new QuietMatch(m.MatchId, m.MenteeName, m.LastPost, DaysSince(m, today))).ToList(),
            due.Count);
    }

    /// <summary>
    /// The e-mails due now: one per mentor and kind, for mentors with a confirmed address who have not turned
    /// e-mail reminders off and were not sent one of that kind within the rate limit.
    /// </summary>
    internal async Task<IReadOnlyList<EmailReminder>> FindEmailRemindersAsync(CancellationToken cancellationToken)
    {
        var today = time.Today();
        var limitStart = time.GetUtcNow().UtcDateTime.AddDays(-options.Value.DaysBetweenEmails);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var mentors = await db.Matches
            .Where(m => m.Status == MatchStatus.Active)
            .Where(m => m.Mentor.Email != null && m.Mentor.EmailConfirmed)
            .Where(m => !db.Set<ReminderPreference>().Any(p => p.PersonId == m.MentorId && !p.Email))
            .Select(m => new { m.MentorId, m.Mentor.Email, m.Mentor.DisplayName, m.ProgrammeId, m.Programme.Name })
            .Distinct()
            .ToListAsync(cancellationToken);
        var recent = (await db.Set<SentReminder>()
                .Where(r => r.SentAtUtc > limitStart)
                .Select(r => new { r.PersonId, r.Kind })
                .ToListAsync(cancellationToken))
            .Select(r => (r.PersonId, r.Kind))
            .ToHashSet();
        var quiet = (await QuietMatches(db, today).ToListAsync(cancellationToken)).ToLookup(m => m.MentorId);

        var reminders = new List<EmailReminder>();
        foreach (var mentor in mentors.GroupBy(m => (m.MentorId, Email: m.Email!, m.DisplayName)))
        {
            var (personId, email, name) = mentor.Key;
            var programmes = mentor.DistinctBy(m => m.ProgrammeId).ToList();
            if (!recent.Contains((personId, ReminderKind.NoRecentPost)) && quiet[personId].Any())
            {
                var quietProgrammes = quiet[personId]
                    .GroupBy(m => m.ProgrammeId)
                    .Select(g => new ProgrammeReminder(
                        g.Key,
                        programmes.First(p => p.ProgrammeId == g.Key).Name,
                        g.Count(),
                        g.Max(m => DaysSince(m, today)),
                        []))
                    .ToList();
                reminders.Add(new EmailReminder(personId, email, name, ReminderKind.NoRecentPost, quietProgrammes));
            }

            if (!recent.Contains((personId, ReminderKind.QuestionnaireDue)))
            {
                var dueProgrammes = new List<ProgrammeReminder>();
                foreach (var programme in programmes)
                {
                    var due = await questionnaires.ListDueAsync(programme.ProgrammeId, personId, cancellationToken);
                    if (due.Count > 0)
                    {
                        dueProgrammes.Add(new ProgrammeReminder(programme.ProgrammeId, programme.Name, 0, 0, due));
                    }
                }

                if (dueProgrammes.Count > 0)
                {
                    reminders.Add(new EmailReminder(
                        personId, email, name, ReminderKind.QuestionnaireDue, dueProgrammes));
                }
            }
        }

        return reminders;
    }

    /// <summary>Counts the e-mail against the person's rate limit for its kind.</summary>
    internal async Task RecordSentAsync(string personId, ReminderKind kind, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Add(new SentReminder { PersonId = personId, Kind = kind, SentAtUtc = time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static int DaysSince(QuietMatchRow match, DateOnly today) =>
        today.DayNumber - (match.LastPost ?? match.StartDate).DayNumber;

    /// <summary>Active matches whose last post (or start, before any post) is at least the configured days old.
    /// </summary>
    private IQueryable<QuietMatchRow> QuietMatches(AppDbContext db, DateOnly today)
    {
        var quietSince = today.AddDays(-options.Value.DaysWithoutPost);
        return db.Matches
            .Where(m => m.Status == MatchStatus.Active)
            .Select(m => new QuietMatchRow
            {
                MatchId = m.Id,
                ProgrammeId = m.ProgrammeId,
                MentorId = m.MentorId,
                MenteeName = m.Mentee.DisplayName,
                StartDate = m.StartDate,
                LastPost = db.Posts.Where(p => p.MatchId == m.Id && p.Date <= today).Max(p => (DateOnly?)p.Date),
            })
            .Where(m => (m.LastPost ?? m.StartDate) <= quietSince);
    }

    // A class with settable members rather than a positional record: EF can filter on what it assigned.
    private sealed class QuietMatchRow
    {
        public int MatchId { get; init; }

        public int ProgrammeId { get; init; }

        public required string MentorId { get; init; }

        public required string MenteeName { get; init; }

        public DateOnly StartDate { get; init; }

        public DateOnly? LastPost { get; init; }
    }
}
