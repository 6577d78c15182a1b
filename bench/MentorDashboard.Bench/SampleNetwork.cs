using MentorDashboard.Data;
using MentorDashboard.Features.Framework;

namespace MentorDashboard.Bench;

/// <summary>How one programme of the sample network is shaped.</summary>
/// <param name="PostShare">Its part of all posts written into the history.</param>
internal sealed record ProgrammeShape(
    string Name, ProgrammeKind Kind, int ActiveMatches, int ClosedMatches, double PostShare);

/// <summary>A match as the post history needs it: whose it is, between which days it has posts.</summary>
internal sealed record SampleMatch(
    int Id, string MentorId, DateOnly Start, DateOnly LastMeeting, bool Active);

internal sealed record SampleProgramme(
    int Id, ProgrammeShape Shape, IReadOnlyList<SampleMatch> Matches);

/// <param name="Programmes">The measured programme comes first.</param>
internal sealed record SampleNetworkResult(IReadOnlyList<SampleProgramme> Programmes, int People)
{
    public SampleProgramme Measured => Programmes[0];

    public int Matches => Programmes.Sum(p => p.Matches.Count);
}

/// <summary>
/// A made-up network shaped like the product's target: one framework, three programmes, and in the
/// measured programme 250 active matches, a coordinator with 250 mentors. Every name is invented.
/// </summary>
internal static class SampleNetwork
{
    public const int HistoryDays = 730;

    /// <summary>Active matches that stopped meeting 3 to 17 weeks ago, for the attention card.</summary>
    public const double QuietShare = 0.08;

    public static readonly string[] TopicKeys =
    [
        "topic.housing", "topic.language", "topic.work", "topic.school", "topic.health",
        "topic.family", "topic.friends", "topic.money", "topic.leisure", "topic.future",
        "topic.paperwork", "topic.culture",
    ];

    public static readonly string[] ActivityKeys =
    [
        "activity.walk", "activity.coffee", "activity.sport", "activity.cooking",
        "activity.homework", "activity.museum", "activity.games", "activity.library",
        "activity.cinema", "activity.call",
    ];

    /// <summary>The measured programme comes first.</summary>
    public static readonly ProgrammeShape[] Programmes =
    [
        new("Harbour Mentors", ProgrammeKind.Community, 250, 60, PostShare: 0.70),
        new("Hilltop School Mentors", ProgrammeKind.SchoolBased, 90, 30, PostShare: 0.18),
        new("Online Study Buddies", ProgrammeKind.Online, 40, 20, PostShare: 0.12),
    ];

    private static readonly string[] FirstNames =
    [
        "Aino", "Bram", "Cleo", "Dario", "Elif", "Femi", "Greta", "Hugo",
        "Ines", "Jonas", "Kaja", "Luca", "Mira", "Nils", "Oona", "Pavel",
    ];

    private static readonly string[] FamilyNames =
    [
        "Ashdown", "Brightwater", "Copperfield", "Dunmore", "Elmsworth", "Fernhill", "Greywell",
        "Hollins", "Ivybridge", "Juniper", "Kestrel", "Larkspur", "Millbrook", "Northcote",
        "Oakhurst", "Pennyworth",
    ];

    public static readonly string[] ClosureReasons =
        ["Goals reached", "The mentee moved away", "The mentor had no more time"];

