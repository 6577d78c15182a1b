using MentorDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Features.Matches;

public sealed partial class MatchService
{
    /// <summary>
    /// One page of the programme's matches in one status, optionally those whose mentor or mentee name contains
    /// the search text, with the counts per status. Active matches come by mentor, paused ones by expected
    /// resumption (soonest first), closed ones by closure (latest first).
    /// </summary>
    public async Task<MatchListPage> ListAsync(
        int programmeId, MatchQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var counts = await db.Matches
            .Where(m => m.ProgrammeId == programmeId)
            .GroupBy(m => m.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken);

        var matches = WhereNameContains(
            db.Matches.Where(m => m.ProgrammeId == programmeId && m.Status == query.Status), query.Search);

        var total = await matches.CountAsync(cancellationToken);
        var ordered = query.Status switch
        {
            MatchStatus.Paused => matches.OrderBy(m => m.ExpectedResumeDate).ThenBy(m => m.Mentor.DisplayName),
            MatchStatus.Closed => matches.OrderByDescending(m => m.ClosureDate).ThenBy(m => m.Mentor.DisplayName),
            _ => matches.OrderBy(m => m.Mentor.DisplayName).ThenBy(m => m.Mentee.DisplayName),
        };
        var rows = await ordered
            .ThenBy(m => m.Id)
            .Skip(query.Page * query.PageSize)
            .Take(query.PageSize)
            .Select(m => new MatchRow(
                m.Id,
                m.Mentor.DisplayName,
                m.Mentee.DisplayName,
                m.Status,
                m.StartDate,
                m.Status == MatchStatus.Closed ? m.ClosureDate ?? m.StartDate
                    : m.Status == MatchStatus.Paused ? m.PausedOn ?? m.StartDate
                    : m.StartDate,
                m.Status == MatchStatus.Closed ? m.ClosureReason : m.PauseReason,
                m.ExpectedResumeDate,
                db.Posts.Where(p => p.MatchId == m.Id).Max(p => (DateOnly?)p.Date)))
            .ToListAsync(cancellationToken);

        return new MatchListPage(rows, total, new MatchCounts(
            counts.GetValueOrDefault(MatchStatus.Active),
            counts.GetValueOrDefault(MatchStatus.Paused),
            counts.GetValueOrDefault(MatchStatus.Closed)));
    }

    /// <summary>
    /// The matches whose mentor or mentee name contains the search text, as the list searches (its exports too);
    /// all of them when the text is blank.
    /// </summary>
    internal static IQueryable<Match> WhereNameContains(IQueryable<Match> matches, string? search)
    {
        if (string.IsNullOrWhiteSpace(search))
        {
            return matches;
        }

        // LIKE ignores case in SQLite, for ASCII letters at least; the escape keeps % and _ literal.
        var pattern = "%" + search.Trim().Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";
        return matches.Where(m => EF.Functions.Like(m.Mentor.DisplayName, pattern, "\\")
            || EF.Functions.Like(m.Mentee.DisplayName, pattern, "\\"));
    }

    /// <summary>The match for its page, or null when it is not one of the programme's.</summary>
    public async Task<MatchDetails?> GetAsync(
        int programmeId, int matchId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Matches
            .Where(m => m.Id == matchId && m.ProgrammeId == programmeId)
            .Select(m => new MatchDetails(
                m.Id,
                m.ProgrammeId,
                m.Programme.Name,
                m.Mentor.DisplayName,
                m.Mentee.DisplayName,
                m.Status,
                m.StartDate,
                m.PausedOn,
                m.PauseReason,
                m.ExpectedResumeDate,
                m.ClosureDate,
                m.ClosureReason,
                m.ClosureNote,
                m.ExternalId))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The programme's mentors or mentees by name, for the "New match" dialog.</summary>
    public async Task<IReadOnlyList<PersonOption>> ListPeopleAsync(
        int programmeId, ProgrammeRole role, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Memberships
            .Where(m => m.ProgrammeId == programmeId && m.Role == role)
            .OrderBy(m => m.Person.DisplayName)
            .Select(m => new PersonOption(m.PersonId, m.Person.DisplayName))
            .ToListAsync(cancellationToken);
    }
}
