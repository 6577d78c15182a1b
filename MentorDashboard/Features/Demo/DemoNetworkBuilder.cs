using System.Globalization;
using MentorDashboard.Data;
using MentorDashboard.Features.Framework;
using static MentorDashboard.Features.Demo.DemoFramework;

namespace MentorDashboard.Features.Demo;

/// <summary>Everything the demo seeds, built in memory and not yet saved.</summary>
internal sealed record DemoNetwork(
    Network Network,
    Person Admin,
    IReadOnlyList<Person> People,
    IReadOnlyList<Membership> Memberships,
    IReadOnlyList<Match> Matches,
    IReadOnlyList<Post> Posts,
    IReadOnlySet<Match> StoppedMatches);

/// <summary>
/// Builds the demo network in memory from one seeded generator and today's date: the same today
/// always gives the same network, and every date sits where it would in programmes running today.
/// A builder builds once.
/// </summary>
internal sealed class DemoNetworkBuilder
{
    /// <summary>Sixteen weeks of posts ending yesterday, so no post is later than now.</summary>
    private const int PostWindowDays = 16 * 7;

    /// <summary>How far back closed matches ended: programmes with years of history.</summary>
    private const int HistoryDays = 4 * 365;

    private const double DaysPerMonth = 365.25 / 12;

    // Spread of the log of match lengths: one match in twenty lasts under a third of the median.
    private const double MatchLengthSigma = 0.7;

    private const int StoppedMatchesPerProgramme = 4;

    private const int RecentMatchesPerProgramme = 4;

    /// <summary>How long ago the demo accounts' latest questionnaire occasion came: due, not yet overdue.</summary>
    private const int DemoAccountOccasionDaysAgo = 4;

    private static readonly IReadOnlyList<(int Value, int Weight)> UsualRatings =
        [(1, 2), (2, 6), (3, 24), (4, 40), (5, 28)];

    private static readonly IReadOnlyList<(int Value, int Weight)> StrugglingRatings =
        [(1, 8), (2, 20), (3, 37), (4, 25), (5, 10)];

    private static readonly IReadOnlyList<(int Value, int Weight)> TopicCounts =
        [(1, 50), (2, 35), (3, 15)];

    private readonly Random _random;
    private readonly DateOnly _today;
    private readonly DateOnly _windowStart;
    private readonly List<Person> _people = [];
    private readonly List<Membership> _memberships = [];
    private readonly List<Match> _matches = [];
    private readonly List<Post> _posts = [];
    private readonly HashSet<Match> _stoppedMatches = [];
    private readonly HashSet<string> _displayNames = new(StringComparer.Ordinal);
    private int _participants;

    public DemoNetworkBuilder(int seed, DateOnly today)
    {
        _random = new Random(seed);
        _today = today;
        _windowStart = today.AddDays(-PostWindowDays);
    }

    private enum ActivePattern
    {
        /// <summary>Meets regularly and last met under two weeks ago.</summary>
        Regular,

        /// <summary>Stopped meeting three to eight weeks ago, so a health rule flags it.</summary>
        Stopped,

        /// <summary>Started in the last ten weeks, so it has only a few posts.</summary>
        Recent,

        /// <summary>Belongs to the demo mentor, who last posted three to ten days ago.</summary>
        DemoAccount,
    }

    public DemoNetwork Build()
    {
        var network = new Network { Name = "Riverside Mentoring Network" };
        network.FrameworkItems.AddRange(ToFrameworkItems(FrameworkItemKind.Topic, Topics));
        network.FrameworkItems.AddRange(
            ToFrameworkItems(FrameworkItemKind.ActivityType, ActivityTypes));
        var admin = AddAccount(DemoAccounts.Admin, "Helena Vidal");

        foreach (var profile in DemoProgrammes.All)
        {
            var programme = new Programme
            {
                Name = profile.Name,
                Key = FrameworkKeys.ProgrammeKeyOf(profile.Name),
                Description = profile.Description,
                Kind = profile.Kind,
            };
            network.Programmes.Add(programme);
            AddProgramme(programme, profile);
        }

        // Posts are made match by match; saved in the order written, their ids follow the feed.
        var posts = _posts.OrderBy(post => post.CreatedAtUtc).ToList();
        return new DemoNetwork(network, admin, _people, _memberships, _matches, posts, _stoppedMatches);
    }

    private static IEnumerable<FrameworkItem> ToFrameworkItems(
        FrameworkItemKind kind, IReadOnlyList<(string Key, string Label)> items) =>
        items.Select((item, index) => new FrameworkItem
        {
            Kind = kind,
            Key = item.Key,
            Label = item.Label,
            SortOrder = index + 1,
        });

    private void AddProgramme(Programme programme, DemoProgrammeProfile profile)
    {
        var (email, displayName) = profile.Coordinator;
        AddMembership(programme, AddAccount(email, displayName), ProgrammeRole.Coordinator);

        foreach (var reason in ClosureReasons(profile.ClosedMatches))
        {
            AddClosedMatch(programme, profile, reason);
        }

        foreach (var pattern in ActivePatterns(profile.ActiveMatches))
        {
            AddActiveMatch(programme, profile, pattern);
        }
    }

