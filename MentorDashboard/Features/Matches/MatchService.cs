using MentorDashboard.Data;
using MentorDashboard.Features.Live;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Features.Matches;

/// <summary>
/// Creates, pauses, resumes and closes a programme's matches. Each change is checked against the match as it is
/// now, stored with a <see cref="MatchStatusChange"/> in one save, and announced after the save has committed.
/// A refused change stores nothing.
/// </summary>
public sealed partial class MatchService(
    IDbContextFactory<AppDbContext> dbFactory,
    IProgrammeEvents events,
    TimeProvider time,
    ILogger<MatchService> logger)
{
    /// <summary>How far ahead a match may start: pairs introduced before the holidays meet after them.</summary>
    public const int MaxDaysAhead = 90;

    /// <summary>
    /// How far back a match created here may start. A mistyped year (1900 for 2026) would otherwise make every
    /// questionnaire occasion since then overdue; longer histories come in through an import.
    /// </summary>
    public const int MaxYearsBack = 10;

    /// <summary>A pause longer than a year is a closure in all but name.</summary>
    public const int MaxPauseDays = 366;

    public DateOnly Today => time.Today();

    public async Task<MatchResult> CreateAsync(
        int programmeId, string coordinatorId, NewMatchInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await CanCoordinateAsync(db, programmeId, coordinatorId, cancellationToken))
        {
            return Refused(programmeId, [NotCoordinator]);
        }

        var errors = await CheckNewMatchAsync(db, programmeId, input, cancellationToken);
        if (errors.Count > 0)
        {
            return Refused(programmeId, errors);
        }

        var start = DateOnly.FromDateTime(input.StartDate!.Value);
        var match = new Match
        {
            ProgrammeId = programmeId,
            MentorId = input.MentorId!,
            MenteeId = input.MenteeId!,
            StartDate = start,
            Status = MatchStatus.Active,
            Version = 1,
        };

        // The status change needs the match's id, so both saves share one transaction.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.Matches.Add(match);
            await db.SaveChangesAsync(cancellationToken);
            db.Set<MatchStatusChange>().Add(NewChange(match.Id, null, MatchStatus.Active, start, coordinatorId));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        MatchesLog.Created(logger, programmeId, match.Id);
        await PublishAsync(programmeId, cancellationToken);
        return new MatchResult(match.Id, []);
    }

    /// <summary>Pauses an active match from a day that has come, with a reason and when the pair expects to resume.
    /// </summary>
    public Task<MatchResult> PauseAsync(
        int programmeId,
        int matchId,
        string coordinatorId,
        PauseInput input,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(programmeId, matchId, coordinatorId, async (db, match) =>
        {
            var errors = new List<MatchError>();
            if (match.Status != MatchStatus.Active)
            {
                errors.Add(new(MatchFields.Match, match.Status == MatchStatus.Paused
                    ? "This match is already paused."
                    : "This match is closed; it can no longer be paused."));
                return (errors, null);
            }

            var reason = input.Reason?.Trim();
            if (string.IsNullOrEmpty(reason))
            {
                errors.Add(new(MatchFields.Reason, "Say why the pair is pausing."));
            }
            else if (reason.Length > MatchStatusChange.ReasonMaxLength)
            {
                errors.Add(new(MatchFields.Reason, "Keep the reason under {0} characters.",
                    MatchStatusChange.ReasonMaxLength));
            }

            var pausedOn = await CheckChangeDateAsync(db, match, input.PausedOn, errors, cancellationToken);
            if (input.ExpectedResumeDate is not { } expected)
            {
                errors.Add(new(MatchFields.ExpectedResumeDate, "Choose when the pair expects to meet again."));
            }
            else if (pausedOn is { } from && DateOnly.FromDateTime(expected) <= from)
            {
                errors.Add(new(MatchFields.ExpectedResumeDate, "The expected resumption must come after the pause."));
            }
            else if (pausedOn is { } start && DateOnly.FromDateTime(expected) > start.AddDays(MaxPauseDays))
            {
                errors.Add(new(MatchFields.ExpectedResumeDate,
                    "A pause can last at most a year; close the match instead."));
            }

            if (errors.Count > 0)
            {
                return (errors, null);
            }

            match.Status = MatchStatus.Paused;
            match.PausedOn = pausedOn;
            match.PauseReason = reason;
            match.ExpectedResumeDate = DateOnly.FromDateTime(input.ExpectedResumeDate!.Value);
            return (errors, NewChange(match.Id, MatchStatus.Active, MatchStatus.Paused, pausedOn!.Value,
                coordinatorId, reason));
        }, cancellationToken);

    /// <summary>Makes a paused match active again from a day on or after the pause and not in the future.</summary>
    public Task<MatchResult> ResumeAsync(
        int programmeId,
        int matchId,
        string coordinatorId,
        ResumeInput input,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(programmeId, matchId, coordinatorId, async (db, match) =>
        {
            var errors = new List<MatchError>();
            if (match.Status != MatchStatus.Paused)
            {
                errors.Add(new(MatchFields.Match, match.Status == MatchStatus.Active
                    ? "This match is not paused."
                    : "This match is closed; it cannot resume."));
                return (errors, null);
            }

            var resumedOn = await CheckChangeDateAsync(db, match, input.ResumedOn, errors, cancellationToken);
            if (errors.Count > 0)
            {
                return (errors, null);
            }

            match.Status = MatchStatus.Active;
            match.PausedOn = null;
            match.PauseReason = null;
            match.ExpectedResumeDate = null;
            return (errors, NewChange(match.Id, MatchStatus.Paused, MatchStatus.Active, resumedOn!.Value,
                coordinatorId));
        }, cancellationToken);

    /// <summary>
    /// Closes an active or paused match for one of the programme's offered reasons, on a day between its last
    /// change (the start at the earliest) and today, and not before the pair's last meeting.
    /// </summary>
    public Task<MatchResult> CloseAsync(
        int programmeId,
        int matchId,
        string coordinatorId,
        CloseInput input,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(programmeId, matchId, coordinatorId, async (db, match) =>
        {
            var errors = new List<MatchError>();
            if (match.Status == MatchStatus.Closed)
            {
                errors.Add(new(MatchFields.Match, "This match is already closed."));
                return (errors, null);
            }

            var reason = input.ClosureReasonId is { } reasonId
                ? await db.Set<ClosureReason>().SingleOrDefaultAsync(
                    r => r.Id == reasonId && r.ProgrammeId == match.ProgrammeId && !r.IsRetired, cancellationToken)
                : null;
            if (reason is null)
            {
                errors.Add(new(MatchFields.Reason, "Choose one of the programme's closure reasons."));
            }

            var closedOn = await CheckChangeDateAsync(db, match, input.ClosureDate, errors, cancellationToken);
            var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
            if (note?.Length > MatchStatusChange.NoteMaxLength)
            {
                errors.Add(new(MatchFields.Note, "Keep the note under {0} characters.",
                    MatchStatusChange.NoteMaxLength));
            }

            if (errors.Count > 0)
            {
                return (errors, null);
            }

            var from = match.Status;
            match.Status = MatchStatus.Closed;
            match.ClosureDate = closedOn;
            match.ClosureReasonId = reason!.Id;
            match.ClosureReason = reason.Label;
            match.ClosureNote = note;
            match.PausedOn = null;
            match.PauseReason = null;
            match.ExpectedResumeDate = null;
            return (errors, NewChange(match.Id, from, MatchStatus.Closed, closedOn!.Value, coordinatorId,
                reason.Label, note));
        }, cancellationToken);

    private static MatchError NotCoordinator =>
        new(MatchFields.Match, "You no longer coordinate this programme.");

    /// <summary>
    /// Reads the match as it is now, lets <paramref name="decide"/> check the change and apply it to the match,
    /// and saves the match with its status change at once. The match's version makes a change that someone else
    /// made in between fail the save instead of being overwritten.
    /// </summary>
    private async Task<MatchResult> ChangeAsync(
        int programmeId,
        int matchId,
        string coordinatorId,
        Func<AppDbContext, Match, Task<(List<MatchError> Errors, MatchStatusChange? Change)>> decide,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await CanCoordinateAsync(db, programmeId, coordinatorId, cancellationToken))
        {
            return Refused(programmeId, [NotCoordinator]);
        }

        var match = await db.Matches
            .SingleOrDefaultAsync(m => m.Id == matchId && m.ProgrammeId == programmeId, cancellationToken);
        if (match is null)
        {
            return Refused(programmeId, [new(MatchFields.Match, "That match is not part of this programme.")]);
        }

        var from = match.Status;
        var (errors, change) = await decide(db, match);
        if (errors.Count > 0 || change is null)
        {
            return Refused(programmeId, errors);
        }

        match.Version++;
        db.Set<MatchStatusChange>().Add(change);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            MatchesLog.ChangedMeanwhile(logger, programmeId, matchId);
            return MatchResult.Rejected(new MatchError(MatchFields.Match,
                "Someone else changed this match a moment ago. Look at it again before you change it."));
        }

        MatchesLog.StatusChanged(logger, programmeId, matchId, from, match.Status);
        await PublishAsync(programmeId, cancellationToken);
        return new MatchResult(match.Id, []);
    }

    private MatchStatusChange NewChange(
        int matchId,
        MatchStatus? from,
        MatchStatus to,
        DateOnly effective,
        string coordinatorId,
        string? reason = null,
        string? note = null) =>
        new()
        {
            MatchId = matchId,
            FromStatus = from,
            ToStatus = to,
            EffectiveDate = effective,
            Reason = reason,
            Note = note,
            ChangedById = coordinatorId,
            ChangedAtUtc = time.GetUtcNow().UtcDateTime,
        };

    private MatchResult Refused(int programmeId, List<MatchError> errors)
    {
        MatchesLog.Rejected(logger, programmeId, errors.Count);
        return new MatchResult(null, errors);
    }

    private Task PublishAsync(int programmeId, CancellationToken cancellationToken) =>
        events.PublishAsync(
            new ProgrammeEvent(programmeId, ProgrammeEventKind.MatchChanged, time.GetUtcNow().UtcDateTime),
            cancellationToken);
}
