using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using MentorDashboard.Data;
using MentorDashboard.Features.Accounts;
using MentorDashboard.Features.Audit;
using MentorDashboard.Features.People;
using MentorDashboard.Features.Reminders;
using MentorDashboard.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace MentorDashboard.Tests.Features.People;

/// <summary>
/// Harbour Mentors and River Mentors in one network on 4 December 2026 at noon, with Marta coordinating Harbour
/// and Jonas coordinating River, and Amira administering the network. The people feature is wired as the app
/// wires it (Identity included) over the test's database and a fake clock; e-mail goes to a loopback SMTP server.
/// </summary>
internal sealed partial class PeopleScenario : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private PeopleScenario(TestDatabase database, LoopbackSmtpServer smtp, int smtpPort)
    {
        Database = database;
        Data = new TestData(database);
        Smtp = smtp;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [DatabaseExtensions.ConnectionStringKey] = database.ConnectionString,
                ["Smtp:Host"] = "127.0.0.1",
                ["Smtp:Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
                ["Smtp:Security"] = "None",
                ["Smtp:FromAddress"] = "invitations@mentors.test",
                ["Smtp:TimeoutSeconds"] = "5",
                ["Reminders:AppBaseUrl"] = "https://mentors.test",
            })
            .Build();
        _services = new ServiceCollection()
            .AddLogging()
            .AddLocalization()
            .AddSingleton<TimeProvider>(Time)
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = Environments.Production })
            .AddAppDatabase(configuration)
            .AddAccounts(configuration)
            .AddAudit()
            .AddReminders(configuration)
            .AddPeople(configuration)
            .BuildServiceProvider();
    }

    public static Uri RequestBase { get; } = new("https://request.mentors.test/");

    public TestDatabase Database { get; }

    public TestData Data { get; }

    public LoopbackSmtpServer Smtp { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));

    public InvitationService Invitations => _services.GetRequiredService<InvitationService>();

    public PeopleService People => _services.GetRequiredService<PeopleService>();

    public Programme Harbour { get; private set; } = null!;

    public Programme River { get; private set; } = null!;

    public Person Marta { get; private set; } = null!;

    public Person Jonas { get; private set; } = null!;

    public Person Amira { get; private set; } = null!;

    /// <param name="mailServerDown">Send e-mail to a port nobody listens on, as when the server is down.</param>
    public static async Task<PeopleScenario> CreateAsync(bool mailServerDown = false)
    {
        var smtp = await LoopbackSmtpServer.StartAsync();
        var port = mailServerDown ? LoopbackSmtpServer.FreePort() : smtp.Port;
        var scenario = new PeopleScenario(await TestDatabase.CreateAsync(), smtp, port);
        var network = await scenario.Data.AddNetworkAsync();
        scenario.Harbour = await scenario.Data.AddProgrammeAsync(network.Id, "Harbour Mentors");
        scenario.River = await scenario.Data.AddProgrammeAsync(network.Id, "River Mentors");
        scenario.Marta = await scenario.AddAccountAsync(
            "Marta Coordinator", scenario.Harbour.Id, ProgrammeRole.Coordinator);
        scenario.Jonas = await scenario.AddAccountAsync(
            "Jonas Coordinator", scenario.River.Id, ProgrammeRole.Coordinator);
        scenario.Amira = await scenario.AddAccountAsync("Amira Admin", adminOfNetworkId: network.Id);
        return scenario;
    }

    /// <summary>Points the app's e-mail at the loopback server; call it before the app starts.</summary>
    public static void SendMailTo(AppFactory app, LoopbackSmtpServer smtp)
    {
        app.Settings["Smtp:Host"] = "127.0.0.1";
        app.Settings["Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture);
        app.Settings["Smtp:Security"] = "None";
        app.Settings["Smtp:FromAddress"] = "invitations@mentors.test";
    }

    public static ClaimsPrincipal As(Person person) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, person.Id)], "Test"));

    /// <summary>An account that can sign in, its e-mail made from the name, made by the app's UserManager.</summary>
    public async Task<Person> AddAccountAsync(
        string name, int? programmeId = null, ProgrammeRole? role = null, int? adminOfNetworkId = null)
    {
        var email = $"{name.Replace(' ', '.').ToLowerInvariant()}@mentors.test";
        var person = new Person
        {
            DisplayName = name, Email = email, UserName = email, EmailConfirmed = true,
            AdminOfNetworkId = adminOfNetworkId,

            // Admin rights need two-factor sign-in (Accounts:RequireTwoFactorForNetworkAdmins).
            TwoFactorEnabled = adminOfNetworkId is not null,
        };
        await using (var scope = _services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<UserManager<Person>>()
                .CreateAsync(person, TestAccounts.Password);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        }

        if (programmeId is { } id && role is { } programmeRole)
        {
            await using var db = await Database.OpenAsync();
            db.Memberships.Add(new Membership { PersonId = person.Id, ProgrammeId = id, Role = programmeRole });
            await db.SaveChangesAsync();
        }

        return person;
    }

    /// <summary>Marta invites the address into Harbour Mentors; returns the token from the e-mail it sent.</summary>
    public async Task<string> InviteAsync(string email, ProgrammeRole role = ProgrammeRole.Mentor)
    {
        var sent = Smtp.Messages.Count;
        var result = await Invitations.InviteAsync(
            As(Marta), Harbour.Id, new InvitationInput { Email = email, Role = role }, RequestBase);
        Assert.Empty(result.Errors);
        var messages = await Smtp.WaitForMessagesAsync(sent + 1, TimeSpan.FromSeconds(10));
        return TokenIn(messages[^1]);
    }

    /// <summary>The whole accept link in the e-mail.</summary>
    public static string TokenLinkIn(MimeMessage message) =>
        LinkPattern().Match(message.TextBody ?? "").Value is { Length: > 0 } link
            ? link
            : throw new InvalidOperationException("The e-mail holds no invitation link.");

    public static string TokenIn(MimeMessage message) =>
        TokenPattern().Match(message.TextBody ?? "").Groups[1].Value is { Length: > 0 } token
            ? token
            : throw new InvalidOperationException("The e-mail holds no invitation link.");

    public async Task<Invitation> InvitationAsync(string email)
    {
        await using var db = await Database.OpenAsync();
        return await db.Set<Invitation>().AsNoTracking()
            .OrderByDescending(i => i.Id)
            .FirstAsync(i => i.Email == email);
    }

    public async Task<IReadOnlyList<AuditKind>> AuditKindsAsync()
    {
        await using var db = await Database.OpenAsync();
        return await db.Set<AuditEntry>().OrderBy(a => a.Id).Select(a => a.Kind).ToListAsync();
    }

    public async Task<IReadOnlyList<ProgrammeRole>> RolesOfAsync(string email, int programmeId)
    {
        await using var db = await Database.OpenAsync();
        return await db.Memberships
            .Where(m => m.ProgrammeId == programmeId && m.Person.Email == email)
            .Select(m => m.Role)
            .ToListAsync();
    }

    public async Task<Person?> PersonAsync(string email)
    {
        await using var db = await Database.OpenAsync();
        return await db.Users.AsNoTracking().SingleOrDefaultAsync(p => p.Email == email);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Smtp.DisposeAsync();
        await Database.DisposeAsync();
    }

    [GeneratedRegex("invitations/accept\\?token=([A-Za-z0-9_-]{43})")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("https?://\\S+/invitations/accept\\?token=[A-Za-z0-9_-]{43}")]
    private static partial Regex LinkPattern();
}