    private ActivePattern[] ActivePatterns(int count)
    {
        var patterns = new ActivePattern[count];
        patterns[0] = ActivePattern.DemoAccount;
        Array.Fill(patterns, ActivePattern.Stopped, 1, StoppedMatchesPerProgramme);
        var firstRecent = 1 + StoppedMatchesPerProgramme;
        Array.Fill(patterns, ActivePattern.Recent, firstRecent, RecentMatchesPerProgramme);
        _random.Shuffle(patterns);
        return patterns;
    }

    /// <summary>
    /// Reasons dealt in the roster's proportions rather than drawn, so that their order from most to
    /// least common holds in every programme.
    /// </summary>
    private string[] ClosureReasons(int count)
    {
        var deck = DemoProgrammes.ClosureReasons
            .SelectMany(reason => Enumerable.Repeat(reason.Reason, reason.Weight))
            .ToArray();
        var reasons = Enumerable.Range(0, count).Select(i => deck[i * deck.Length / count]).ToArray();
        _random.Shuffle(reasons);
        return reasons;
    }

    private void AddClosedMatch(Programme programme, DemoProgrammeProfile profile, string reason)
    {
        // Most matches closed before the post window; a few inside it, so their last posts show.
        var closedInWindow = _random.NextDouble() < 0.07;
        var closure = closedInWindow
            ? _today.AddDays(-_random.Next(7, PostWindowDays - 14))
            : _today.AddDays(-_random.Next(PostWindowDays + 1, HistoryDays));
        var match = AddMatch(programme, profile, closure.AddDays(-DrawMatchLengthDays(profile)));
        match.Status = MatchStatus.Closed;
        match.ClosureDate = closure;
        match.ClosureReason = reason;

        if (closedInWindow)
        {
            var struggling = match.ClosureReason != DemoProgrammes.SuccessfulClosure;
            AddPosts(match, profile, closure.AddDays(-_random.Next(0, 15)), struggling);
        }
    }

    private void AddActiveMatch(
        Programme programme, DemoProgrammeProfile profile, ActivePattern pattern)
    {
        // An active match is part-way through a length drawn like the closed ones. All but the
        // recent ones began before the post window, so their posts cover all sixteen weeks.
        var daysSinceStart = pattern == ActivePattern.Recent
            ? _random.Next(14, 71)
            : PostWindowDays + 7 + (int)(_random.NextDouble() * DrawMatchLengthDays(profile));
        var match = AddMatch(programme, profile, _today.AddDays(-daysSinceStart));
        var daysSinceLastPost = pattern switch
        {
            ActivePattern.Stopped => _random.Next(21, 57),
            ActivePattern.DemoAccount => _random.Next(3, 11),
            _ => _random.Next(1, 15),
        };
        var lastMeeting = _today.AddDays(-daysSinceLastPost);
        AddPosts(match, profile, lastMeeting, struggling: pattern == ActivePattern.Stopped);
        if (pattern == ActivePattern.Stopped)
        {
            _stoppedMatches.Add(match);
        }

        if (pattern == ActivePattern.DemoAccount)
        {
            match.StartDate = StartWithRecentOccasion(match.StartDate);
            MakeDemoAccount(match.Mentor, profile.MentorAccount);
            if (profile.MenteeAccount is { } menteeAccount)
            {
                MakeDemoAccount(match.Mentee, menteeAccount);
            }
        }
    }

    private Match AddMatch(Programme programme, DemoProgrammeProfile profile, DateOnly start)
    {
        var mentor = AddParticipant(programme, ProgrammeRole.Mentor, DemoNames.LocalMentors);
        var mentee = AddParticipant(programme, ProgrammeRole.Mentee, profile.MenteeNames);
        var match = new Match
        {
            Programme = programme,
            MentorId = mentor.Id,
            Mentor = mentor,
            MenteeId = mentee.Id,
            Mentee = mentee,
            StartDate = start,
            Status = MatchStatus.Active,
        };
        _matches.Add(match);
        return match;
    }

    /// <summary>
    /// Someone following the README should find a questionnaire due, so the demo accounts' match starts a little
    /// earlier, until its latest occasion came a few days ago. Moved after the posts are drawn and never later, so
    /// no draw changes and no post comes before the start.
    /// </summary>
    private DateOnly StartWithRecentOccasion(DateOnly start)
    {
        var schedule = DemoQuestionnaires.Youth();
        var repeat = schedule.RepeatEveryDays!.Value;
        var daysSinceFirst = _today.DayNumber - start.DayNumber - schedule.FirstDueAfterDays;
        var earlier = (((DemoAccountOccasionDaysAgo - daysSinceFirst) % repeat) + repeat) % repeat;
        return start.AddDays(-earlier);
    }

    /// <summary>Log-normal around the programme's median, from one month to six years.</summary>
    private int DrawMatchLengthDays(DemoProgrammeProfile profile)
    {
        var spread = Math.Exp(MatchLengthSigma * _random.NextGaussian());
        var months = profile.MedianMatchMonths * spread;
        return (int)Math.Round(Math.Clamp(months, 1, 72) * DaysPerMonth);
    }

