using System.Net;
using MentorDashboard.Data;
using MentorDashboard.Features.Import;
using static MentorDashboard.Tests.Features.Exports.ExportScenario;

namespace MentorDashboard.Tests.Features.Exports;

/// <summary>The coordinator's downloads over HTTP: their columns, filters, encodings and who may have them.</summary>
public sealed class ExportApiTests : IAsyncLifetime
{
    private ExportScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await CreateAsync();

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Matches_csv_carries_the_roster_headers_and_the_ids_an_import_finds_again()
    {
        using var client = await _scenario.CoordinatorClientAsync();

        var records = ParseCsv(await client.GetByteArrayAsync(_scenario.MatchesPath));

        Assert.Equal(
            [
                "Match id", "Mentor id", "Mentee id", "Status", "Start date", "Closure date", "Closure reason",
                "Mentor", "Mentee", "Paused on", "Pause reason", "Expected back",
            ],
            records[0]);
        Assert.Equal(ImportFields.Roster.Take(9).Select(f => f.Header), records[0].Take(9));
        Assert.Equal(
            ["M-0042", "V-7", _scenario.Mentee.Id, "Active", "2026-03-01", "", "", "Núria Puigdomènech",
                "Iñaki Ibáñez", "", "", ""],
            RowOf(records, "M-0042"));
        var closed = RowOf(records, OwnIds.Of(_scenario.Closed.Id));
        Assert.Equal(["Closed", "2026-03-01", "2026-09-01", "Moved away", "Pau Ferrer"], closed[3..8]);
    }

    [Fact]
    public async Task Csv_is_utf8_with_a_byte_order_mark_and_keeps_accented_names()
    {
        using var client = await _scenario.CoordinatorClientAsync();

        using var response = await client.GetAsync(_scenario.MatchesPath);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Matches(@"^harbour-mentors-matches-\d{4}-\d{2}-\d{2}\.csv$",
            response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, body[..3]);
        Assert.Contains("Núria Puigdomènech,Iñaki Ibáñez", System.Text.Encoding.UTF8.GetString(body));
    }

    [Theory]
    [InlineData("?status=Closed", "Pau Ferrer")]
    [InlineData("?search=puigdom", "Núria Puigdomènech")]
    [InlineData("?status=Active&search=SOLER", null)]
    public async Task Matches_export_applies_the_lists_status_and_search(string query, string? mentor)
    {
        using var client = await _scenario.CoordinatorClientAsync();

        var records = ParseCsv(await client.GetByteArrayAsync(_scenario.PathOf("matches.csv", query)));

        Assert.Equal(mentor is null ? [] : new[] { mentor }, records.Skip(1).Select(r => r[7]));
    }

    [Fact]
    public async Task Contacts_csv_keeps_a_note_with_lines_commas_semicolons_and_quotes_whole()
    {
        using var client = await _scenario.CoordinatorClientAsync();

        var records = ParseCsv(await client.GetByteArrayAsync(_scenario.PathOf("contacts.csv")));

        Assert.Equal(ImportFields.ContactLog.Select(f => f.Header), records[0].Take(6));
        Assert.Equal(
            ["M-0042", OwnIds.Of(_scenario.ContactId), "2026-04-03", Note, "Phone",
                "Family", "Yes", "Marta Test", "Núria Puigdomènech", "Iñaki Ibáñez"],
            RowOf(records, "M-0042"));
        Assert.Equal(["C-9", "2026-04-04", "Closing soon.", "E-mail", "Mentor", "No", "Imported"],
            RowOf(records, OwnIds.Of(_scenario.Closed.Id))[1..8]);
    }

