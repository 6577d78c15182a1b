using MentorDashboard.Data;
using MentorDashboard.Features.Matches;

namespace MentorDashboard.Features.Demo;

/// <summary>
/// The demo's match lifecycle: each programme's closure reasons, a few paused matches, and the status history
/// of every match (created, paused, closed), recorded by the programme's coordinator. It draws from its own
/// seeded generator, so the network's draws stay as they were. Its steps follow the seeder's saves: reasons
/// once programmes have ids, pauses and closure links before matches are saved, history once they have ids.
/// </summary>
internal sealed class DemoMatchHistoryBuilder
{
    private const int PausedMatchesPerProgramme = 2;

    /// <summary>Roughly one closure in four carries a coordinator's note.</summary>
    private const double ClosureNoteShare = 0.25;

    private static readonly string[] PauseReasons =
    [
        "Exams at school",
        "Mentee travelling to see family",
        "Mentor recovering from an operation",
        "Mentor's work abroad for a few weeks",
        "New baby in the mentee's family",
        "Mentee's internship hours clash with meetings",
    ];

    private static readonly string[] ClosureNotes =
    [
        "Both wrote a short thank-you letter at the last meeting.",
        "Called the family to say goodbye; they were grateful.",
        "Mentor would like a new match after a break.",
        "Offered the mentee a place in the group activities.",
        "Tried three times by phone and once by letter.",
    ];

    private readonly Random _random;
    private readonly DateOnly _today;
    private readonly DemoNetwork _demo;
    private readonly Dictionary<Programme, Person> _coordinators;

    public DemoMatchHistoryBuilder(int seed, DateOnly today, DemoNetwork demo)
    {
        _random = new Random(seed);
        _today = today;
        _demo = demo;
        _coordinators = demo.Memberships
            .Where(m => m.Role == ProgrammeRole.Coordinator)
            .ToDictionary(m => m.Programme, m => m.Person);
    }

    /// <summary>Each programme's closure reasons, the roster's, most common first. Needs saved programmes.</summary>
    public IReadOnlyList<ClosureReason> BuildReasons() =>
        _demo.Network.Programmes
            .SelectMany(programme => DemoProgrammes.ClosureReasons.Select((reason, index) => new ClosureReason
            {
                ProgrammeId = programme.Id,
                Label = reason.Reason,
                SortOrder = index + 1,
            }))
            .ToList();

    /// <summary>
    /// Pauses a few active matches of each programme after their last meeting, and links every closed match to
    /// its programme's reason, some with a note. Needs the saved reasons; runs before the matches are saved.
    /// </summary>
    public void PauseAndLinkClosures(IReadOnlyList<ClosureReason> reasons)
    {
        var lastMeetings = _demo.Posts
            .GroupBy(p => p.Match)
            .ToDictionary(g => g.Key, g => g.Max(p => p.Date));
        foreach (var programme in _demo.Network.Programmes)
        {
            var candidates = _demo.Matches
                .Where(m => m.Programme == programme && m.Status == MatchStatus.Active)
                .Where(m => !_demo.StoppedMatches.Contains(m) && !m.Mentor.IsDemo && lastMeetings.ContainsKey(m))
                .ToArray();
            _random.Shuffle(candidates);
            foreach (var match in candidates.Take(PausedMatchesPerProgramme))
            {
                Pause(match, lastMeetings[match]);
            }
        }

        foreach (var match in _demo.Matches.Where(m => m.Status == MatchStatus.Closed))
        {
            match.ClosureReasonId = reasons
                .Single(r => r.ProgrammeId == match.Programme.Id && r.Label == match.ClosureReason)
                .Id;
            if (_random.NextDouble() < ClosureNoteShare)
            {
                match.ClosureNote = ClosureNotes[_random.Next(ClosureNotes.Length)];
            }
        }
    }

    /// <summary>Every match's creation, pause and closure, as a coordinator recorded them. Needs saved matches.
    /// </summary>
    public IReadOnlyList<MatchStatusChange> BuildHistory()
    {
        var changes = new List<MatchStatusChange>();
        foreach (var match in _demo.Matches)
        {
            changes.Add(Change(match, null, MatchStatus.Active, match.StartDate));
            if (match.Status == MatchStatus.Paused)
            {
                changes.Add(Change(match, MatchStatus.Active, MatchStatus.Paused, match.PausedOn!.Value,
                    match.PauseReason));
            }

            if (match.Status == MatchStatus.Closed)
            {
                changes.Add(Change(match, MatchStatus.Active, MatchStatus.Closed, match.ClosureDate!.Value,
                    match.ClosureReason, match.ClosureNote));
            }
        }

        return changes;
    }

    /// <summary>
    /// Paused between the last meeting (posts end yesterday) and yesterday, so no post lies inside the pause and
    /// the change was recorded before now; expected back in three to ten weeks, and some of those dates have
    /// passed, as they do in a real programme.
    /// </summary>
    private void Pause(Match match, DateOnly lastMeeting)
    {
        match.Status = MatchStatus.Paused;
        match.PausedOn = lastMeeting.AddDays(_random.Next(0, _today.DayNumber - lastMeeting.DayNumber));
        match.PauseReason = PauseReasons[_random.Next(PauseReasons.Length)];
        match.ExpectedResumeDate = match.PausedOn.Value.AddDays(_random.Next(21, 71));
    }

    // Coordinators record a change on the day it happens, during office hours; every day drawn is before today.
    private MatchStatusChange Change(
        Match match, MatchStatus? from, MatchStatus to, DateOnly date, string? reason = null, string? note = null) =>
        new()
        {
            MatchId = match.Id,
            FromStatus = from,
            ToStatus = to,
            EffectiveDate = date,
            Reason = reason,
            Note = note,
            ChangedById = _coordinators[match.Programme].Id,
            ChangedAtUtc = date.ToDateTime(new TimeOnly(9 + _random.Next(8), _random.Next(60)), DateTimeKind.Utc),
        };
}