    /// <summary>
    /// Walks back from the last meeting to the start of the window or of the match, whichever is
    /// later: walking back lets each pattern set its last meeting exactly.
    /// </summary>
    private void AddPosts(
        Match match, DemoProgrammeProfile profile, DateOnly lastMeeting, bool struggling)
    {
        // Some pairs simply meet more often than others.
        var pace = 0.85 + (0.4 * _random.NextDouble());
        var firstAllowed = match.StartDate > _windowStart ? match.StartDate : _windowStart;
        var date = lastMeeting;
        while (date >= firstAllowed)
        {
            _posts.Add(CreatePost(match, profile, date, struggling));
            date = date.AddDays(-DaysBetween(match, date, pace));
        }
    }

    /// <summary>
    /// Days since the meeting before this one: about a week in the first two months, longer as the
    /// match matures, with the odd missed week.
    /// </summary>
    private int DaysBetween(Match match, DateOnly date, double pace)
    {
        var weeksTogether = (date.DayNumber - match.StartDate.DayNumber) / 7;
        var usualDays = weeksTogether switch
        {
            < 8 => 7.0,
            < 26 => 8.5,
            _ => 10.5,
        };
        var days = (usualDays * pace) + _random.Next(-2, 3);

        if (_random.NextDouble() < 0.08)
        {
            days += _random.Next(7, 15);
        }

        return Math.Max(3, (int)Math.Round(days));
    }

    private Post CreatePost(
        Match match, DemoProgrammeProfile profile, DateOnly date, bool struggling)
    {
        var activity = _random.PickWeighted(profile.Activities);
        var topics = DrawTopics(profile);
        var rating = _random.PickWeighted(struggling ? StrugglingRatings : UsualRatings);
        return new Post
        {
            Match = match,
            AuthorId = match.MentorId,
            Date = date,
            Minutes = DrawMinutes(activity),
            ActivityTypeKey = activity,
            Topics = [.. topics.Select(key => new PostTopic { TopicKey = key })],
            Rating = rating,
            Text = DemoStories.Compose(_random, activity, topics[0], rating),
            // Mentors write up a meeting the same evening.
            CreatedAtUtc = date.ToDateTime(
                new TimeOnly(18 + _random.Next(4), _random.Next(60)), DateTimeKind.Utc),
        };
    }

    private List<string> DrawTopics(DemoProgrammeProfile profile)
    {
        var count = _random.PickWeighted(TopicCounts);
        var topics = new List<string>(count);
        while (topics.Count < count)
        {
            var topic = _random.PickWeighted(profile.Topics);
            if (!topics.Contains(topic))
            {
                topics.Add(topic);
            }
        }

        return topics;
    }

    /// <summary>Minutes in quarter hours, in the range the activity usually takes.</summary>
    private int DrawMinutes(string activityKey)
    {
        var (shortest, longest) = activityKey switch
        {
            ActivityOnlineCall => (30, 60),
            ActivityCoffee or ActivityHomework => (45, 90),
            ActivityCulture or ActivityAdmin => (90, 180),
            _ => (60, 120),
        };
        return shortest + (15 * _random.Next(((longest - shortest) / 15) + 1));
    }

    private Person AddParticipant(
        Programme programme, ProgrammeRole role, IReadOnlyList<DemoNameGroup> names)
    {
        // Participants have no account until a coordinator invites them: no e-mail, no password.
        _participants++;
        var userName = string.Create(
            CultureInfo.InvariantCulture, $"participant-{_participants:D4}");
        var person = AddPerson(userName, DemoNames.DrawUnique(_random, names, _displayNames));
        AddMembership(programme, person, role);
        return person;
    }

    private Person AddAccount(string email, string displayName)
    {
        var person = AddPerson(email, displayName);
        _displayNames.Add(displayName);
        MakeDemoAccount(person, email);
        return person;
    }

    private Person AddPerson(string userName, string displayName)
    {
        var person = new Person
        {
            Id = _random.NextGuidString(),
            UserName = userName,
            NormalizedUserName = userName.ToUpperInvariant(),
            DisplayName = displayName,
            // A security stamp must be unguessable, so it does not come from the seeded generator.
            SecurityStamp = Guid.NewGuid().ToString(),
            // As UserManager does for new accounts: repeated wrong passwords lock a demo account too.
            LockoutEnabled = true,
        };
        _people.Add(person);
        return person;
    }

    /// <summary>The seeder sets the password hash: it hashes the shared password once.</summary>
    private static void MakeDemoAccount(Person person, string email)
    {
        person.UserName = email;
        person.NormalizedUserName = email.ToUpperInvariant();
        person.Email = email;
        person.NormalizedEmail = email.ToUpperInvariant();
        person.EmailConfirmed = true;
        person.IsDemo = true;
    }

    private void AddMembership(Programme programme, Person person, ProgrammeRole role) =>
        _memberships.Add(new Membership
        {
            Programme = programme,
            PersonId = person.Id,
            Person = person,
            Role = role,
        });
}
