using System.Security.Claims;
using MentorDashboard.Data;
using MentorDashboard.Features.Accounts;
using MentorDashboard.Features.SupportContacts;
using MentorDashboard.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorDashboard.Tests.Features.SupportContacts;

/// <summary>
/// Harbour Mentors on 3 December 2026 with a coordinator (Marta), a mentor (Iker) and a mentee (Selam) whose match
/// started on 1 March 2026, and the support contact service over the scenario's own database and clock.
/// </summary>
internal sealed class ContactScenario : IAsyncDisposable
{
    public static readonly DateOnly Start = new(2026, 3, 1);

    private ContactScenario(TestDatabase database, FixedTime time)
    {
        Database = database;
        Data = new TestData(database);
        Time = time;
        Features = new FeatureServices(database, time);
        Access = new ProgrammeAccess(database.Factory);
        Contacts = new SupportContactService(
            database.Factory, Access, Features.Events, Features.Audit, time,
            NullLogger<SupportContactService>.Instance);
    }

    public TestDatabase Database { get; }

    public TestData Data { get; }

    public FixedTime Time { get; }

    public FeatureServices Features { get; }

    public ProgrammeAccess Access { get; }

    public SupportContactService Contacts { get; }

    public Programme Programme { get; private set; } = null!;

    public Person Coordinator { get; private set; } = null!;

    public Person Mentor { get; private set; } = null!;

    public Person Mentee { get; private set; } = null!;

    public Match Match { get; private set; } = null!;

    public static async Task<ContactScenario> CreateAsync()
    {
        var scenario = new ContactScenario(await TestDatabase.CreateAsync(), FixedTime.At(2026, 12, 3));
        var data = scenario.Data;
        var network = await data.AddNetworkAsync();
        scenario.Programme = await data.AddProgrammeAsync(network.Id, "Harbour Mentors");
        scenario.Coordinator =
            await data.AddPersonAsync("Marta Test", scenario.Programme.Id, ProgrammeRole.Coordinator);
        scenario.Mentor = await data.AddPersonAsync("Iker Test", scenario.Programme.Id, ProgrammeRole.Mentor);
        scenario.Mentee = await data.AddPersonAsync("Selam Test", scenario.Programme.Id, ProgrammeRole.Mentee);
        scenario.Match = await data.AddMatchAsync(scenario.Programme.Id, scenario.Mentor, scenario.Mentee, Start);
        return scenario;
    }

    /// <summary>The signed-in person as Blazor and the policies see them: only the id claim matters.</summary>
    public static ClaimsPrincipal UserOf(Person person) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, person.Id)], "Test"));

    public static SupportContactInput Input(Match match, DateOnly date, string note = "Called Iker; all well.") =>
        new()
        {
            MatchId = match.Id,
            Date = date.ToDateTime(TimeOnly.MinValue),
            Channel = ContactChannel.Phone,
            With = ContactPerson.Mentor,
            Note = note,
        };

    /// <summary>Stores a contact directly, bypassing the service, to set up history.</summary>
    public async Task<SupportContact> AddContactAsync(Match match, DateOnly date, bool followUp = false)
    {
        await using var db = await Database.OpenAsync();
        var contact = new SupportContact
        {
            ProgrammeId = match.ProgrammeId,
            MatchId = match.Id,
            Date = date,
            Channel = ContactChannel.Phone,
            With = ContactPerson.Mentee,
            Note = "Checked in by phone.",
            FollowUpNeeded = followUp,
            RecordedById = Coordinator.Id,
            CreatedAtUtc = date.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc),
        };
        db.Add(contact);
        await db.SaveChangesAsync();
        return contact;
    }

    /// <summary>Another active match of the programme, with a new mentor and mentee.</summary>
    public async Task<Match> AddMatchAsync(string mentorName, string menteeName, DateOnly start)
    {
        var mentor = await Data.AddPersonAsync(mentorName, Programme.Id, ProgrammeRole.Mentor);
        var mentee = await Data.AddPersonAsync(menteeName, Programme.Id, ProgrammeRole.Mentee);
        return await Data.AddMatchAsync(Programme.Id, mentor, mentee, start);
    }

    public async ValueTask DisposeAsync() => await Database.DisposeAsync();
}
