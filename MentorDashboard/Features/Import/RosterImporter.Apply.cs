using MentorDashboard.Data;
using MentorDashboard.Features.Matches;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Features.Import;

/// <summary>How a checked roster row changes the database: new people, memberships, matches and their status
/// changes are inserted as each row is applied; changed matches are saved in batches.</summary>
internal sealed partial class RosterImporter
{
    private ImportInserts<Person>? _people;
    private ImportInserts<Membership>? _memberships;
    private ImportInserts<Match>? _matches;
    private ImportInserts<MatchStatusChange>? _changes;

    public override async Task ApplyAsync(RowPlan plan, CancellationToken cancellationToken)
    {
        var roster = (RosterPlan)plan;
        if (roster.Effect == RowEffect.Unchanged && !roster.Mentor.ChangesPeople && !roster.Mentee.ChangesPeople)
        {
            return;
        }

        await AddPersonAsync(roster.Mentor, cancellationToken);
        await AddPersonAsync(roster.Mentee, cancellationToken);
        var (reasonId, reasonLabel) = await ReasonAsync(roster.ReasonLabel, cancellationToken);
        if (roster.Stored is null)
        {
            var match = new Match
            {
                ProgrammeId = ProgrammeId,
                ExternalId = roster.MatchId,
                MentorId = roster.Mentor.PersonId,
                MenteeId = roster.Mentee.PersonId,
                StartDate = roster.Start,
                Status = roster.Status,
                ClosureDate = roster.Closure,
                ClosureReasonId = reasonId,
                ClosureReason = reasonLabel,
            };
            _matches ??= new ImportInserts<Match>(Db);
            var id = (int)(await _matches.InsertAsync(match, cancellationToken))!.Value;
            await InsertChangeAsync(Change(id, null, MatchStatus.Active, roster.Start, null), cancellationToken);
            if (roster.Status == MatchStatus.Closed)
            {
                await InsertChangeAsync(
                    Change(id, MatchStatus.Active, MatchStatus.Closed, roster.Closure!.Value, reasonLabel),
                    cancellationToken);
            }

            return;
        }

        if (roster.Effect == RowEffect.Updated)
        {
            var match = await Db.Matches.SingleAsync(m => m.Id == roster.Stored.Id, cancellationToken);
            var from = match.Status;
            match.StartDate = roster.Start;
            match.ClosureDate = roster.Closure;
            match.ClosureReasonId = reasonId;
            match.ClosureReason = reasonLabel;
            match.Version++;
            if (roster.Status == MatchStatus.Closed && from != MatchStatus.Closed)
            {
                match.Status = MatchStatus.Closed;
                match.PausedOn = null;
                match.PauseReason = null;
                match.ExpectedResumeDate = null;
                Db.Add(Change(match.Id, from, MatchStatus.Closed, roster.Closure!.Value, reasonLabel));
            }
        }
    }

    /// <summary>Saves the matches updated since the last flush; new rows are inserted as they are applied.
    /// </summary>
    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        await Db.SaveChangesAsync(cancellationToken);
        Db.ChangeTracker.Clear();
    }

    public override void Dispose()
    {
        _people?.Dispose();
        _memberships?.Dispose();
        _matches?.Dispose();
        _changes?.Dispose();
    }

    private async Task AddPersonAsync(PlannedPerson person, CancellationToken cancellationToken)
    {
        if (person.IsNew)
        {
            _people ??= new ImportInserts<Person>(Db);
            await _people.InsertAsync(new Person
            {
                Id = person.PersonId,
                DisplayName = person.Name!,
                Email = person.Email,
                NormalizedEmail = person.Email?.ToUpperInvariant(),
                UserName = person.Email,
                NormalizedUserName = person.Email?.ToUpperInvariant(),
                SecurityStamp = Guid.NewGuid().ToString("N"),
            }, cancellationToken);
        }

        if (person.IsNewMember)
        {
            _memberships ??= new ImportInserts<Membership>(Db);
            await _memberships.InsertAsync(new Membership
            {
                ProgrammeId = ProgrammeId,
                PersonId = person.PersonId,
                Role = person.Role,
                ExternalId = person.ExternalId,
            }, cancellationToken);
        }
        else if (person.TakesExternalId)
        {
            // A member added here by hand gets the file's id, so that the next import finds them by it.
            await Db.Memberships
                .Where(m => m.ProgrammeId == ProgrammeId && m.PersonId == person.PersonId && m.Role == person.Role
                    && m.ExternalId == null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ExternalId, person.ExternalId), cancellationToken);
        }

        // Later rows with the same person find them as stored.
        _peopleByExternalId[(person.Role, person.ExternalId)] = person.PersonId;
    }

    private async Task<(int? Id, string? Label)> ReasonAsync(string? label, CancellationToken cancellationToken)
    {
        if (label is null)
        {
            return (null, null);
        }

        if (_reasonIds.TryGetValue(label, out var id) && id is not null)
        {
            return (id, label);
        }

        var reason = new ClosureReason { ProgrammeId = ProgrammeId, Label = label, SortOrder = _reasonSortOrder++ };
        Db.Add(reason);
        await Db.SaveChangesAsync(cancellationToken);
        _reasonIds[label] = reason.Id;
        return (reason.Id, label);
    }

    private async Task InsertChangeAsync(MatchStatusChange change, CancellationToken cancellationToken)
    {
        _changes ??= new ImportInserts<MatchStatusChange>(Db);
        await _changes.InsertAsync(change, cancellationToken);
    }

    private MatchStatusChange Change(
        int matchId, MatchStatus? from, MatchStatus to, DateOnly effective, string? reason) =>
        new()
        {
            MatchId = matchId,
            FromStatus = from,
            ToStatus = to,
            EffectiveDate = effective,
            Reason = reason,
            ChangedAtUtc = NowUtc,
        };
}
