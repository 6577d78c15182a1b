using System.Diagnostics;
using System.Security.Claims;
using MentorDashboard.Data;
using MentorDashboard.Features.Accounts;
using MentorDashboard.Features.Live;
using MentorDashboard.Features.Questionnaires;
using MentorDashboard.Features.SupportContacts;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Features.Health;

/// <summary>One evaluated match with the names a coordinator knows it by.</summary>
public sealed record EvaluatedMatch(MatchHealth Health, string MentorName, string MenteeName);

/// <summary>
/// Evaluates the health rules for all active matches of a programme, reading their facts in a handful of
/// set-based queries (never one per match), and records coordinators' acknowledgements of flags.
/// </summary>
public sealed partial class HealthService(
    IDbContextFactory<AppDbContext> dbFactory,
    QuestionnaireService questionnaires,
    ProgrammeAccess access,
    IProgrammeEvents events,
    TimeProvider time,
    ILogger<HealthService> logger)
{
    /// <summary>Every active match of the programme, and every paused one past its expected resume date.</summary>
    /// <param name="openQuestionnaires">The programme's open questionnaire occasions, when the caller has read them
    /// already (the dashboard does, for its due card); null to read them here.</param>
    public async Task<IReadOnlyList<EvaluatedMatch>> EvaluateAsync(
        int programmeId,
        IReadOnlyList<OpenQuestionnaire>? openQuestionnaires = null,
        CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var today = time.Today();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rules = (await HealthRuleService.ReadInForceAsync(db, programmeId, cancellationToken))
            .Where(rule => rule.IsEnabled)
            .ToList();
        var matches = await ReadFactsAsync(db, programmeId, rules, today, openQuestionnaires, cancellationToken);
        var evaluated = matches
            .Select(m => (Health: HealthEvaluator.Evaluate(m.Facts, rules, today), m.MentorName, m.MenteeName))
            .Where(m => m.Health is not null)
            .Select(m => new EvaluatedMatch(m.Health!, m.MentorName, m.MenteeName))
            .ToList();

        if (logger.IsEnabled(LogLevel.Debug))
        {
            var flagged = evaluated.Count(m => m.Health.NeedsAttention);
            var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            HealthLog.Evaluated(logger, programmeId, evaluated.Count, flagged, elapsedMs);
        }

        return evaluated;
    }

    /// <summary>
    /// The matches that need attention and that no coordinator has acknowledged since anything new happened:
    /// at risk first, then needs check-in, the longest without a meeting first.
    /// </summary>
    public async Task<IReadOnlyList<EvaluatedMatch>> ReadNeedAttentionAsync(
        int programmeId,
        IReadOnlyList<OpenQuestionnaire>? openQuestionnaires = null,
        CancellationToken cancellationToken = default)
    {
        var flagged = (await EvaluateAsync(programmeId, openQuestionnaires, cancellationToken))
            .Where(m => m.Health.NeedsAttention)
            .ToList();
        if (flagged.Count == 0)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var acknowledged = await ReadStandingAcknowledgementsAsync(
            db, flagged.Select(m => m.Health.MatchId).ToList(), cancellationToken);
        return flagged
            .Where(m => !acknowledged.TryGetValue(m.Health.MatchId, out var seen) || m.Health.Status > seen)
            .OrderByDescending(m => m.Health.Status)
            .ThenByDescending(m => m.Health.DaysWithoutMeeting)
            .ThenBy(m => m.Health.MatchId)
            .ToList();
    }

    /// <summary>
    /// Records that the person has seen the match's flag at <paramref name="status"/>, and tells the programme's
    /// open dashboards. False, storing nothing, when the person may not coordinate the programme or the match is
    /// not one of its matches.
    /// </summary>
    public async Task<bool> AcknowledgeAsync(
        ClaimsPrincipal user,
        int programmeId,
        int matchId,
        HealthStatus status,
        CancellationToken cancellationToken = default)
    {
        var rights = await access.GetAsync(user, programmeId, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var isMatchOfProgramme = await db.Matches
            .AnyAsync(m => m.Id == matchId && m.ProgrammeId == programmeId, cancellationToken);
        if (!rights.CanCoordinate || !isMatchOfProgramme)
        {
            HealthLog.AcknowledgementRefused(logger, programmeId, matchId);
            return false;
        }

        var now = time.GetUtcNow().UtcDateTime;
        db.Set<HealthAcknowledgement>().Add(new HealthAcknowledgement
        {
            ProgrammeId = programmeId,
            MatchId = matchId,
            Status = status,
            AcknowledgedById = ProgrammeAccess.PersonId(user),
            AcknowledgedAtUtc = now,
        });
        await db.SaveChangesAsync(cancellationToken);

        HealthLog.Acknowledged(logger, programmeId, matchId, status);
        await events.PublishAsync(
            new ProgrammeEvent(programmeId, ProgrammeEventKind.HealthChanged, now), cancellationToken);
        return true;
    }

    /// <summary>
    /// For each of the matches whose newest acknowledgement still stands (no post, response or support contact
    /// was saved after it), the status that was acknowledged.
    /// </summary>
    private static async Task<Dictionary<int, HealthStatus>> ReadStandingAcknowledgementsAsync(
        AppDbContext db, List<int> matchIds, CancellationToken cancellationToken)
    {
        var acknowledgements = db.Set<HealthAcknowledgement>();
        var standing = await acknowledgements
            .Where(a => matchIds.Contains(a.MatchId))
            .Where(a => !acknowledgements.Any(
                newer => newer.MatchId == a.MatchId && newer.AcknowledgedAtUtc > a.AcknowledgedAtUtc))
            .Where(a => !db.Posts.Any(p => p.MatchId == a.MatchId && p.CreatedAtUtc > a.AcknowledgedAtUtc))
            .Where(a => !db.Set<Response>()
                .Any(r => r.MatchId == a.MatchId && r.SubmittedAtUtc > a.AcknowledgedAtUtc))
            .Where(a => !db.Set<SupportContact>()
                .Any(c => c.MatchId == a.MatchId && c.CreatedAtUtc > a.AcknowledgedAtUtc))
            .Select(a => new { a.MatchId, a.Status })
            .ToListAsync(cancellationToken);

        // Two acknowledgements in the same tick leave two "newest" rows; the more serious one counts.
        return standing
            .GroupBy(a => a.MatchId)
            .ToDictionary(same => same.Key, same => same.Max(a => a.Status));
    }
}
