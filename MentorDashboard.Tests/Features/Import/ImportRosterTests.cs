using MentorDashboard.Data;
using MentorDashboard.Features.Import;
using MentorDashboard.Features.Matches;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Tests.Features.Import;

/// <summary>What a roster brings in: matches, the people in them, their history and the programme's reasons.
/// </summary>
public sealed class ImportRosterTests : IAsyncLifetime
{
    private ImportScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await ImportScenario.CreateAsync();

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Imported_people_have_no_account_and_an_e_mail_only_when_the_file_gives_one()
    {
        var outcome = await _scenario.ImportSampleAsync(ImportSamples.OwnExportRoster, ImportKind.Roster);

        Assert.Equal((5, 0, 0), (outcome.Created, outcome.Updated, outcome.Unchanged));
        var first = await _scenario.MatchAsync("OWN-0001");
        Assert.Equal(("Laia Serra", "laia.serra@mentors.test", "LAIA.SERRA@MENTORS.TEST"),
            (first.Mentor.DisplayName, first.Mentor.Email, first.Mentor.NormalizedEmail));
        Assert.Null(first.Mentor.PasswordHash);
        Assert.Equal(("Amina Diallo", null, null, null),
            (first.Mentee.DisplayName, first.Mentee.Email, first.Mentee.UserName, first.Mentee.PasswordHash));
        var fifth = await _scenario.MatchAsync("OWN-0005");
        Assert.Equal(first.MentorId, fifth.MentorId);
        await using var db = await _scenario.Database.OpenAsync();
        Assert.Equal(9, await db.Memberships.CountAsync(
            m => m.ProgrammeId == _scenario.Programme.Id && m.Role != ProgrammeRole.Coordinator));
        Assert.Equal("P-001", await db.Memberships
            .Where(m => m.PersonId == first.MentorId && m.Role == ProgrammeRole.Mentor)
            .Select(m => m.ExternalId)
            .SingleAsync());
    }

    [Fact]
    public async Task People_without_names_in_the_file_are_shown_by_their_id()
    {
        await _scenario.ImportSampleAsync(ImportSamples.CrmRoster, ImportKind.Roster,
            settings => settings.Stages["Pending Closure"] = MatchStatus.Active);

        var match = await _scenario.MatchAsync("a0B5e00000AbCdEfGH");
        Assert.Equal(("0035e00000Vx1AbCDE", "0035e00000Ch1AbCDE"),
            (match.Mentor.DisplayName, match.Mentee.DisplayName));
        var later = await _scenario.MatchAsync("a0B5e00000AbCdEfGM");
        var earlier = await _scenario.MatchAsync("a0B5e00000AbCdEfGK");
        Assert.Equal(earlier.MentorId, later.MentorId);
    }

    [Fact]
    public async Task Mentor_whose_e_mail_is_known_is_linked_instead_of_created()
    {
        var laia = await AddPersonWithEmailAsync("Laia Serra i Puig", "Laia.Serra@Mentors.test");
        var peopleBefore = (await _scenario.CountAsync()).People;

        await _scenario.ImportSampleAsync(ImportSamples.OwnExportRoster, ImportKind.Roster);

        var match = await _scenario.MatchAsync("OWN-0001");
        Assert.Equal(laia.Id, match.MentorId);
        Assert.Equal("Laia Serra i Puig", match.Mentor.DisplayName);
        Assert.Equal(laia.Id, (await _scenario.MatchAsync("OWN-0005")).MentorId);
        Assert.Equal(peopleBefore + 8, (await _scenario.CountAsync()).People);
        await using var db = await _scenario.Database.OpenAsync();
        var membership = await db.Memberships
            .SingleAsync(m => m.PersonId == laia.Id && m.ProgrammeId == _scenario.Programme.Id);
        Assert.Equal((ProgrammeRole.Mentor, "P-001"), (membership.Role, membership.ExternalId));
    }

