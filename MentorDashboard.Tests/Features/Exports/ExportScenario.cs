using System.Globalization;
using System.Text;
using CsvHelper;
using MentorDashboard.Data;
using MentorDashboard.Features.Demo;
using MentorDashboard.Features.Questionnaires;
using MentorDashboard.Features.SupportContacts;
using MentorDashboard.Tests.Support;
using MiniExcelLibs;

namespace MentorDashboard.Tests.Features.Exports;

/// <summary>
/// The app with Harbour Mentors (key harbour-mentors) and its coordinator Marta. Two matches: Núria Puigdomènech
/// with Iñaki Ibáñez, brought in by an import (match M-0042, mentor V-7), active since 1 March 2026, with a post, a
/// support contact and a response; and Pau Ferrer with Aina Soler, closed ("Moved away").
/// </summary>
internal sealed class ExportScenario : IAsyncDisposable
{
    public const string Note = "Called her mother, then the school;\nshe said \"all fine\", more or less.";

    public static readonly DateOnly Start = new(2026, 3, 1);

    private ExportScenario(AppFactory app) => App = app;

    public AppFactory App { get; }

    public Programme Programme { get; private set; } = null!;

    public Person Coordinator { get; private set; } = null!;

    public Person Mentor { get; private set; } = null!;

    public Person Mentee { get; private set; } = null!;

    public Match Imported { get; private set; } = null!;

    public Match Closed { get; private set; } = null!;

    public long ContactId { get; private set; }

    public string MatchesPath => PathOf("matches.csv");

    public static async Task<ExportScenario> CreateAsync()
    {
        var scenario = new ExportScenario(await AppFactory.CreateAsync());
        await scenario.AddDataAsync();
        return scenario;
    }

    public string PathOf(string file, string query = "") =>
        string.Create(CultureInfo.InvariantCulture, $"/api/programmes/{Programme.Id}/exports/{file}{query}");

    /// <summary>A client signed in as the programme's coordinator.</summary>
    public Task<HttpClient> CoordinatorClientAsync() => App.CreateSignedInClientAsync(Coordinator);

    /// <summary>Every record of a CSV body, the header row first, as CsvHelper's parser reads them.</summary>
    public static List<string[]> ParseCsv(byte[] body)
    {
        using var reader = new StreamReader(new MemoryStream(body), Encoding.UTF8);
        using var parser = new CsvParser(reader, CultureInfo.InvariantCulture);
        var records = new List<string[]>();
        while (parser.Read())
        {
            records.Add(parser.Record!);
        }

        return records;
    }

    /// <summary>
    /// Every row of the workbook's sheet as text (an empty cell as ""), the header row first, as MiniExcel reads
    /// them.
    /// </summary>
    public static List<string[]> ParseXlsx(byte[] body)
    {
        using var stream = new MemoryStream(body);
        return stream.Query(useHeaderRow: false)
            .Cast<IDictionary<string, object?>>()
            .Select(row => row.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "").ToArray())
            .ToList();
    }

    /// <summary>The row whose first cell (the match id) is the given one.</summary>
    public static string[] RowOf(List<string[]> records, string matchId) =>
        records.Skip(1).Single(r => r[0] == matchId);

    public ValueTask DisposeAsync() => App.DisposeAsync();

    private async Task AddDataAsync()
    {
        var data = App.Data;
        var network = await data.AddNetworkAsync();
        Programme = await data.AddProgrammeAsync(network.Id, "Harbour Mentors");
        Coordinator = await App.Accounts.AddAsync("Marta Test", Programme.Id, ProgrammeRole.Coordinator);
        Mentor = await data.AddPersonAsync("Núria Puigdomènech", Programme.Id, ProgrammeRole.Mentor);
        Mentee = await data.AddPersonAsync("Iñaki Ibáñez", Programme.Id, ProgrammeRole.Mentee);
        Imported = await data.AddMatchAsync(Programme.Id, Mentor, Mentee, Start);
        var closedMentor = await data.AddPersonAsync("Pau Ferrer", Programme.Id, ProgrammeRole.Mentor);
        var closedMentee = await data.AddPersonAsync("Aina Soler", Programme.Id, ProgrammeRole.Mentee);
        Closed = await data.AddMatchAsync(Programme.Id, closedMentor, closedMentee, Start, MatchStatus.Closed);
        await data.AddPostAsync(Imported, new DateOnly(2026, 4, 2), minutes: 90, rating: 5,
            text: "We cooked, then walked by the sea.", topics: ["topic.housing", "topic.language"]);

        await using var db = await App.Database.OpenAsync();
        var imported = db.Matches.Single(m => m.Id == Imported.Id);
        imported.ExternalId = "M-0042";
        db.Memberships.Single(m => m.PersonId == Mentor.Id).ExternalId = "V-7";
        var closed = db.Matches.Single(m => m.Id == Closed.Id);
        closed.ClosureReason = "Moved away";
        var contact = new SupportContact
        {
            ProgrammeId = Programme.Id,
            MatchId = Imported.Id,
            Date = new DateOnly(2026, 4, 3),
            Channel = ContactChannel.Phone,
            With = ContactPerson.Family,
            Note = Note,
            FollowUpNeeded = true,
            RecordedById = Coordinator.Id,
            CreatedAtUtc = new DateTime(2026, 4, 3, 10, 0, 0, DateTimeKind.Utc),
        };
        db.Add(contact);
        db.Add(new SupportContact
        {
            ProgrammeId = Programme.Id,
            MatchId = Closed.Id,
            Date = new DateOnly(2026, 4, 4),
            Channel = ContactChannel.Email,
            With = ContactPerson.Mentor,
            Note = "Closing soon.",
            ImportKey = "C-9",
            CreatedAtUtc = new DateTime(2026, 4, 4, 10, 0, 0, DateTimeKind.Utc),
        });
        var questionnaire = DemoQuestionnaires.Mentor();
        questionnaire.NetworkId = network.Id;
        db.Add(questionnaire);
        await db.SaveChangesAsync();
        ContactId = contact.Id;

        db.Add(new Response
        {
            QuestionnaireId = questionnaire.Id,
            MatchId = Imported.Id,
            ProgrammeId = Programme.Id,
            RespondentId = Mentor.Id,
            Occasion = new DateOnly(2026, 3, 31),
            SubmittedAtUtc = new DateTime(2026, 4, 5, 9, 0, 0, DateTimeKind.Utc),
            SubmissionId = Guid.NewGuid(),
            Scores =
            [
                new ResponseScore { ScaleKey = questionnaire.Scales[0].Key, Score = 10.0 / 3, Band = "Fair" },
                new ResponseScore { ScaleKey = questionnaire.Scales[1].Key, Score = null },
            ],
        });
        await db.SaveChangesAsync();
    }
}
