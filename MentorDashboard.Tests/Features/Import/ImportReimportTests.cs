using MentorDashboard.Data;
using MentorDashboard.Features.Import;
using MentorDashboard.Features.Matches;
using MentorDashboard.Features.SupportContacts;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Tests.Features.Import;

/// <summary>Next month's export of the same system imports again: what is stored already is found, not doubled.
/// </summary>
public sealed class ImportReimportTests : IAsyncLifetime
{
    private const string ContactsWithIds = "Activity Id,Match ID,Completion Date,Contact Type,Contact With,Notes\r\n"
        + "00T5e00000Ab1AbCDE,a0B5e00000AbCdEfGH,04/15/2024,Phone Call,Volunteer,Spoke with the volunteer.\r\n"
        + "00T5e00000Ab2AbCDE,a0B5e00000AbCdEfGH,05/20/2024,In Person,Parent,\"Met the family;\r\nall well.\"\r\n"
        + "00T5e00000Ab3AbCDE,a0B5e00000AbCdEfGI,06/03/2024,Email,Volunteer,Work is busy.\r\n";

    private ImportScenario _scenario = null!;

    public async ValueTask InitializeAsync()
    {
        _scenario = await ImportScenario.CreateAsync();
        await ImportCrmRosterAsync(File.ReadAllText(ImportSamples.PathOf(ImportSamples.CrmRoster)));
    }

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Importing_the_same_roster_and_contact_log_again_changes_nothing()
    {
        var contacts = await _scenario.ImportSampleAsync(ImportSamples.ContactLog, ImportKind.ContactLog);
        var stored = await _scenario.CountAsync();

        var roster = await ImportCrmRosterAsync(File.ReadAllText(ImportSamples.PathOf(ImportSamples.CrmRoster)));
        var contactsAgain = await _scenario.ImportSampleAsync(ImportSamples.ContactLog, ImportKind.ContactLog);

        Assert.Equal((7, 0, 0), (contacts.Created, contacts.Updated, contacts.Unchanged));
        Assert.Equal((0, 0, 6), (roster.Created, roster.Updated, roster.Unchanged));
        Assert.Equal((0, 0, 7), (contactsAgain.Created, contactsAgain.Updated, contactsAgain.Unchanged));
        Assert.Equal(stored with { ImportRuns = stored.ImportRuns + 2 }, await _scenario.CountAsync());
    }

    [Fact]
    public async Task Our_own_export_imports_again_without_changes()
    {
        var first = await _scenario.ImportSampleAsync(ImportSamples.OwnExportRoster, ImportKind.Roster);

        var again = await _scenario.ImportSampleAsync(ImportSamples.OwnExportRoster, ImportKind.Roster);

        Assert.Equal((5, 0, 0), (first.Created, first.Updated, first.Unchanged));
        Assert.Equal((0, 0, 5), (again.Created, again.Updated, again.Unchanged));
    }

    [Fact]
    public async Task Contact_notes_keep_their_lines_quotes_and_separators()
    {
        await _scenario.ImportSampleAsync(ImportSamples.ContactLog, ImportKind.ContactLog);

        var contact = await ContactAsync("a0B5e00000AbCdEfGH", new DateOnly(2024, 5, 20));
        Assert.Equal("Met both at the centre.\nChild said the match is \"the best thing this year\".\n"
            + "Next check-in: June; volunteer asked about, quote, \"activity budget\".", contact.Note);
        Assert.Equal((ContactChannel.InPerson, ContactPerson.Mentor, null),
            (contact.Channel, contact.With, contact.RecordedById));
        var email = await ContactAsync("a0B5e00000AbCdEfGI", new DateOnly(2024, 6, 3));
        Assert.Equal(ContactChannel.Email, email.Channel);
    }

    [Fact]
    public async Task Changed_closure_date_in_the_next_export_updates_that_match_only()
    {
        var crm = File.ReadAllText(ImportSamples.PathOf(ImportSamples.CrmRoster));

        var outcome = await ImportCrmRosterAsync(crm.Replace("11/30/2024", "11/15/2024", StringComparison.Ordinal));

        Assert.Equal((0, 1, 5), (outcome.Created, outcome.Updated, outcome.Unchanged));
        var match = await _scenario.MatchAsync("a0B5e00000AbCdEfGI");
        Assert.Equal((MatchStatus.Closed, new DateOnly(2024, 11, 15)), (match.Status, match.ClosureDate));
    }

    [Fact]
    public async Task Match_closed_in_the_next_export_is_closed_here_with_its_status_change()
    {
        var crm = File.ReadAllText(ImportSamples.PathOf(ImportSamples.CrmRoster)).Replace(
            "Pending Closure,0035e00000Vx3AbCDE,0035e00000Ch3AbCDE,Girona Site,Site based,,06/02/2025,,",
            "Closed,0035e00000Vx3AbCDE,0035e00000Ch3AbCDE,Girona Site,Site based,Volunteer: Moved,06/02/2025,"
                + "11/20/2026,",
            StringComparison.Ordinal);

        var outcome = await ImportCrmRosterAsync(crm);

        Assert.Equal((0, 1, 5), (outcome.Created, outcome.Updated, outcome.Unchanged));
        var match = await _scenario.MatchAsync("a0B5e00000AbCdEfGJ");
        Assert.Equal((MatchStatus.Closed, new DateOnly(2026, 11, 20), "Volunteer: Moved"),
            (match.Status, match.ClosureDate, match.ClosureReason));
        await using var db = await _scenario.Database.OpenAsync();
        var closing = await db.Set<MatchStatusChange>()
            .Where(c => c.MatchId == match.Id)
            .OrderBy(c => c.Id)
            .LastAsync();
        Assert.Equal((MatchStatus.Active, MatchStatus.Closed, new DateOnly(2026, 11, 20), "Volunteer: Moved"),
            (closing.FromStatus, closing.ToStatus, closing.EffectiveDate, closing.Reason));
    }

