using MentorDashboard.Data;
using MentorDashboard.Features.Framework;

namespace MentorDashboard.Tests.Support;

/// <summary>
/// Builds small made-up programmes for tests: one network with a short framework (published as version 1, as an
/// admin would), programmes, people and matches.
/// </summary>
public sealed class TestData(TestDatabase database)
{
    public static readonly string[] TopicKeys = ["topic.housing", "topic.language", "topic.work"];

    public static readonly string[] ActivityKeys = ["activity.walk", "activity.coffee"];

    public async Task<Network> AddNetworkAsync(string name = "Test Network")
    {
        await using var db = await database.OpenAsync();
        var network = new Network { Name = name };
        var order = 0;
        foreach (var key in TopicKeys)
        {
            network.FrameworkItems.Add(new FrameworkItem
            {
                Kind = FrameworkItemKind.Topic, Key = key, Label = LabelOf(key), SortOrder = order++,
            });
        }

        foreach (var key in ActivityKeys)
        {
            network.FrameworkItems.Add(new FrameworkItem
            {
                Kind = FrameworkItemKind.ActivityType, Key = key, Label = LabelOf(key), SortOrder = order++,
            });
        }

        db.Networks.Add(network);
        await db.SaveChangesAsync();
        db.Set<FrameworkVersion>().Add(
            FrameworkVersionService.FirstVersionOf(network, personId: null, "First version", DateTime.UtcNow));
        await db.SaveChangesAsync();
        return network;
    }

    /// <summary>Adds a programme whose key is made from its name (Harbour Mentors: harbour-mentors).</summary>
    public async Task<Programme> AddProgrammeAsync(int networkId, string name)
    {
        await using var db = await database.OpenAsync();
        var programme = new Programme { NetworkId = networkId, Name = name, Key = FrameworkKeys.ProgrammeKeyOf(name) };
        db.Programmes.Add(programme);
        await db.SaveChangesAsync();
        return programme;
    }

    /// <summary>Adds a person, with a membership when a programme and role are given.</summary>
    public async Task<Person> AddPersonAsync(string displayName, int? programmeId = null, ProgrammeRole? role = null)
    {
        await using var db = await database.OpenAsync();
        var userName = $"{displayName.Replace(' ', '.').ToLowerInvariant()}.{Guid.NewGuid():N}";
        var person = new Person
        {
            DisplayName = displayName,
            UserName = userName,
            NormalizedUserName = userName.ToUpperInvariant(),
            SecurityStamp = Guid.NewGuid().ToString(),
        };
        db.Users.Add(person);
        if (programmeId is { } id && role is { } programmeRole)
        {
            db.Memberships.Add(new Membership { ProgrammeId = id, PersonId = person.Id, Role = programmeRole });
        }

        await db.SaveChangesAsync();
        return person;
    }

    public async Task<Match> AddMatchAsync(
        int programmeId, Person mentor, Person mentee, DateOnly start, MatchStatus status = MatchStatus.Active)
    {
        await using var db = await database.OpenAsync();
        var match = new Match
        {
            ProgrammeId = programmeId,
            MentorId = mentor.Id,
            MenteeId = mentee.Id,
            StartDate = start,
            Status = status,
            ClosureDate = status == MatchStatus.Closed ? start.AddMonths(6) : null,
        };
        db.Matches.Add(match);
        await db.SaveChangesAsync();
        return match;
    }

    /// <summary>Stores a match closed on <paramref name="closedOn"/>, bypassing the service, as an import would.
    /// </summary>
    public async Task<Match> AddClosedMatchAsync(
        int programmeId, Person mentor, Person mentee, DateOnly start, DateOnly closedOn, string? reason)
    {
        var match = await AddMatchAsync(programmeId, mentor, mentee, start, MatchStatus.Closed);
        await using var db = await database.OpenAsync();
        db.Matches.Attach(match);
        match.ClosureDate = closedOn;
        match.ClosureReason = reason;
        await db.SaveChangesAsync();
        return match;
    }

    /// <summary>Stores a post directly, bypassing the service, to set up history.</summary>
    public async Task<Post> AddPostAsync(
        Match match, DateOnly date, int minutes = 60, int rating = 4, string activity = "activity.walk",
        string text = "We met and talked.", params string[] topics)
    {
        await using var db = await database.OpenAsync();
        var post = new Post
        {
            ProgrammeId = match.ProgrammeId,
            MatchId = match.Id,
            AuthorId = match.MentorId,
            Date = date,
            Minutes = minutes,
            ActivityTypeKey = activity,
            Rating = rating,
            Text = text,
            CreatedAtUtc = date.ToDateTime(new TimeOnly(18, 0), DateTimeKind.Utc),
            Topics = (topics.Length == 0 ? [TopicKeys[0]] : topics)
                .Select(t => new PostTopic { TopicKey = t })
                .ToList(),
        };
        db.Posts.Add(post);
        await db.SaveChangesAsync();
        return post;
    }

    private static string LabelOf(string key) => key[(key.IndexOf('.', StringComparison.Ordinal) + 1)..];
}
