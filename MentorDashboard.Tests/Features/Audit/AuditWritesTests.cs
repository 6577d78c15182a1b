using MentorDashboard.Features.Audit;
using MentorDashboard.Tests.Features.Exports;
using MentorDashboard.Tests.Features.SupportContacts;
using Microsoft.EntityFrameworkCore;
using static MentorDashboard.Tests.Features.SupportContacts.ContactScenario;

namespace MentorDashboard.Tests.Features.Audit;

/// <summary>The features that let personal data out record it in the audit log.</summary>
public sealed class AuditWritesTests
{
    [Fact]
    public async Task Each_export_is_recorded_with_its_file_and_the_coordinator()
    {
        await using var scenario = await ExportScenario.CreateAsync();
        using var client = await scenario.CoordinatorClientAsync();

        (await client.GetAsync(scenario.PathOf("posts.csv"))).EnsureSuccessStatusCode();
        (await client.GetAsync(scenario.PathOf("contacts.xlsx", $"?match={scenario.Closed.Id}")))
            .EnsureSuccessStatusCode();
        (await client.GetAsync(scenario.PathOf("nothing.csv"))).Dispose();

        await using var db = await scenario.App.Database.OpenAsync();
        var entries = await db.Set<AuditEntry>().Where(a => a.Kind == AuditKind.Exported).OrderBy(a => a.Id)
            .ToListAsync();
        Assert.Equal(["posts.csv", "contacts.xlsx"], entries.Select(e => e.Detail));
        Assert.All(entries, e => Assert.Equal(scenario.Coordinator.Id, e.ActorId));
        Assert.All(entries, e => Assert.Equal(scenario.Programme.Id, e.ProgrammeId));
        Assert.All(entries, e => Assert.Equal(scenario.Programme.NetworkId, e.NetworkId));
        Assert.Equal([null, scenario.Closed.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            entries.Select(e => e.SubjectId));
    }

    [Fact]
    public async Task Coordinator_opening_a_matchs_notes_is_recorded_but_a_live_refresh_is_not()
    {
        await using var scenario = await ContactScenario.CreateAsync();
        await scenario.AddContactAsync(scenario.Match, new DateOnly(2026, 11, 5));
        var coordinator = UserOf(scenario.Coordinator);

        await scenario.Contacts.ListForMatchAsync(coordinator, scenario.Programme.Id, scenario.Match.Id);
        await scenario.Contacts.ListForMatchAsync(
            coordinator, scenario.Programme.Id, scenario.Match.Id, recordView: false);
        await scenario.Contacts.ListForMatchAsync(UserOf(scenario.Mentor), scenario.Programme.Id, scenario.Match.Id);

        await using var db = await scenario.Database.OpenAsync();
        var entry = Assert.Single(await db.Set<AuditEntry>().ToListAsync());
        Assert.Equal(AuditKind.SupportNotesViewed, entry.Kind);
        Assert.Equal(scenario.Coordinator.Id, entry.ActorId);
        Assert.Equal(scenario.Match.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.SubjectId);
        Assert.Equal(scenario.Programme.NetworkId, entry.NetworkId);
    }
}