    [Fact]
    public async Task Closed_match_cannot_be_reopened_by_a_later_export()
    {
        var crm = File.ReadAllText(ImportSamples.PathOf(ImportSamples.CrmRoster)).Replace(
            "a0B5e00000AbCdEfGI,Closed", "a0B5e00000AbCdEfGI,Active", StringComparison.Ordinal)
            .Replace("Volunteer: Time constraint,01/08/2023,11/30/2024", ",01/08/2023,", StringComparison.Ordinal);
        var upload = await _scenario.UploadTextAsync(crm);

        var outcome = await _scenario.CheckAsync(upload, ImportKind.Roster, await CrmSettingsAsync(upload));

        Assert.Equal(["row 3, Stage: The match a0B5e00000AbCdEfGI is closed here; an import cannot reopen it."],
            outcome.Problems.Select(ImportScenario.Describe));
    }

    [Fact]
    public async Task Changed_note_of_a_contact_with_an_id_updates_that_contact()
    {
        var first = await ImportContactsAsync(ContactsWithIds);
        var ids = await ContactIdsAsync();

        var again = await ImportContactsAsync(ContactsWithIds.Replace(
            "Work is busy.", "Work is busy; two meetings a month from July.", StringComparison.Ordinal));

        Assert.Equal((3, 0, 0), (first.Created, first.Updated, first.Unchanged));
        Assert.Equal((0, 1, 2), (again.Created, again.Updated, again.Unchanged));
        Assert.Equal(ids, await ContactIdsAsync());
        var contact = await ContactAsync("a0B5e00000AbCdEfGI", new DateOnly(2024, 6, 3));
        Assert.Equal(("Work is busy; two meetings a month from July.", "id:00T5e00000Ab3AbCDE"),
            (contact.Note, contact.ImportKey));
        var family = await ContactAsync("a0B5e00000AbCdEfGH", new DateOnly(2024, 5, 20));
        Assert.Equal((ContactPerson.Family, "Met the family;\nall well."), (family.With, family.Note));
    }

    [Fact]
    public async Task Changed_note_of_a_contact_without_an_id_is_a_new_contact()
    {
        await _scenario.ImportSampleAsync(ImportSamples.ContactLog, ImportKind.ContactLog);
        var log = File.ReadAllText(ImportSamples.PathOf(ImportSamples.ContactLog));

        var again = await ImportContactsAsync(log.Replace(
            "Closure call with volunteer.", "Closure call with the volunteer.", StringComparison.Ordinal));

        Assert.Equal((1, 0, 6), (again.Created, again.Updated, again.Unchanged));
    }

    [Fact]
    public async Task Contact_logged_here_is_found_by_its_number_in_our_own_export()
    {
        var match = await _scenario.MatchAsync("a0B5e00000AbCdEfGH");
        await using (var db = await _scenario.Database.OpenAsync())
        {
            db.Add(new SupportContact
            {
                ProgrammeId = _scenario.Programme.Id, MatchId = match.Id, Date = new DateOnly(2024, 7, 1),
                Channel = ContactChannel.Phone, With = ContactPerson.Mentee, Note = "Logged by hand.",
                RecordedById = _scenario.Coordinator.Id,
            });
            await db.SaveChangesAsync();
        }

        var id = (await ContactAsync("a0B5e00000AbCdEfGH", new DateOnly(2024, 7, 1))).Id;
        var own = "Contact id,Match id,Date,Channel,With,Note\r\n"
            + $"{OwnIds.Of(id)},a0B5e00000AbCdEfGH,2024-07-01,Phone,Mentee,";

        var same = await ImportContactsAsync(own + "Logged by hand.\r\n");
        var changed = await ImportContactsAsync(own + "Logged by hand; follow-up done.\r\n");

        Assert.Equal((0, 0, 1), (same.Created, same.Updated, same.Unchanged));
        Assert.Equal((0, 1, 0), (changed.Created, changed.Updated, changed.Unchanged));
        var contact = await ContactAsync("a0B5e00000AbCdEfGH", new DateOnly(2024, 7, 1));
        Assert.Equal(("Logged by hand; follow-up done.", _scenario.Coordinator.Id, null),
            (contact.Note, contact.RecordedById, contact.ImportKey));
    }

    private async Task<ImportOutcome> ImportCrmRosterAsync(string roster)
    {
        var upload = await _scenario.UploadTextAsync(roster);
        return ImportScenario.Committed(
            await _scenario.ImportAsync(upload, ImportKind.Roster, await CrmSettingsAsync(upload)));
    }

    private async Task<ImportSettings> CrmSettingsAsync(ImportUpload upload)
    {
        var settings = await _scenario.GuessAsync(ImportKind.Roster, await _scenario.AnalyseAsync(upload));
        settings.Stages["Pending Closure"] = MatchStatus.Active;
        settings.DateOrder = DateOrder.MonthFirst;
        return settings;
    }

    private Task<ImportOutcome> ImportContactsAsync(string log) =>
        _scenario.ImportTextAsync(log, ImportKind.ContactLog);

    private async Task<SupportContact> ContactAsync(string matchId, DateOnly date)
    {
        var match = await _scenario.MatchAsync(matchId);
        await using var db = await _scenario.Database.OpenAsync();
        return await db.Set<SupportContact>().SingleAsync(c => c.MatchId == match.Id && c.Date == date);
    }

    private async Task<List<long>> ContactIdsAsync()
    {
        await using var db = await _scenario.Database.OpenAsync();
        return await db.Set<SupportContact>().OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
    }
}
