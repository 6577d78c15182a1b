using System.Security.Claims;
using Bunit;
using MentorDashboard.Data;
using MentorDashboard.Features.Accounts;
using MentorDashboard.Features.Live;
using MentorDashboard.Features.Matches;
using MentorDashboard.Features.SupportContacts;
using MentorDashboard.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorDashboard.Tests.Features.Matches;

/// <summary>
/// Harbour Mentors with its coordinator Marta and one active match, Iker (mentor) and Selam (mentee), started on
/// 1 March 2026, over a test database whose clock stands at noon on 3 December 2026.
/// </summary>
internal sealed class MatchScenario : IAsyncDisposable
{
    public static readonly DateOnly Start = new(2026, 3, 1);

    private MatchScenario(TestDatabase database)
    {
        Database = database;
        Data = new TestData(database);
        Services = new FeatureServices(database, Time);
    }

    public FixedTime Time { get; } = FixedTime.At(2026, 12, 3);

    public TestDatabase Database { get; }

    public TestData Data { get; }

    public FeatureServices Services { get; }

    public Programme Programme { get; private set; } = null!;

    public Person Coordinator { get; private set; } = null!;

    public Person Mentor { get; private set; } = null!;

    public Person Mentee { get; private set; } = null!;

    public Match Match { get; private set; } = null!;

    public static async Task<MatchScenario> CreateAsync()
    {
        var scenario = new MatchScenario(await TestDatabase.CreateAsync());
        var data = scenario.Data;
        var network = await data.AddNetworkAsync();
        scenario.Programme = await data.AddProgrammeAsync(network.Id, "Harbour Mentors");
        var programmeId = scenario.Programme.Id;
        scenario.Coordinator = await data.AddPersonAsync("Marta Test", programmeId, ProgrammeRole.Coordinator);
        scenario.Mentor = await data.AddPersonAsync("Iker Test", programmeId, ProgrammeRole.Mentor);
        scenario.Mentee = await data.AddPersonAsync("Selam Test", programmeId, ProgrammeRole.Mentee);
        scenario.Match = await data.AddMatchAsync(programmeId, scenario.Mentor, scenario.Mentee, Start);
        return scenario;
    }

    /// <summary>Gives a component test the services the matches pages use, signed in as Marta.</summary>
    public void AddPageServices(BunitContext context)
    {
        context.Services.AddSingleton<TimeProvider>(Time);
        context.Services.AddSingleton(Services.Matches);
        context.Services.AddSingleton(Services.MatchTimeline);
        context.Services.AddSingleton(Services.ClosureReasons);
        context.Services.AddSingleton(Services.Posts);
        context.Services.AddSingleton<IProgrammeEvents>(Services.Events);
        context.Services.AddSingleton<LiveAccess>();
        var access = new ProgrammeAccess(Database.Factory);
        context.Services.AddSingleton(access);
        context.Services.AddSingleton(new SupportContactService(
            Database.Factory, access, Services.Events, Services.Audit, Time,
            NullLogger<SupportContactService>.Instance));
        context.Services.AddSingleton<CircuitConnection>();
        var authorization = context.AddAuthorization();
        authorization.SetAuthorized("marta.test@mentors.test");
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, Coordinator.Id));
    }

    /// <summary>The programme's reason with that label, storing the default reasons first if need be.</summary>
    public async Task<ClosureReasonView> ReasonAsync(string label) =>
        (await Services.ClosureReasons.ListAsync(Programme.Id)).Single(r => r.Label == label);

    public Task<MatchResult> PauseAsync(DateTime pausedOn, string reason, DateTime expected) =>
        Services.Matches.PauseAsync(Programme.Id, Match.Id, Coordinator.Id, new PauseInput
        {
            PausedOn = pausedOn, Reason = reason, ExpectedResumeDate = expected,
        });

    public Task<MatchResult> CloseAsync(int reasonId, DateTime date, string? note = null) =>
        Services.Matches.CloseAsync(Programme.Id, Match.Id, Coordinator.Id, new CloseInput
        {
            ClosureReasonId = reasonId, ClosureDate = date, Note = note,
        });

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
