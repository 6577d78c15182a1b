using MentorDashboard.Data;
using MentorDashboard.Tests.Support;

namespace MentorDashboard.Tests.Features.Framework;

/// <summary>
/// Base of the framework service tests: each test gets its own database with one network (its framework published
/// as version 1) and one programme, Harbour Mentors, whose local keys start with <c>local.harbour-mentors.</c>.
/// </summary>
public abstract class FrameworkServiceTest : IAsyncLifetime
{
    protected FixedTime Time { get; } = FixedTime.At(2026, 12, 3);

    protected TestDatabase Database { get; private set; } = null!;

    protected TestData Data { get; private set; } = null!;

    protected FeatureServices Services { get; private set; } = null!;

    protected Network Network { get; private set; } = null!;

    protected Programme Programme { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Data = new TestData(Database);
        Services = new FeatureServices(Database, Time);
        Network = await Data.AddNetworkAsync();
        Programme = await Data.AddProgrammeAsync(Network.Id, "Harbour Mentors");
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A mentor of the programme with one active match, for tests that need posts.</summary>
    protected async Task<Match> AddMatchAsync()
    {
        var mentor = await Data.AddPersonAsync("Iker Test", Programme.Id, ProgrammeRole.Mentor);
        var mentee = await Data.AddPersonAsync("Selam Test", Programme.Id, ProgrammeRole.Mentee);
        return await Data.AddMatchAsync(Programme.Id, mentor, mentee, new DateOnly(2026, 3, 1));
    }
}
