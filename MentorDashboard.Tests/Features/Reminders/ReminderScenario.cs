using MentorDashboard.Data;
using MentorDashboard.Features.Demo;
using MentorDashboard.Features.Live;
using MentorDashboard.Features.Questionnaires;
using MentorDashboard.Features.Reminders;
using MentorDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace MentorDashboard.Tests.Features.Reminders;

/// <summary>
/// Harbour Mentors on 3 December 2026 at noon: Iker (a mentor with a confirmed e-mail address) and Selam, matched
/// since 1 October, last reported a meeting on 10 November, 23 days ago. The reminder feature is wired as the app
/// wires it, with its settings, a fake clock and captured logs; e-mail goes to 127.0.0.1 on <see cref="SmtpPort"/>.
/// </summary>
internal sealed class ReminderScenario : IAsyncDisposable
{
    public const string PostText = "We practised the bus route to the college.";

    public static readonly DateOnly Start = new(2026, 10, 1);

    private readonly ServiceProvider _services;

    private ReminderScenario(TestDatabase database, int smtpPort, IDictionary<string, string?> settings)
    {
        Database = database;
        Data = new TestData(database);
        SmtpPort = smtpPort;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Smtp:Host"] = "127.0.0.1",
                ["Smtp:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Smtp:Security"] = "None",
                ["Smtp:FromAddress"] = "reminders@mentors.test",
                ["Smtp:TimeoutSeconds"] = "5",
                ["Reminders:AppBaseUrl"] = "https://mentors.test",
            })
            .AddInMemoryCollection(settings)
            .Build();
        _services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(Logs))
            .AddLocalization()
            .AddSingleton<TimeProvider>(Time)
            .AddSingleton(database.Factory)
            .AddSingleton<IProgrammeEvents>(sp => new InProcessProgrammeEvents(
                sp.GetRequiredService<ILogger<InProcessProgrammeEvents>>(), Time))
            .AddQuestionnaires()
            .AddReminders(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    public TestDatabase Database { get; }

    public TestData Data { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));

    public CapturedLogs Logs { get; } = new();

    public int SmtpPort { get; }

    public Network Network { get; private set; } = null!;

    public Programme Programme { get; private set; } = null!;

    public Person Mentor { get; private set; } = null!;

    public Match Match { get; private set; } = null!;

    public ReminderService Reminders => _services.GetRequiredService<ReminderService>();

    public ReminderCheck Check => _services.GetRequiredService<ReminderCheck>();

    public DateOnly Today => DateOnly.FromDateTime(Time.GetUtcNow().UtcDateTime);

    /// <param name="settings">Settings over the scenario's own, such as an empty <c>Smtp:Host</c>.</param>
    public static async Task<ReminderScenario> CreateAsync(
        int? smtpPort = null, IDictionary<string, string?>? settings = null)
    {
        var scenario = new ReminderScenario(
            await TestDatabase.CreateAsync(),
            smtpPort ?? LoopbackSmtpServer.FreePort(),
            settings ?? new Dictionary<string, string?>());
        scenario.Network = await scenario.Data.AddNetworkAsync();
        scenario.Programme = await scenario.Data.AddProgrammeAsync(scenario.Network.Id, "Harbour Mentors");
        scenario.Mentor = await scenario.AddMentorAsync("Iker Test");
        var mentee = await scenario.Data.AddPersonAsync("Selam Test", scenario.Programme.Id, ProgrammeRole.Mentee);
        scenario.Match = await scenario.Data.AddMatchAsync(scenario.Programme.Id, scenario.Mentor, mentee, Start);
        await scenario.Data.AddPostAsync(scenario.Match, new DateOnly(2026, 11, 10), text: PostText);
        return scenario;
    }

    /// <summary>The background service as the host runs it; the test starts and stops it.</summary>
    public ReminderBackgroundService BackgroundService =>
        _services.GetServices<IHostedService>().OfType<ReminderBackgroundService>().Single();

    /// <summary>A mentor of the programme with a confirmed e-mail address made from the name.</summary>
    public async Task<Person> AddMentorAsync(string name)
    {
        var person = await Data.AddPersonAsync(name, Programme.Id, ProgrammeRole.Mentor);
        person.Email = $"{name.Replace(' ', '.').ToLowerInvariant()}@mentors.test";
        await using var db = await Database.OpenAsync();
        await db.Users.Where(p => p.Id == person.Id).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.Email, person.Email)
            .SetProperty(p => p.NormalizedEmail, person.Email.ToUpperInvariant())
            .SetProperty(p => p.EmailConfirmed, true));
        return person;
    }

    /// <summary>The demo network's mentor questionnaire, due 30 days after a match starts.</summary>
    public async Task<Questionnaire> AddMentorQuestionnaireAsync()
    {
        var questionnaire = DemoQuestionnaires.Mentor();
        questionnaire.NetworkId = Network.Id;
        await using var db = await Database.OpenAsync();
        db.Add(questionnaire);
        await db.SaveChangesAsync();
        return questionnaire;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Database.DisposeAsync();
    }
}