    [Fact]
    public async Task E_mail_of_an_account_outside_the_network_is_refused_instead_of_linked()
    {
        var outsider = await _scenario.Data.AddPersonAsync("Outsider Person");
        await using (var db = await _scenario.Database.OpenAsync())
        {
            await db.Users.Where(p => p.Id == outsider.Id).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.Email, "outsider@elsewhere.test")
                .SetProperty(p => p.NormalizedEmail, "OUTSIDER@ELSEWHERE.TEST"));
        }

        var upload = await _scenario.UploadTextAsync(
            "Match id,Mentor id,Mentee id,Start date,Mentor e-mail\r\n"
            + "X-1,P-900,P-901,2025-09-15,outsider@elsewhere.test\r\n");
        var outcome = await _scenario.CheckAsync(upload, ImportKind.Roster);

        var problem = Assert.Single(outcome.Problems);
        Assert.Equal((2, "Mentor e-mail"), (problem.Row, problem.Column));
        Assert.StartsWith("The e-mail {0} belongs to an account outside this network", problem.Message);
    }

    [Fact]
    public async Task Member_found_by_e_mail_gets_the_files_id_so_the_next_file_finds_them_without_it()
    {
        var laia = await AddPersonWithEmailAsync("Laia Serra", "laia.serra@mentors.test");
        var amina = await _scenario.Data.AddPersonAsync("Amina Diallo", _scenario.Programme.Id, ProgrammeRole.Mentee);
        await using (var db = await _scenario.Database.OpenAsync())
        {
            db.Memberships.Add(new Membership
            {
                ProgrammeId = _scenario.Programme.Id, PersonId = laia.Id, Role = ProgrammeRole.Mentor,
            });
            await db.SaveChangesAsync();
            await db.Memberships.Where(m => m.PersonId == amina.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ExternalId, "P-501"));
        }

        var match = await _scenario.Data.AddMatchAsync(_scenario.Programme.Id, laia, amina, new DateOnly(2025, 9, 15));
        var own = "Match id,Mentor id,Mentee id,Start date,Mentor e-mail\r\n"
            + $"{OwnIds.Of(match.Id)},P-001,P-501,2025-09-15,";

        var first = await ImportTextAsync(own + "laia.serra@mentors.test\r\n");
        var second = await ImportTextAsync(own + "\r\n");

        Assert.Equal((0, 0, 1), (first.Created, first.Updated, first.Unchanged));
        Assert.Equal((0, 0, 1), (second.Created, second.Updated, second.Unchanged));
        await using var check = await _scenario.Database.OpenAsync();
        Assert.Equal("P-001", await check.Memberships
            .Where(m => m.PersonId == laia.Id && m.Role == ProgrammeRole.Mentor
                && m.ProgrammeId == _scenario.Programme.Id)
            .Select(m => m.ExternalId)
            .SingleAsync());
        Assert.Null((await check.Matches.SingleAsync(m => m.Id == match.Id)).ExternalId);
    }

    [Fact]
    public async Task Closed_match_is_stored_with_its_start_and_closure_as_status_changes()
    {
        await _scenario.ImportSampleAsync(ImportSamples.OwnExportRoster, ImportKind.Roster);

        var match = await _scenario.MatchAsync("OWN-0003");
        var reason = (await _scenario.Features.ClosureReasons.ListAsync(_scenario.Programme.Id))
            .Single(r => r.Label == "Goal reached");
        Assert.Equal(
            (MatchStatus.Closed, new DateOnly(2024, 10, 1), new DateOnly(2025, 6, 30), reason.Id, "Goal reached"),
            (match.Status, match.StartDate, match.ClosureDate, match.ClosureReasonId, match.ClosureReason));
        await using var db = await _scenario.Database.OpenAsync();
        var changes = await db.Set<MatchStatusChange>()
            .Where(c => c.MatchId == match.Id)
            .OrderBy(c => c.EffectiveDate)
            .ToListAsync();
        Assert.Equal(
        [
            (null, MatchStatus.Active, new DateOnly(2024, 10, 1), null),
            (MatchStatus.Active, MatchStatus.Closed, new DateOnly(2025, 6, 30), "Goal reached"),
        ], changes.Select(c => (c.FromStatus, c.ToStatus, c.EffectiveDate, c.Reason)));
        Assert.All(changes, c =>
            Assert.Equal((null, _scenario.Time.Now.UtcDateTime), (c.ChangedById, c.ChangedAtUtc)));
        var active = await _scenario.MatchAsync("OWN-0001");
        Assert.Single(await db.Set<MatchStatusChange>().Where(c => c.MatchId == active.Id).ToListAsync());
    }

    [Fact]
    public async Task Closure_reasons_mapped_to_new_labels_are_added_to_the_programme_and_announced()
    {
        var upload = await _scenario.UploadSampleAsync(ImportSamples.CrmRoster);
        var analysis = await _scenario.AnalyseAsync(upload);
        var settings = await _scenario.GuessAsync(ImportKind.Roster, analysis);
        settings.Stages["Pending Closure"] = MatchStatus.Active;
        settings.ClosureReasons["Successful match closure"] = "Goal reached";
        string[] added = ["Volunteer: Time constraint", "Child: Lost interest"];

        var check = await _scenario.Import.CheckAsync(
            _scenario.Programme.Id, upload, analysis.Format, ImportKind.Roster, settings);
        var outcome = await _scenario.ImportAsync(upload, ImportKind.Roster, settings);

        Assert.Equal(added, check.NewClosureReasons);
        Assert.Equal(added, outcome.NewClosureReasons);
        var reasons = await _scenario.Features.ClosureReasons.ListAsync(_scenario.Programme.Id);
        Assert.Equal([.. ClosureReason.Defaults, .. added], reasons.Select(r => r.Label));
        Assert.Equal(1, reasons.Single(r => r.Label == "Goal reached").Matches);
        Assert.Equal("Volunteer: Time constraint", (await _scenario.MatchAsync("a0B5e00000AbCdEfGI")).ClosureReason);
    }

    [Fact]
    public async Task Windows1252_names_are_stored_with_their_accents()
    {
        var outcome = await _scenario.ImportSampleAsync(ImportSamples.CatalanRoster, ImportKind.Roster);

        Assert.Equal(5, outcome.Created);
        var first = await _scenario.MatchAsync("BCN-0001");
        Assert.Equal(("Núria Puigdomènech i Vidal", "Iñaki Etxeberria", new DateOnly(2024, 3, 25)),
            (first.Mentor.DisplayName, first.Mentee.DisplayName, first.StartDate));
        var third = await _scenario.MatchAsync("BCN-0003");
        Assert.Equal(("Martí Çanals", "Marcel·lí Ferré", new DateOnly(2025, 9, 1)),
            (third.Mentor.DisplayName, third.Mentee.DisplayName, third.StartDate));
        Assert.Equal(first.MentorId, (await _scenario.MatchAsync("BCN-0005")).MentorId);
    }

    [Fact]
    public async Task Long_numeric_ids_are_kept_as_written_and_a_rounded_one_is_left_out()
    {
        var upload = await _scenario.UploadSampleAsync(ImportSamples.RoundedIdRoster);

        var outcome = await _scenario.ImportAsync(upload, ImportKind.Roster, skipProblemRows: true);

        Assert.Equal((2, 1), (outcome.Created, outcome.Skipped));
        Assert.Equal("row 3, Match Number: The id 3.00000000012346E+17 looks like a spreadsheet turned it into a "
            + "number and rounded it. Format the column as text in the spreadsheet and export the file again.",
            ImportScenario.Describe(Assert.Single(outcome.Problems)));
        var match = await _scenario.MatchAsync("003000000012345678");
        await using var db = await _scenario.Database.OpenAsync();
        Assert.Equal("001000000000000451", await db.Memberships
            .Where(m => m.PersonId == match.MentorId)
            .Select(m => m.ExternalId)
            .SingleAsync());
    }

    [Fact]
    public async Task Workbook_roster_imports_and_its_rounded_number_id_is_a_problem()
    {
        var upload = await _scenario.UploadBytesAsync(ImportSamples.RosterWorkbook(), "roster.xlsx");

        var outcome = await _scenario.ImportAsync(upload, ImportKind.Roster, skipProblemRows: true);

        Assert.True(outcome.Committed);
        Assert.Equal((2, 1), (outcome.Created, outcome.Skipped));
        Assert.Equal((4, "Match Id"), (outcome.Problems[0].Row, outcome.Problems[0].Column));
        var closed = await _scenario.MatchAsync("003000000012345679");
        Assert.Equal((MatchStatus.Closed, new DateOnly(2023, 2, 1), new DateOnly(2024, 6, 30)),
            (closed.Status, closed.StartDate, closed.ClosureDate));
    }

    [Fact]
    public async Task Roster_without_a_stage_column_closes_the_matches_that_have_a_closure_date()
    {
        var outcome = await ImportTextAsync("Match id,Mentor id,Mentee id,Start date,Closure date\r\n"
            + "M-1,V-1,C-1,2024-01-10,\r\nM-2,V-2,C-2,2024-01-10,2024-05-31\r\n");

        Assert.Equal(2, outcome.Created);
        Assert.Equal(MatchStatus.Active, (await _scenario.MatchAsync("M-1")).Status);
        var closed = await _scenario.MatchAsync("M-2");
        Assert.Equal((MatchStatus.Closed, null), (closed.Status, closed.ClosureReasonId));
    }

    private Task<ImportOutcome> ImportTextAsync(string roster) =>
        _scenario.ImportTextAsync(roster, ImportKind.Roster);

    /// <summary>A person with an account in another programme of the same network, so an import may link them.
    /// </summary>
    private async Task<Person> AddPersonWithEmailAsync(string name, string email)
    {
        var neighbour = await _scenario.Data.AddProgrammeAsync(_scenario.Programme.NetworkId, "Neighbour Mentors");
        var person = await _scenario.Data.AddPersonAsync(name, neighbour.Id, ProgrammeRole.Mentor);
        await using var db = await _scenario.Database.OpenAsync();
        await db.Users.Where(p => p.Id == person.Id).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.Email, email)
            .SetProperty(p => p.NormalizedEmail, email.ToUpperInvariant()));
        return person;
    }
}
