using MentorDashboard.Data;
using MentorDashboard.Features.SupportContacts;

namespace MentorDashboard.Features.Demo;

/// <summary>
/// Made-up support contacts for every active match, logged by the programme's coordinators: two in the first month
/// and then about one every three to four weeks, so most matches meet the contact standard. Some matches have
/// gone without a contact for five to eleven weeks, and a few end on a contact that asked for a follow-up. It
/// draws from its own seeded generator, so the network's draws stay as they were. A builder builds once.
/// </summary>
internal sealed class DemoContactsBuilder
{
    private const double BehindShare = 0.12;

    private const double FollowUpShare = 0.08;

    private static readonly IReadOnlyList<(ContactChannel Value, int Weight)> Channels =
    [
        (ContactChannel.Phone, 45), (ContactChannel.Message, 20), (ContactChannel.InPerson, 15),
        (ContactChannel.Email, 10), (ContactChannel.VideoCall, 10),
    ];

    private static readonly IReadOnlyList<(ContactPerson Value, int Weight)> People =
        [(ContactPerson.Mentor, 60), (ContactPerson.Mentee, 25), (ContactPerson.Family, 15)];

    private static readonly Dictionary<ContactPerson, string[]> Notes =
        new()
        {
            [ContactPerson.Mentor] =
            [
                "Meetings going well; no questions.",
                "Talked through ideas for the next outings.",
                "Mentor asked about expenses for a museum visit.",
                "Regular meetings, both seem at ease.",
                "Reminded about the next questionnaire.",
            ],
            [ContactPerson.Mentee] =
            [
                "Enjoys the meetings and wants to keep going.",
                "Happy with the match; would like more outdoor trips.",
                "Busy with exams this month; meetings continue.",
            ],
            [ContactPerson.Family] =
            [
                "Parent happy with the match.",
                "Family asked about plans for the holidays.",
                "Aunt says the meetings help with confidence.",
            ],
        };

    private static readonly string[] FollowUpNotes =
    [
        "Meetings keep being cancelled; call again next week.",
        "Mentor unsure how to help with the job search; send ideas.",
        "Family moving soon; check how this affects the match.",
    ];

    private readonly Random _random;
    private readonly DateOnly _today;
    private readonly List<SupportContact> _contacts = [];

    public DemoContactsBuilder(int seed, DateOnly today)
    {
        _random = new Random(seed);
        _today = today;
    }

    /// <summary>Needs saved matches: contacts refer to them, and to their programme, by id.</summary>
    public IReadOnlyList<SupportContact> Build(IEnumerable<Match> matches, IEnumerable<Membership> memberships)
    {
        var coordinators = memberships
            .Where(m => m.Role == ProgrammeRole.Coordinator)
            .ToLookup(m => m.Programme, m => m.PersonId);
        foreach (var match in matches.Where(m => m.Status == MatchStatus.Active))
        {
            var recorders = coordinators[match.Programme].ToList();
            var isBehind = _random.NextDouble() < BehindShare;
            var lastDay = isBehind ? _today.AddDays(-_random.Next(35, 78)) : _today.AddDays(-1);
            AddContacts(match, recorders, lastDay, endsOnFollowUp: _random.NextDouble() < FollowUpShare);
        }

        return _contacts;
    }

    private void AddContacts(Match match, List<string> recorders, DateOnly lastDay, bool endsOnFollowUp)
    {
        // Two contacts in the first month, then one every three to four weeks while the match goes on.
        var dates = new List<DateOnly> { match.StartDate.AddDays(_random.Next(3, 10)) };
        dates.Add(dates[0].AddDays(_random.Next(10, 16)));
        while (dates[^1].AddDays(28) <= lastDay)
        {
            dates.Add(dates[^1].AddDays(_random.Next(20, 29)));
        }

        var kept = dates.Where(d => d <= lastDay).ToList();
        for (var i = 0; i < kept.Count; i++)
        {
            var with = _random.PickWeighted(People);
            var followUp = endsOnFollowUp && i == kept.Count - 1;
            _contacts.Add(new SupportContact
            {
                ProgrammeId = match.ProgrammeId,
                MatchId = match.Id,
                Date = kept[i],
                Channel = _random.PickWeighted(Channels),
                With = with,
                Note = followUp ? _random.Pick(FollowUpNotes) : _random.Pick(Notes[with]),
                FollowUpNeeded = followUp,
                RecordedById = recorders.Count == 0 ? null : _random.Pick(recorders),
                CreatedAtUtc = kept[i].ToDateTime(
                    new TimeOnly(9 + _random.Next(8), _random.Next(60)), DateTimeKind.Utc),
                SubmissionId = _random.NextGuid(),
            });
        }
    }
}
