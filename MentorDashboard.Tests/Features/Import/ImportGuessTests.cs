using MentorDashboard.Data;
using MentorDashboard.Features.Import;

namespace MentorDashboard.Tests.Features.Import;

public sealed class ImportGuessTests : IAsyncLifetime
{
    private ImportScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await ImportScenario.CreateAsync();

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Crm_match_report_columns_map_to_the_roster_fields_and_the_rest_are_ignored()
    {
        var settings = await GuessSampleAsync(ImportSamples.CrmRoster, ImportKind.Roster);

        Assert.Equal(new Dictionary<ImportField, string>
        {
            [ImportField.MatchId] = "Match ID",
            [ImportField.MentorId] = "Volunteer ID",
            [ImportField.MenteeId] = "Child ID",
            [ImportField.Stage] = "Stage",
            [ImportField.StartDate] = "Match Activation Date",
            [ImportField.ClosureDate] = "Match Closure Date",
            [ImportField.ClosureReason] = "Match Closure Reason",
        }, settings.Columns);
        Assert.Equal(DateOrder.MonthFirst, settings.DateOrder);
    }

    [Fact]
    public async Task Our_own_export_maps_every_roster_field_by_its_header()
    {
        var settings = await GuessSampleAsync(ImportSamples.OwnExportRoster, ImportKind.Roster);

        Assert.Equal(ImportFields.Roster.ToDictionary(f => f.Field, f => f.Header), settings.Columns);
    }

    [Fact]
    public async Task Headers_in_the_coordinators_language_map_to_our_fields()
    {
        var upload = await _scenario.UploadTextAsync("Id de la parella;Id mentor;Id mentorat;Data d'inici\r\n"
            + "BCN-1;V-1;J-1;25/03/2024\r\n");
        var analysis = await _scenario.AnalyseAsync(upload);
        var catalan = new Dictionary<string, string>
        {
            ["Match id"] = "Id de la parella", ["Mentor id"] = "Id mentor", ["Mentee id"] = "Id mentorat",
            ["Start date"] = "Data d'inici",
        };

        var settings = ImportGuess.Settings(ImportKind.Roster, analysis,
            header => catalan.GetValueOrDefault(header, header), [], DateOrder.MonthFirst);

        Assert.Equal(["Id de la parella", "Id mentor", "Id mentorat", "Data d'inici"], settings.Columns.Values);
        Assert.Equal(DateOrder.DayFirst, settings.DateOrder);
    }

    [Fact]
    public async Task Dates_that_read_both_ways_take_the_coordinators_usual_order()
    {
        var upload = await _scenario.UploadTextAsync("Match id,Start date\r\nM-1,03/04/2024\r\nM-2,05/06/2024\r\n");
        var analysis = await _scenario.AnalyseAsync(upload);

        var settings = ImportGuess.Settings(ImportKind.Roster, analysis, h => h, [], DateOrder.MonthFirst);

        Assert.Null(analysis.DateOrder);
        Assert.Equal(DateOrder.MonthFirst, settings.DateOrder);
    }

    [Fact]
    public async Task Active_and_closed_stages_are_guessed_and_pending_closure_is_left_for_the_coordinator()
    {
        var settings = await GuessSampleAsync(ImportSamples.CrmRoster, ImportKind.Roster);

        Assert.Equal(MatchStatus.Active, settings.Stages["Active"]);
        Assert.Equal(MatchStatus.Closed, settings.Stages["Closed"]);
        Assert.False(settings.Stages.ContainsKey("Pending Closure"));
        Assert.Equal(MatchStatus.Closed, settings.Stages["CLOSED"]);
    }

    [Fact]
    public async Task Closure_reasons_match_the_programmes_labels_regardless_of_case_and_others_become_new_labels()
    {
        var own = await GuessSampleAsync(ImportSamples.OwnExportRoster, ImportKind.Roster);
        var crm = await GuessSampleAsync(ImportSamples.CrmRoster, ImportKind.Roster);

        Assert.Equal(new Dictionary<string, string>
        {
            ["Goal reached"] = "Goal reached",
            ["moved away"] = "Moved away",
        }, own.ClosureReasons);
        Assert.Equal(
            ["Child: Lost interest", "Successful match closure", "Volunteer: Time constraint"],
            crm.ClosureReasons.Values.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Values_the_coordinator_already_mapped_are_kept_when_values_are_guessed_again()
    {
        var upload = await _scenario.UploadSampleAsync(ImportSamples.CrmRoster);
        var analysis = await _scenario.AnalyseAsync(upload);
        var settings = await _scenario.GuessAsync(ImportKind.Roster, analysis);
        settings.Stages["Pending Closure"] = MatchStatus.Active;
        settings.ClosureReasons["Child: Lost interest"] = "Lost contact";

        ImportGuess.GuessValues(settings, analysis, ["Goal reached", "Lost contact"]);

        Assert.Equal(MatchStatus.Active, settings.Stages["Pending Closure"]);
        Assert.Equal("Lost contact", settings.ClosureReasons["Child: Lost interest"]);
    }

    [Fact]
    public async Task Crm_contact_log_columns_map_to_the_contact_fields()
    {
        var settings = await GuessSampleAsync(ImportSamples.ContactLog, ImportKind.ContactLog);

        Assert.Equal(new Dictionary<ImportField, string>
        {
            [ImportField.MatchId] = "Match ID",
            [ImportField.ContactDate] = "Completion Date",
            [ImportField.ContactNote] = "Match Support Contact Notes",
            [ImportField.ContactChannel] = "Contact Type",
        }, settings.Columns);
        Assert.Equal(DateOrder.MonthFirst, settings.DateOrder);
        Assert.Empty(settings.Stages);
    }

    [Fact]
    public async Task Column_is_mapped_to_one_field_only()
    {
        // "Match" and "Match id" both name the match id; "End" and "Closure date" both the closure date.
        var upload = await _scenario.UploadTextAsync(
            "Match,Match id,Mentor id,Mentee id,Start,End,Closure date\r\nM-1,1,V-1,C-1,2024-01-01,,\r\n");
        var analysis = await _scenario.AnalyseAsync(upload);

        var settings = await _scenario.GuessAsync(ImportKind.Roster, analysis);

        Assert.Equal(settings.Columns.Count, settings.Columns.Values.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("Match id", settings.Columns[ImportField.MatchId]);
        Assert.Equal("Closure date", settings.Columns[ImportField.ClosureDate]);
    }

    [Fact]
    public async Task Values_of_a_mapped_column_come_most_frequent_first()
    {
        var upload = await _scenario.UploadSampleAsync(ImportSamples.CrmRoster);
        var analysis = await _scenario.AnalyseAsync(upload);
        var settings = await _scenario.GuessAsync(ImportKind.Roster, analysis);

        var stages = ImportGuess.ValuesOf(settings, analysis, ImportField.Stage);

        Assert.Equal(["Closed", "Active", "Pending Closure"], stages);
        Assert.Empty(ImportGuess.ValuesOf(settings, analysis, ImportField.MentorEmail));
    }

    private async Task<ImportSettings> GuessSampleAsync(string sample, ImportKind kind)
    {
        var analysis = await _scenario.AnalyseAsync(await _scenario.UploadSampleAsync(sample));
        return await _scenario.GuessAsync(kind, analysis);
    }
}