    [Fact]
    public async Task Match_pages_download_holds_that_matchs_contacts_only()
    {
        using var client = await _scenario.CoordinatorClientAsync();
        var query = $"?match={_scenario.Imported.Id}";

        var records = ParseCsv(await client.GetByteArrayAsync(_scenario.PathOf("contacts.csv", query)));
        using var unknown = await client.GetAsync(_scenario.PathOf("contacts.csv", "?match=999999"));

        Assert.Equal(["M-0042"], records.Skip(1).Select(r => r[0]));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Posts_csv_lists_labels_and_topics_and_keeps_a_formula_as_text()
    {
        await _scenario.App.Data.AddPostAsync(_scenario.Closed, new DateOnly(2026, 5, 1), text: "=1+2");
        using var client = await _scenario.CoordinatorClientAsync();

        var records = ParseCsv(await client.GetByteArrayAsync(_scenario.PathOf("posts.csv")));

        Assert.Equal(
            ["Match id", "Date", "Minutes", "Activity type", "Topics", "Rating", "Text", "Author", "Mentee"],
            records[0]);
        Assert.Equal(
            ["M-0042", "2026-04-02", "90", "walk", "housing; language", "5", "We cooked, then walked by the sea.",
                "Núria Puigdomènech", "Iñaki Ibáñez"],
            RowOf(records, "M-0042"));
        Assert.Equal("'=1+2", RowOf(records, OwnIds.Of(_scenario.Closed.Id))[6]);
    }

    [Fact]
    public async Task Responses_csv_has_a_row_per_response_with_each_scales_score_and_band()
    {
        using var client = await _scenario.CoordinatorClientAsync();

        var records = ParseCsv(await client.GetByteArrayAsync(_scenario.PathOf("responses.csv")));

        Assert.Equal(
            ["Match id", "Questionnaire", "Respondent", "Occasion", "Answered on", "Closeness", "Closeness (band)",
                "Meeting in practice", "Meeting in practice (band)"],
            records[0]);
        Assert.Equal(
            ["M-0042", "How is your match going?", "Núria Puigdomènech", "2026-03-31", "2026-04-05", "3.33", "Fair",
                "", ""],
            Assert.Single(records.Skip(1)));
    }

    [Fact]
    public async Task Xlsx_opens_with_the_header_row_and_the_rows()
    {
        await _scenario.App.Data.AddPostAsync(_scenario.Closed, new DateOnly(2026, 5, 1), text: "=1+2");
        using var client = await _scenario.CoordinatorClientAsync();

        using var response = await client.GetAsync(_scenario.PathOf("posts.xlsx"));
        var rows = ParseXlsx(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(3, rows.Count);
        Assert.Equal(["Match id", "Date", "Minutes"], rows[0][..3]);
        Assert.Equal(["M-0042", "2026-04-02", "90", "walk", "housing; language", "5"], rows[1][..6]);
        Assert.Equal("Núria Puigdomènech", rows[1][7]);

        // A cell of a workbook is text unless written as a formula, so nothing needs escaping there.
        Assert.Equal("=1+2", rows[2][6]);
    }

    [Fact]
    public async Task Empty_xlsx_still_has_its_header_row()
    {
        using var client = await _scenario.CoordinatorClientAsync();

        var rows = ParseXlsx(await client.GetByteArrayAsync(_scenario.PathOf("matches.xlsx", "?status=Paused")));

        Assert.Equal("Match id", Assert.Single(rows)[0]);
    }

    [Fact]
    public async Task Mentor_and_coordinator_of_another_programme_are_refused_with_a_problem_document()
    {
        var elsewhere = await _scenario.App.Data.AddProgrammeAsync(_scenario.Programme.NetworkId, "Hilltop Mentors");
        var otherCoordinator = await _scenario.App.Accounts.AddAsync(
            "Jordi Test", elsewhere.Id, ProgrammeRole.Coordinator);
        var mentor = await _scenario.App.Accounts.AddAsync(
            "Aleix Test", _scenario.Programme.Id, ProgrammeRole.Mentor);

        foreach (var person in new[] { otherCoordinator, mentor })
        {
            using var client = await _scenario.App.CreateSignedInClientAsync(person);
            using var response = await client.GetAsync(_scenario.PathOf("contacts.csv"));

            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.DoesNotContain("Called her mother", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Network_admin_may_download_the_programmes_tables()
    {
        var admin = await _scenario.App.Accounts.AddAsync(
            "Ansel Crowe", adminOfNetworkId: _scenario.Programme.NetworkId);
        using var client = await _scenario.App.CreateSignedInClientAsync(admin);

        using var response = await client.GetAsync(_scenario.PathOf("contacts.xlsx"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("people.csv", HttpStatusCode.NotFound)]
    [InlineData("matches.pdf", HttpStatusCode.NotFound)]
    [InlineData("matches.csv?status=Sleeping", HttpStatusCode.BadRequest)]
    [InlineData("matches.csv?match=first", HttpStatusCode.BadRequest)]
    public async Task Unknown_table_or_filter_is_a_problem_document(string file, HttpStatusCode status)
    {
        using var client = await _scenario.CoordinatorClientAsync();

        using var response = await client.GetAsync(_scenario.PathOf(file));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Newsroom_offers_the_download_to_coordinators_only()
    {
        var mentor = await _scenario.App.Accounts.AddAsync(
            "Aleix Test", _scenario.Programme.Id, ProgrammeRole.Mentor);
        var newsroom = $"/programmes/{_scenario.Programme.Id}/newsroom";
        using var coordinatorClient = await _scenario.CoordinatorClientAsync();
        using var mentorClient = await _scenario.App.CreateSignedInClientAsync(mentor);

        var coordinatorsPage = await coordinatorClient.GetStringAsync(newsroom);
        var mentorsPage = await mentorClient.GetStringAsync(newsroom);

        Assert.Contains("posts-download", coordinatorsPage);
        Assert.DoesNotContain("posts-download", mentorsPage);
    }
}
