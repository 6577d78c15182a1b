using System.Net;
using System.Security.Claims;
using Bunit;
using MentorDashboard.Data;
using MentorDashboard.Features.Accounts;
using MentorDashboard.Features.Audit;
using MentorDashboard.Tests.Support;

namespace MentorDashboard.Tests.Features.Audit;

public sealed class AuditLogPageTests : MudTestContext, IAsyncLifetime
{
    private readonly FixedTime _time = FixedTime.At(2026, 11, 2, hour: 9);
    private TestDatabase _database = null!;
    private AuditLog _log = null!;
    private Programme _programme = null!;
    private Person _admin = null!;
    private Person _coordinator = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var data = new TestData(_database);
        _log = new AuditLog(_database.Factory, _time);
        var network = await data.AddNetworkAsync();
        _programme = await data.AddProgrammeAsync(network.Id, "Harbour Mentors");
        _coordinator = await data.AddPersonAsync("Marta Test", _programme.Id, ProgrammeRole.Coordinator);
        _admin = await data.AddPersonAsync("Núria Admin");
        await using (var db = await _database.OpenAsync())
        {
            (await db.Users.FindAsync(_admin.Id))!.AdminOfNetworkId = network.Id;
            await db.SaveChangesAsync();
        }

        Services.AddSingleton(new ProgrammeAccess(_database.Factory));
        Services.AddSingleton(new AuditReader(
            _database.Factory, Microsoft.Extensions.Logging.Abstractions.NullLogger<AuditReader>.Instance));
        var authorization = AddAuthorization();
        authorization.SetAuthorized("nuria.admin@mentors.test");
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, _admin.Id));
        RenderAs(interactive: true);
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Network_admin_sees_the_entries_newest_first_with_who_did_what()
    {
        await _log.WriteAsync(AuditKind.SignedIn, _coordinator.Id);
        _time.Now = _time.Now.AddHours(1);
        await _log.WriteAsync(AuditKind.SupportNotesViewed, _coordinator.Id, _programme.Id, subjectId: "42");
        _time.Now = _time.Now.AddHours(1);
        await _log.WriteAsync(AuditKind.Exported, _coordinator.Id, _programme.Id, detail: "matches.xlsx");

        var page = Render<AuditLogPage>();
        RenderPopoverProvider();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("#audit-entries tbody tr").Count), WaitTimeout);
        var rows = page.FindAll("#audit-entries tbody tr");
        Assert.Equal(
            ["Data exported", "Support notes viewed", "Signed in"],
            rows.Select(r => r.QuerySelector("[data-kind]")!.TextContent.Trim()));
        Assert.Contains("2026-11-02 11:00:00", rows[0].TextContent);
        Assert.Contains("matches.xlsx", rows[0].TextContent);
        Assert.All(rows, r => Assert.Equal("Marta Test", r.QuerySelector(".audit-actor")!.TextContent.Trim()));
        Assert.Contains("Harbour Mentors", rows[1].TextContent);
    }

    [Fact]
    public async Task Choosing_a_kind_shows_only_entries_of_that_kind()
    {
        await _log.WriteAsync(AuditKind.SignedIn, _coordinator.Id);
        await _log.WriteAsync(AuditKind.Exported, _coordinator.Id, _programme.Id, detail: "posts.csv");
        await _log.WriteAsync(AuditKind.SignedIn, _coordinator.Id);
        var page = Render<AuditLogPage>();
        var popovers = RenderPopoverProvider();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("#audit-entries tbody tr").Count), WaitTimeout);

        page.Find("#audit-kind").Closest(".mud-input-control")!.MouseDown();
        popovers.WaitForElement(".mud-popover-open .mud-list-item", WaitTimeout);
        popovers.FindAll(".mud-list-item").First(i => i.TextContent.Trim() == "Data exported").Click();

        page.WaitForAssertion(() =>
        {
            var row = Assert.Single(page.FindAll("#audit-entries tbody tr"));
            Assert.Contains("posts.csv", row.TextContent, StringComparison.Ordinal);
        }, WaitTimeout);
    }

    [Fact]
    public async Task Entry_of_an_unknown_visitor_and_of_a_deleted_person_still_reads()
    {
        await _log.WriteAsync(AuditKind.SignInFailed, actorId: null, programmeId: _programme.Id);
        await _log.WriteAsync(AuditKind.SignedIn, "0f0e0d0c-gone", _programme.Id);

        var page = Render<AuditLogPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("#audit-entries tbody tr").Count), WaitTimeout);
        var actors = page.FindAll(".audit-actor").Select(a => a.TextContent.Trim()).ToList();
        Assert.Contains("Anonymous visitor", actors);
        Assert.Contains("Deleted person (0f0e0d0c)", actors);
    }

    [Fact]
    public async Task Coordinator_who_is_no_network_admin_is_refused_the_page()
    {
        await using var app = await AppFactory.CreateAsync();
        var network = await app.Data.AddNetworkAsync();
        var programme = await app.Data.AddProgrammeAsync(network.Id, "Harbour Mentors");
        var coordinator = await app.Accounts.AddAsync("Marta Coordinator", programme.Id, ProgrammeRole.Coordinator);
        using var client = await app.CreateSignedInClientAsync(coordinator);

        using var response = await client.GetAsync("/admin/audit");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(AccountPages.AccessDeniedPath, response.Headers.Location?.AbsolutePath);
    }
}
