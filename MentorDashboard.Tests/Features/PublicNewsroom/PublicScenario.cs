using MentorDashboard.Data;
using MentorDashboard.Tests.Features.Newsroom;
using MentorDashboard.Tests.Support;

namespace MentorDashboard.Tests.Features.PublicNewsroom;

/// <summary>
/// Harbour Mentors on 3 December 2026 with a public newsroom, a coordinator (Marta), a mentor (Iker Aranburu) and
/// a mentee (Selam Tesfaye) matched since 1 March 2026, and the services over the scenario's own database.
/// </summary>
internal sealed class PublicScenario : IAsyncDisposable
{
    private PublicScenario(TestDatabase database, FixedTime time)
    {
        Database = database;
        Data = new TestData(database);
        Time = time;
        Features = new FeatureServices(database, time);
        Services = new SafeguardingServices(database, Features, time);
    }

    public TestDatabase Database { get; }

    public TestData Data { get; }

    public FixedTime Time { get; }

    public FeatureServices Features { get; }

    public SafeguardingServices Services { get; }

    public Programme Programme { get; private set; } = null!;

    public Person Coordinator { get; private set; } = null!;

    public Person Mentor { get; private set; } = null!;

    public Person Mentee { get; private set; } = null!;

    public Match Match { get; private set; } = null!;

    public static async Task<PublicScenario> CreateAsync()
    {
        var scenario = new PublicScenario(await TestDatabase.CreateAsync(), FixedTime.At(2026, 12, 3));
        var data = scenario.Data;
        var network = await data.AddNetworkAsync();
        scenario.Programme = await data.AddProgrammeAsync(network.Id, "Harbour Mentors");
        scenario.Coordinator =
            await data.AddPersonAsync("Marta Test", scenario.Programme.Id, ProgrammeRole.Coordinator);
        scenario.Mentor = await data.AddPersonAsync("Iker Aranburu", scenario.Programme.Id, ProgrammeRole.Mentor);
        scenario.Mentee = await data.AddPersonAsync("Selam Tesfaye", scenario.Programme.Id, ProgrammeRole.Mentee);
        scenario.Match = await data.AddMatchAsync(
            scenario.Programme.Id, scenario.Mentor, scenario.Mentee, new DateOnly(2026, 3, 1));
        await scenario.SetNewsroomAsync(isPublic: true, requiresModeration: false);
        return scenario;
    }

    public async Task SetNewsroomAsync(bool isPublic, bool requiresModeration)
    {
        await using var db = await Database.OpenAsync();
        var programme = await db.Programmes.FindAsync(Programme.Id);
        programme!.NewsroomIsPublic = isPublic;
        programme.RequiresModeration = requiresModeration;
        await db.SaveChangesAsync();
    }

    /// <summary>Stores a post of the scenario's match with the visibility and review given.</summary>
    public async Task<Post> AddPostAsync(
        string text, bool isPublic = true, PostReview review = PostReview.NotReviewed, Match? match = null)
    {
        var post = await Data.AddPostAsync(match ?? Match, new DateOnly(2026, 11, 20), text: text);
        await using var db = await Database.OpenAsync();
        db.Posts.Attach(post);
        post.IsPublic = isPublic;
        post.Review = review;
        await db.SaveChangesAsync();
        return post;
    }

    public async Task UpdateMenteeAsync(Action<Person> change, Person? mentee = null)
    {
        await using var db = await Database.OpenAsync();
        var person = await db.Users.FindAsync((mentee ?? Mentee).Id);
        change(person!);
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync() => await Database.DisposeAsync();
}