    /// <summary>Adds the network, its people and matches through EF Core: a few thousand rows.</summary>
    public static async Task<SampleNetworkResult> AddAsync(
        AppDbContext db, DateOnly today, Random random, CancellationToken cancellationToken)
    {
        var network = new Network { Name = "Riverside Mentoring Network" };
        network.FrameworkItems.AddRange(
            FrameworkItems(TopicKeys, FrameworkItemKind.Topic, firstOrder: 0));
        network.FrameworkItems.AddRange(
            FrameworkItems(ActivityKeys, FrameworkItemKind.ActivityType, TopicKeys.Length));
        db.Networks.Add(network);

        var people = new People(db);
        var matches = new List<Match>();
        var programmes = Programmes
            .Select(shape => new Programme
            {
                Network = network,
                Name = shape.Name,
                Key = FrameworkKeys.ProgrammeKeyOf(shape.Name),
                Kind = shape.Kind,
            })
            .ToList();
        foreach (var (programme, shape) in programmes.Zip(Programmes))
        {
            db.Programmes.Add(programme);
            people.Add(programme, ProgrammeRole.Coordinator);
            for (var i = 0; i < shape.ActiveMatches + shape.ClosedMatches; i++)
            {
                var mentor = people.Add(programme, ProgrammeRole.Mentor);
                var mentee = people.Add(programme, ProgrammeRole.Mentee);
                var active = i < shape.ActiveMatches;
                matches.Add(NewMatch(programme, mentor, mentee, active, today, random));
            }
        }

        db.Matches.AddRange(matches);
        await db.SaveChangesAsync(cancellationToken);

        // Programmes read their framework from a published version, as they do once an admin has published.
        db.Set<FrameworkVersion>().Add(
            FrameworkVersionService.FirstVersionOf(network, personId: null, "Sample framework", DateTime.UtcNow));
        await db.SaveChangesAsync(cancellationToken);

        var sampleProgrammes = programmes.Zip(Programmes, (programme, shape) => new SampleProgramme(
                programme.Id,
                shape,
                matches
                    .Where(m => m.ProgrammeId == programme.Id)
                    .Select(m => new SampleMatch(
                        m.Id, m.MentorId, m.StartDate, LastMeeting(m, today, random), IsActive(m)))
                    .ToList()))
            .ToList();
        return new SampleNetworkResult(sampleProgrammes, people.Count);
    }

    private static IEnumerable<FrameworkItem> FrameworkItems(
        string[] keys, FrameworkItemKind kind, int firstOrder) =>
        keys.Select((key, i) => new FrameworkItem
        {
            Kind = kind, Key = key, Label = LabelOf(key), SortOrder = firstOrder + i,
        });

    /// <summary>"topic.housing" is labelled "Housing".</summary>
    private static string LabelOf(string key)
    {
        var name = key[(key.IndexOf('.', StringComparison.Ordinal) + 1)..];
        return char.ToUpperInvariant(name[0]) + name[1..];
    }

    /// <summary>Active matches started up to two years ago; closed ones ran 4 to 11 months.</summary>
    private static Match NewMatch(
        Programme programme, Person mentor, Person mentee, bool active, DateOnly today, Random random)
    {
        var start = today.AddDays(-random.Next(active ? 14 : 365, HistoryDays));
        return new Match
        {
            Programme = programme,
            MentorId = mentor.Id,
            MenteeId = mentee.Id,
            StartDate = start,
            Status = active ? MatchStatus.Active : MatchStatus.Closed,
            ClosureDate = active ? null : start.AddDays(random.Next(120, 330)),
            ClosureReason = active ? null : ClosureReasons[random.Next(ClosureReasons.Length)],
        };
    }

    private static bool IsActive(Match match) => match.Status == MatchStatus.Active;

    private static DateOnly LastMeeting(Match match, DateOnly today, Random random)
    {
        if (match.ClosureDate is { } closure)
        {
            return closure;
        }

        var quietSince = today.AddDays(-random.Next(22, 120));
        var quiet = random.NextDouble() < QuietShare && quietSince > match.StartDate;
        return quiet ? quietSince : today;
    }

    /// <summary>Creates people with invented names and their programme memberships.</summary>
    private sealed class People(AppDbContext db)
    {
        public int Count { get; private set; }

        public Person Add(Programme programme, ProgrammeRole role)
        {
            var userName = $"bench.person.{Count}";
            var person = new Person
            {
                DisplayName = FirstNames[Count % FirstNames.Length] + " "
                    + FamilyNames[Count / FirstNames.Length % FamilyNames.Length],
                UserName = userName,
                NormalizedUserName = userName.ToUpperInvariant(),
                SecurityStamp = Guid.NewGuid().ToString(),
            };
            db.Users.Add(person);
            db.Memberships.Add(new Membership
            {
                Programme = programme, PersonId = person.Id, Person = person, Role = role,
            });
            Count++;
            return person;
        }
    }
}
