using MentorDashboard.Data;
using MentorDashboard.Features.Matches;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Features.Import;

/// <summary>
/// Imports a roster: one row per match with its mentor and mentee, found again by their external ids on the next
/// import. People new to the programme become participants without an account (with their e-mail when the file
/// has one, so they can be invited); a person whose e-mail is already known is linked instead.
/// </summary>
internal sealed partial class RosterImporter(
    AppDbContext db, int programmeId, ImportColumns columns, ImportSettings settings, DateTime nowUtc, DateOnly today)
    : RowImporter(db, programmeId, columns, nowUtc, today)
{
    /// <summary>The same limit coordinators have when they create a match by hand.</summary>
    private const int MaxDaysAhead = MatchService.MaxDaysAhead;

    private readonly StoredMatches<StoredMatch> _stored = new(m => m.Id, m => m.ExternalId);
    private readonly Dictionary<int, (DateOnly First, DateOnly Last)> _postDates = [];
    private readonly Dictionary<(ProgrammeRole, string), string> _peopleByExternalId = [];
    private readonly HashSet<(string, ProgrammeRole)> _members = [];
    private readonly Dictionary<string, string?> _peopleByEmail = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _seenMatchIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int?> _reasonIds = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _newReasons = [];
    private int _reasonSortOrder;
    private int _networkId;

    public override IReadOnlyList<string> NewClosureReasons => _newReasons;

    public override async Task LoadAsync(CancellationToken cancellationToken)
    {
        _networkId = await Db.Programmes
            .Where(p => p.Id == ProgrammeId)
            .Select(p => p.NetworkId)
            .SingleAsync(cancellationToken);
        var matches = await Db.Matches
            .Where(m => m.ProgrammeId == ProgrammeId)
            .Select(m => new StoredMatch(m.Id, m.ExternalId, m.MentorId, m.MenteeId, m.Status, m.StartDate,
                m.ClosureDate, m.ClosureReason))
            .ToListAsync(cancellationToken);
        _stored.AddRange(matches);

        var postDates = await Db.Posts
            .Where(p => p.ProgrammeId == ProgrammeId)
            .GroupBy(p => p.MatchId)
            .Select(g => new { g.Key, First = g.Min(p => p.Date), Last = g.Max(p => p.Date) })
            .ToListAsync(cancellationToken);
        foreach (var dates in postDates)
        {
            _postDates[dates.Key] = (dates.First, dates.Last);
        }

        var members = await Db.Memberships
            .Where(m => m.ProgrammeId == ProgrammeId)
            .Select(m => new { m.PersonId, m.Role, m.ExternalId })
            .ToListAsync(cancellationToken);
        foreach (var member in members)
        {
            _members.Add((member.PersonId, member.Role));
            if (member.ExternalId is { } externalId)
            {
                _peopleByExternalId[(member.Role, externalId)] = member.PersonId;
            }
        }

        var reasons = await Db.Set<ClosureReason>()
            .Where(r => r.ProgrammeId == ProgrammeId)
            .Select(r => new { r.Id, r.Label, r.SortOrder })
            .ToListAsync(cancellationToken);
        foreach (var reason in reasons)
        {
            _reasonIds[reason.Label] = reason.Id;
        }

        _reasonSortOrder = reasons.Count == 0 ? 0 : reasons.Max(r => r.SortOrder) + 1;
    }

    public override RowPlan? Check(ImportRow row, List<ImportProblem> problems)
    {
        var before = problems.Count;
        if (CheckId(row, ImportField.MatchId, problems, out var matchId)
            && _seenMatchIds.TryGetValue(matchId, out var firstRow))
        {
            problems.Add(new(row.Number, Columns.HeaderOf(ImportField.MatchId),
                "The match id {0} is also on row {1}; each match may appear once.", matchId, firstRow));
        }
        else if (matchId.Length > 0)
        {
            _seenMatchIds[matchId] = row.Number;
        }

        CheckId(row, ImportField.MentorId, problems, out var mentorId);
        CheckId(row, ImportField.MenteeId, problems, out var menteeId);
        var start = ReadDate(row, ImportField.StartDate, settings.DateOrder, problems, required: true);
        var closure = ReadDate(row, ImportField.ClosureDate, settings.DateOrder, problems, required: false);
        var status = ReadStatus(row, closure, problems);
        var reason = ReadReason(row, status, problems);
        var mentor = ReadPerson(row, ProgrammeRole.Mentor, mentorId, problems);
        var mentee = ReadPerson(row, ProgrammeRole.Mentee, menteeId, problems);
        if (problems.Count > before)
        {
            return null;
        }

        var stored = _stored.Find(matchId);
        var planned = new RosterPlan(row.Number, RowEffect.Created, matchId, mentor!, mentee!, start!.Value,
            status!.Value, closure, reason, stored);
        if (!CheckDates(row, planned, problems) || (stored is not null && !CheckAgainstStored(row, planned, problems)))
        {
            return null;
        }

        var plan = planned with { Effect = EffectOf(planned) };
        Remember(plan.Mentor);
        Remember(plan.Mentee);
        if (plan.ReasonLabel is { } label && !_reasonIds.ContainsKey(label)
            && !_newReasons.Contains(label, StringComparer.OrdinalIgnoreCase))
        {
            _newReasons.Add(label);
        }

        return plan;
    }

    private MatchStatus? ReadStatus(ImportRow row, DateOnly? closure, List<ImportProblem> problems)
    {
        var stage = Columns.Value(row, ImportField.Stage);
        if (stage.Length == 0)
        {
            // Without a stage, a closure date is what says the match has ended.
            return closure is null ? MatchStatus.Active : MatchStatus.Closed;
        }

        if (!settings.Stages.TryGetValue(stage, out var status))
        {
            problems.Add(new(row.Number, Columns.HeaderOf(ImportField.Stage),
                "The stage \"{0}\" is not mapped to Active or Closed.", stage));
            return null;
        }

        if (status == MatchStatus.Closed && closure is null
            && Columns.Value(row, ImportField.ClosureDate).Length == 0)
        {
            problems.Add(new(row.Number, Columns.HeaderOf(ImportField.ClosureDate),
                "The match is closed (\"{0}\") but has no closure date.", stage));
            return null;
        }

        if (status == MatchStatus.Active && closure is not null)
        {
            problems.Add(new(row.Number, Columns.HeaderOf(ImportField.ClosureDate),
                "The stage \"{0}\" means active, but the row has a closure date. Map the stage to Closed or clear "
                + "the date.", stage));
            return null;
        }

        return status;
    }

    private string? ReadReason(ImportRow row, MatchStatus? status, List<ImportProblem> problems)
    {
        var value = Columns.Value(row, ImportField.ClosureReason);
        if (value.Length == 0 || status != MatchStatus.Closed)
        {
            return null;
        }

        if (!settings.ClosureReasons.TryGetValue(value, out var label) || string.IsNullOrWhiteSpace(label))
        {
            problems.Add(new(row.Number, Columns.HeaderOf(ImportField.ClosureReason),
                "The closure reason \"{0}\" is not mapped to one of the programme's reasons.", value));
            return null;
        }

        return label.Trim();
    }

    private PlannedPerson? ReadPerson(
        ImportRow row, ProgrammeRole role, string externalId, List<ImportProblem> problems)
    {
        var (nameField, emailField) = role == ProgrammeRole.Mentor
            ? (ImportField.MentorName, ImportField.MentorEmail)
            : (ImportField.MenteeName, ImportField.MenteeEmail);
        var name = Columns.Value(row, nameField);
        var email = Columns.Value(row, emailField);
        if (name.Length > 200)
        {
            problems.Add(new(row.Number, Columns.HeaderOf(nameField), "The name is longer than {0} characters.", 200));
            return null;
        }

        if (email.Length > 0 && (email.Length > 256 || !IsEmail(email)))
        {
            problems.Add(new(row.Number, Columns.HeaderOf(emailField), "\"{0}\" is not an e-mail address.", email));
            return null;
        }

        if (externalId.Length == 0)
        {
            return null;
        }

        if (_peopleByExternalId.TryGetValue((role, externalId), out var known))
        {
            return new PlannedPerson(known, role, externalId, IsNew: false, IsNewMember: false, TakesExternalId: false,
                null, null);
        }

        // Our own exports write people added here under their own id.
        if (_members.Contains((externalId, role)))
        {
            return new PlannedPerson(externalId, role, externalId, IsNew: false, IsNewMember: false,
                TakesExternalId: false, null, null);
        }

        var normalizedEmail = email.Length == 0 ? null : email.ToUpperInvariant();
        var (byEmail, outside) = normalizedEmail is null ? (null, false) : PersonWithEmail(normalizedEmail);
        if (outside)
        {
            // Linking would show the account's name to this programme's coordinators.
            problems.Add(new(row.Number, Columns.HeaderOf(emailField),
                "The e-mail {0} belongs to an account outside this network. Leave it out and invite the person "
                + "instead.", email));
            return null;
        }

        if (byEmail is not null)
        {
            var isMember = _members.Contains((byEmail, role));
            return new PlannedPerson(byEmail, role, externalId, IsNew: false, IsNewMember: !isMember,
                TakesExternalId: isMember, null, null);
        }

        return new PlannedPerson(Guid.NewGuid().ToString(), role, externalId, IsNew: true, IsNewMember: true,
            TakesExternalId: false, name.Length > 0 ? name : externalId, email.Length > 0 ? email : null);
    }

    /// <summary>The person with the e-mail, or whether it belongs to someone outside the programme's network.
    /// </summary>
    private (string? PersonId, bool Outside) PersonWithEmail(string normalizedEmail)
    {
        if (_peopleByEmail.TryGetValue(normalizedEmail, out var known))
        {
            return (known, false);
        }

        var person = Db.Users
            .Where(u => u.NormalizedEmail == normalizedEmail)
            .Select(u => new
            {
                u.Id,
                InNetwork = u.AdminOfNetworkId == _networkId
                    || Db.Memberships.Any(m => m.PersonId == u.Id && m.Programme.NetworkId == _networkId),
            })
            .SingleOrDefault();
        if (person is { InNetwork: false })
        {
            return (null, true);
        }

        _peopleByEmail[normalizedEmail] = person?.Id;
        return (person?.Id, false);
    }

    private static bool IsEmail(string value) =>
        value.IndexOf('@') is > 0 and var at && at < value.Length - 1 && !value.Any(char.IsWhiteSpace);

    private bool CheckDates(ImportRow row, RosterPlan plan, List<ImportProblem> problems)
    {
        var before = problems.Count;
        if (plan.Start > Today.AddDays(MaxDaysAhead))
        {
            problems.Add(new(row.Number, Columns.HeaderOf(ImportField.StartDate),
                "The match starts more than {0} days from today.", MaxDaysAhead));
        }

        if (plan.Closure is { } closure && closure < plan.Start)
        {
            problems.Add(new(row.Number, Columns.HeaderOf(ImportField.ClosureDate),
                "The closure date {0} is before the start date {1}.", closure, plan.Start));
        }
        else if (plan.Closure > Today)
        {
            problems.Add(new(row.Number, Columns.HeaderOf(ImportField.ClosureDate),
                "The closure date {0} is in the future.", plan.Closure));
        }

        // Two new people with one e-mail address are one person, as a person found by it is (and the address
        // is unique among people).
        var sameEmail = plan.Mentor.Email is { } email
            && string.Equals(email, plan.Mentee.Email, StringComparison.OrdinalIgnoreCase);
        if (plan.Mentor.PersonId == plan.Mentee.PersonId || sameEmail)
        {
            problems.Add(new(row.Number, Columns.HeaderOf(ImportField.MenteeId),
                "The mentor and the mentee are the same person."));
        }

        return problems.Count == before;
    }

    private bool CheckAgainstStored(ImportRow row, RosterPlan plan, List<ImportProblem> problems)
    {
        var stored = plan.Stored!;
        if (stored.MentorId != plan.Mentor.PersonId || stored.MenteeId != plan.Mentee.PersonId)
        {
            problems.Add(new(row.Number, Columns.HeaderOf(ImportField.MatchId),
                "The match {0} is already here with another mentor or mentee; a match's pair cannot change. Give "
                + "the new pair a new match id.", plan.MatchId));
            return false;
        }

        if (stored.Status == MatchStatus.Closed && plan.Status != MatchStatus.Closed)
        {
            problems.Add(new(row.Number, Columns.HeaderOf(ImportField.Stage),
                "The match {0} is closed here; an import cannot reopen it.", plan.MatchId));
            return false;
        }

        if (_postDates.TryGetValue(stored.Id, out var posts))
        {
            if (plan.Start > posts.First)
            {
                problems.Add(new(row.Number, Columns.HeaderOf(ImportField.StartDate),
                    "The match has posts from {0}, before this start date.", posts.First));
                return false;
            }

            if (plan.Closure is { } closure && closure < posts.Last)
            {
                problems.Add(new(row.Number, Columns.HeaderOf(ImportField.ClosureDate),
                    "The match has posts up to {0}, after this closure date.", posts.Last));
                return false;
            }
        }

        return true;
    }

    private static RowEffect EffectOf(RosterPlan plan)
    {
        if (plan.Stored is not { } stored)
        {
            return RowEffect.Created;
        }

        // A match paused here is still "active" to a system that knows no pauses.
        var sameStatus = stored.Status == plan.Status
            || (stored.Status == MatchStatus.Paused && plan.Status == MatchStatus.Active);
        // Matches closed before reasons were a list keep only the label; the label is what the file carries.
        var sameReason = string.Equals(plan.ReasonLabel, stored.ClosureReason, StringComparison.OrdinalIgnoreCase);
        return sameStatus && stored.StartDate == plan.Start && stored.ClosureDate == plan.Closure && sameReason
            ? RowEffect.Unchanged
            : RowEffect.Updated;
    }

    private void Remember(PlannedPerson person)
    {
        _peopleByExternalId[(person.Role, person.ExternalId)] = person.PersonId;
        _members.Add((person.PersonId, person.Role));
        if (person.Email is { } email)
        {
            _peopleByEmail[email.ToUpperInvariant()] = person.PersonId;
        }
    }

    private sealed record StoredMatch(
        int Id,
        string? ExternalId,
        string MentorId,
        string MenteeId,
        MatchStatus Status,
        DateOnly StartDate,
        DateOnly? ClosureDate,
        string? ClosureReason);

    /// <param name="TakesExternalId">A member found by e-mail whose membership gets the file's id.</param>
    private sealed record PlannedPerson(
        string PersonId,
        ProgrammeRole Role,
        string ExternalId,
        bool IsNew,
        bool IsNewMember,
        bool TakesExternalId,
        string? Name,
        string? Email)
    {
        /// <summary>Applying the row writes this person or their membership, whether the match changes or not.
        /// </summary>
        public bool ChangesPeople => IsNew || IsNewMember || TakesExternalId;
    }

    private sealed record RosterPlan(
        int Row,
        RowEffect Effect,
        string MatchId,
        PlannedPerson Mentor,
        PlannedPerson Mentee,
        DateOnly Start,
        MatchStatus Status,
        DateOnly? Closure,
        string? ReasonLabel,
        StoredMatch? Stored) : RowPlan(Row, Effect);
}
