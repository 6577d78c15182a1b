using MentorDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Features.Matches;

public sealed partial class MatchService
{
    private async Task<List<MatchError>> CheckNewMatchAsync(
        AppDbContext db, int programmeId, NewMatchInput input, CancellationToken cancellationToken)
    {
        var roles = await db.Memberships
            .Where(m => m.ProgrammeId == programmeId && (m.PersonId == input.MentorId || m.PersonId == input.MenteeId))
            .Select(m => new { m.PersonId, m.Role })
            .ToListAsync(cancellationToken);
        var errors = new List<MatchError>();
        if (string.IsNullOrEmpty(input.MentorId))
        {
            errors.Add(new(MatchFields.Mentor, "Choose the mentor."));
        }
        else if (!roles.Any(r => r.PersonId == input.MentorId && r.Role == ProgrammeRole.Mentor))
        {
            errors.Add(new(MatchFields.Mentor, "The mentor must be a mentor in this programme."));
        }

        if (string.IsNullOrEmpty(input.MenteeId))
        {
            errors.Add(new(MatchFields.Mentee, "Choose the mentee."));
        }
        else if (input.MenteeId == input.MentorId)
        {
            errors.Add(new(MatchFields.Mentee, "The mentor and the mentee must be two different people."));
        }
        else if (!roles.Any(r => r.PersonId == input.MenteeId && r.Role == ProgrammeRole.Mentee))
        {
            errors.Add(new(MatchFields.Mentee, "The mentee must be a mentee in this programme."));
        }

        if (input.StartDate is not { } start)
        {
            errors.Add(new(MatchFields.Date, "Choose the day the match starts."));
        }
        else if (DateOnly.FromDateTime(start) > Today.AddDays(MaxDaysAhead))
        {
            errors.Add(new(MatchFields.Date, "A match can start at most {0} days from today.", MaxDaysAhead));
        }
        else if (DateOnly.FromDateTime(start) < Today.AddYears(-MaxYearsBack))
        {
            errors.Add(new(MatchFields.Date, "A match can have started at most {0} years ago.", MaxYearsBack));
        }

        if (errors.Count == 0 && await db.Matches.AnyAsync(
                m => m.ProgrammeId == programmeId && m.MentorId == input.MentorId && m.MenteeId == input.MenteeId
                    && m.Status != MatchStatus.Closed,
                cancellationToken))
        {
            errors.Add(new(MatchFields.Match, "These two already have a match in this programme that is not closed."));
        }

        return errors;
    }

    /// <summary>
    /// The day a pause, resumption or closure takes effect: chosen, not in the future, not before the match's
    /// last change (its start at the earliest), and not before the pair's last meeting, so that no post is ever
    /// dated after a closure or inside a pause.
    /// </summary>
    private async Task<DateOnly?> CheckChangeDateAsync(
        AppDbContext db, Match match, DateTime? chosen, List<MatchError> errors, CancellationToken cancellationToken)
    {
        if (chosen is not { } value)
        {
            errors.Add(new(MatchFields.Date, "Choose the day it takes effect."));
            return null;
        }

        var date = DateOnly.FromDateTime(value);
        var lastChange = await db.Set<MatchStatusChange>()
            .Where(c => c.MatchId == match.Id)
            .MaxAsync(c => (DateOnly?)c.EffectiveDate, cancellationToken);
        var lastMeeting = await db.Posts
            .Where(p => p.MatchId == match.Id)
            .MaxAsync(p => (DateOnly?)p.Date, cancellationToken);
        var error = date switch
        {
            _ when date > Today => new MatchError(MatchFields.Date, "The date cannot be in the future."),
            _ when date < match.StartDate => new MatchError(MatchFields.Date,
                "The date is before the match started on {0}.", match.StartDate),
            _ when match.PausedOn is { } pausedOn && date < pausedOn => new MatchError(MatchFields.Date,
                "The date is before the pause began on {0}.", pausedOn),
            _ when lastChange is { } changed && date < changed => new MatchError(MatchFields.Date,
                "The date is before the match's last change on {0}.", changed),
            _ when match.Status == MatchStatus.Active && lastMeeting is { } met && date < met => new MatchError(
                MatchFields.Date, "The pair met on {0}, after that date; choose their last meeting or later.", met),
            _ => null,
        };
        if (error is not null)
        {
            errors.Add(error);
        }

        return date;
    }

    /// <summary>A coordinator of the programme or the admin of its network; asked on every change, so a removed
    /// role counts at once.</summary>
    internal static async Task<bool> CanCoordinateAsync(
        AppDbContext db, int programmeId, string personId, CancellationToken cancellationToken) =>
        await db.Memberships.AnyAsync(
            m => m.ProgrammeId == programmeId && m.PersonId == personId && m.Role == ProgrammeRole.Coordinator,
            cancellationToken)
        || await db.Users.AnyAsync(
            p => p.Id == personId && db.Programmes.Any(g => g.Id == programmeId && g.NetworkId == p.AdminOfNetworkId),
            cancellationToken);
}
