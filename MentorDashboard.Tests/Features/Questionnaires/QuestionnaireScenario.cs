using MentorDashboard.Data;
using MentorDashboard.Features.Demo;
using MentorDashboard.Features.Questionnaires;
using MentorDashboard.Tests.Support;

namespace MentorDashboard.Tests.Features.Questionnaires;

/// <summary>
/// One programme with one match, Iker (mentor) and Selam (mentee), started on 1 January 2026, and the demo's two
/// instruments: the mentee one and the mentor one, each due 30 days after the start and then every 90 days.
/// </summary>
internal sealed class QuestionnaireScenario
{
    public static readonly DateOnly Start = new(2026, 1, 1);

    public static readonly DateOnly FirstOccasion = new(2026, 1, 31);

    public static readonly DateOnly SecondOccasion = new(2026, 5, 1);

    public static readonly DateOnly ThirdOccasion = new(2026, 7, 30);

    private QuestionnaireScenario(TestDatabase database, TestData data)
    {
        Database = database;
        Data = data;
    }

    public TestDatabase Database { get; }

    public TestData Data { get; }

    public Network Network { get; private set; } = null!;

    public Programme Programme { get; private set; } = null!;

    public Person Mentor { get; private set; } = null!;

    public Person Mentee { get; private set; } = null!;

    public Match Match { get; private set; } = null!;

    public Questionnaire Youth { get; private set; } = null!;

    public Questionnaire MentorQuestionnaire { get; private set; } = null!;

    public static async Task<QuestionnaireScenario> CreateAsync()
    {
        var database = await TestDatabase.CreateAsync();
        var scenario = new QuestionnaireScenario(database, new TestData(database));
        var data = scenario.Data;
        scenario.Network = await data.AddNetworkAsync();
        scenario.Programme = await data.AddProgrammeAsync(scenario.Network.Id, "Harbour Mentors");
        scenario.Mentor = await data.AddPersonAsync("Iker Test", scenario.Programme.Id, ProgrammeRole.Mentor);
        scenario.Mentee = await data.AddPersonAsync("Selam Test", scenario.Programme.Id, ProgrammeRole.Mentee);
        scenario.Match = await data.AddMatchAsync(scenario.Programme.Id, scenario.Mentor, scenario.Mentee, Start);
        scenario.Youth = await scenario.AddQuestionnaireAsync(scenario.Network.Id, DemoQuestionnaires.Youth());
        scenario.MentorQuestionnaire =
            await scenario.AddQuestionnaireAsync(scenario.Network.Id, DemoQuestionnaires.Mentor());
        return scenario;
    }

    /// <summary>Every item of the questionnaire answered with the same point.</summary>
    public static Dictionary<string, int> AllAnswered(Questionnaire questionnaire, int value) =>
        questionnaire.Items.ToDictionary(i => i.Key, _ => value);

    public async Task<Questionnaire> AddQuestionnaireAsync(int networkId, Questionnaire questionnaire)
    {
        await using var db = await Database.OpenAsync();
        questionnaire.NetworkId = networkId;
        db.Set<Questionnaire>().Add(questionnaire);
        await db.SaveChangesAsync();
        return questionnaire;
    }

    /// <summary>The mentor's answers to the mentor questionnaire on an occasion, each item the same point.</summary>
    public SubmitInput MentorInput(DateOnly occasion, int value = 4) => new()
    {
        QuestionnaireId = MentorQuestionnaire.Id,
        MatchId = Match.Id,
        Occasion = occasion,
        Answers = AllAnswered(MentorQuestionnaire, value),
    };
}
