using MentorDashboard.Data;
using MentorDashboard.Features.Import;

namespace MentorDashboard.Tests.Features.Import;

/// <summary>
/// Every problem names the row as a spreadsheet numbers it (the header is row 1, a note over several lines is one
/// row) and the file's header of the column, so a coordinator can find and fix it.
/// </summary>
public sealed class ImportValidationTests : IAsyncLifetime
{
    private const string OwnHeader = ImportSamples.OwnRosterHeader;

    private ImportScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await ImportScenario.CreateAsync();

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Each_roster_problem_names_its_spreadsheet_row_and_column()
    {
        var upload = await _scenario.UploadSampleAsync(ImportSamples.ProblemRoster);

        var outcome = await _scenario.CheckAsync(upload, ImportKind.Roster, OwnRosterSettings());

        Assert.Equal(
        [
            "row 2, Start date: \"2024-02-30\" is not a date in the chosen format; write dates as "
                + ImportDates.AcceptedForms + ".",
            "row 3, Closure date: The closure date 04/01/2024 is before the start date 05/01/2024.",
            "row 5, Match id: The match id M-003 is also on row 4; each match may appear once.",
            "row 6, Match id: The id 3.00000000012346E+17 looks like a spreadsheet turned it into a number and "
                + "rounded it. Format the column as text in the spreadsheet and export the file again.",
            "row 7, Status: The stage \"Pending Closure\" is not mapped to Active or Closed.",
            "row 8, Closure date: The match is closed (\"Closed\") but has no closure date.",
            "row 9, : The row has 8 values but the header has 7 columns; a separator inside a value may not be "
                + "quoted.",
            "row 10, : A quotation mark in the middle of a value; the row may be split wrongly. Check its quotes.",
            "row 12, Mentee id: The value is missing.",
            "row 13, Closure reason: The closure reason \"Gone fishing\" is not mapped to one of the programme's "
                + "reasons.",
            "row 14, Closure date: The closure date 01/01/2027 is in the future.",
        ], outcome.Problems.Select(ImportScenario.Describe));
        Assert.Equal(
            (12, 11, 11, false), (outcome.Rows, outcome.ProblemRows, outcome.ProblemCount, outcome.Committed));
        Assert.Equal((1, 0, 0), (outcome.Created, outcome.Updated, outcome.Unchanged));
    }

    [Fact]
    public async Task Each_contact_log_problem_names_its_spreadsheet_row_and_column()
    {
        await _scenario.ImportSampleAsync(ImportSamples.OwnExportRoster, ImportKind.Roster);
        var upload = await _scenario.UploadSampleAsync(ImportSamples.ProblemContactLog);

        var outcome = await _scenario.CheckAsync(upload, ImportKind.ContactLog);

        Assert.Equal(
        [
            "row 3, Match id: There is no match with the id OWN-9999 in this programme. Import the roster first.",
            "row 4, Date: The contact is dated 12/01/2025, after the match closed on 06/30/2025.",
            "row 5, Date: \"2026-13-01\" is not a date in the chosen format; write dates as "
                + ImportDates.AcceptedForms + ".",
            "row 6, Date: The contact date 01/01/2027 is in the future.",
            "row 7, Channel: \"Pigeon\" is not one of: In person, Phone, Video call, Message, E-mail.",
            "row 8, : A quotation mark in the middle of a value; the row may be split wrongly. Check its quotes.",
            "row 9, : The row has 5 values but the header has 4 columns; a separator inside a value may not be "
                + "quoted.",
            "row 10, : Row 2 has the same match, date and note; each contact may appear once.",
            "row 11, Match id: The id 3.00000000012346E+17 looks like a spreadsheet turned it into a number and "
                + "rounded it. Format the column as text in the spreadsheet and export the file again.",
            "row 12, Date: The contact is dated 09/30/2024, before the match started on 10/01/2024.",
        ], outcome.Problems.Select(ImportScenario.Describe));
        Assert.Equal((11, 10, 1), (outcome.Rows, outcome.ProblemRows, outcome.Created));
    }

    [Fact]
    public async Task Note_longer_than_a_support_contact_holds_is_a_problem_of_its_row()
    {
        await _scenario.ImportSampleAsync(ImportSamples.OwnExportRoster, ImportKind.Roster);
        var longNote = "Long call; " + new string('.', 7_992);
        var upload = await _scenario.UploadTextAsync(
            $"Match id,Date,Note\r\nOWN-0001,2026-01-05,\"{longNote}\"\r\nOWN-0001,2026-01-06,\"Short\"\r\n");

        var outcome = await _scenario.CheckAsync(upload, ImportKind.ContactLog);

        Assert.Equal(8_003, longNote.Length);
        Assert.Equal(["row 2, Note: The note is 8003 characters long; at most 8000 are allowed."],
            outcome.Problems.Select(ImportScenario.Describe));
    }

    [Fact]
    public async Task Contact_id_on_two_rows_is_a_problem_of_the_second()
    {
        await _scenario.ImportSampleAsync(ImportSamples.OwnExportRoster, ImportKind.Roster);
        var upload = await _scenario.UploadTextAsync("Contact id;Match id;Date;Note\r\n"
            + "a0C5e00000XyZaBcDE;OWN-0001;2026-01-05;First\r\na0C5e00000XyZaBcDF;OWN-0001;2026-01-06;Second\r\n"
            + "a0C5e00000XyZaBcDE;OWN-0002;2026-01-07;Third\r\n");

        var outcome = await _scenario.CheckAsync(upload, ImportKind.ContactLog);

        Assert.Equal(["row 4, Contact id: The contact id a0C5e00000XyZaBcDE is also on row 2; each contact may "
            + "appear once."], outcome.Problems.Select(ImportScenario.Describe));
    }

    [Fact]
    public async Task Mapping_without_a_required_column_is_refused_before_any_row_is_read()
    {
        var upload = await _scenario.UploadSampleAsync(ImportSamples.OwnExportRoster);
        var settings = OwnRosterSettings();
        settings.Columns.Remove(ImportField.StartDate);

        var outcome = await _scenario.CheckAsync(upload, ImportKind.Roster, settings);

        Assert.Equal(["row 0, : Choose the column that holds \"Start date\"."],
            outcome.Problems.Select(ImportScenario.Describe));
        Assert.Equal(0, outcome.Rows);
    }

    [Fact]
    public async Task Mapping_to_a_column_the_file_does_not_have_is_refused()
    {
        var upload = await _scenario.UploadSampleAsync(ImportSamples.OwnExportRoster);
        var settings = OwnRosterSettings();
        settings.Columns[ImportField.MentorEmail] = "Volunteer e-mail";

        var outcome = await _scenario.CheckAsync(upload, ImportKind.Roster, settings);

        Assert.Equal(["row 0, : The file has no column \"Volunteer e-mail\"."],
            outcome.Problems.Select(ImportScenario.Describe));
    }

    [Fact]
    public async Task Dates_before_1990_are_taken_for_a_misread_format()
    {
        var upload = await _scenario.UploadTextAsync(
            OwnHeader + "\r\nM-1,V-1,C-1,Active,01/01/1900,,\r\nM-2,V-2,C-2,Active,3/25/89,,\r\n");
        var settings = OwnRosterSettings();
        settings.DateOrder = DateOrder.MonthFirst;

        var outcome = await _scenario.CheckAsync(upload, ImportKind.Roster, settings);

        Assert.Equal(
        [
            "row 2, Start date: 01/01/1900 is before 01/01/1990; check the date and the chosen date format.",
            "row 3, Start date: 03/25/1989 is before 01/01/1990; check the date and the chosen date format.",
        ], outcome.Problems.Select(ImportScenario.Describe));
    }

    [Fact]
    public async Task Start_more_than_ninety_days_ahead_and_a_mentor_who_is_also_the_mentee_are_refused()
    {
        var upload = await _scenario.UploadTextAsync(OwnHeader + ",Mentor e-mail,Mentee e-mail\r\n"
            + "M-1,V-1,C-1,Active,2027-03-04,,,,\r\n"
            + "M-2,V-2,C-2,Active,2026-03-04,,,same@people.test,SAME@people.test\r\n");
        var settings = OwnRosterSettings();
        settings.Columns[ImportField.MentorEmail] = "Mentor e-mail";
        settings.Columns[ImportField.MenteeEmail] = "Mentee e-mail";

        var outcome = await _scenario.CheckAsync(upload, ImportKind.Roster, settings);

        Assert.Equal(
        [
            "row 2, Start date: The match starts more than 90 days from today.",
            "row 3, Mentee id: The mentor and the mentee are the same person.",
        ], outcome.Problems.Select(ImportScenario.Describe));
    }

    [Fact]
    public async Task Active_stage_with_a_closure_date_and_an_e_mail_without_an_at_are_refused()
    {
        var upload = await _scenario.UploadTextAsync(OwnHeader + ",Mentor e-mail\r\n"
            + "M-1,V-1,C-1,Active,2024-03-04,2024-06-01,,\r\nM-2,V-2,C-2,Active,2024-03-04,,,laia.serra\r\n");
        var settings = OwnRosterSettings();
        settings.Columns[ImportField.MentorEmail] = "Mentor e-mail";

        var outcome = await _scenario.CheckAsync(upload, ImportKind.Roster, settings);

        Assert.Equal(
        [
            "row 2, Closure date: The stage \"Active\" means active, but the row has a closure date. Map the stage "
                + "to Closed or clear the date.",
            "row 3, Mentor e-mail: \"laia.serra\" is not an e-mail address.",
        ], outcome.Problems.Select(ImportScenario.Describe));
    }

    /// <summary>Our own export's columns, Active and Closed, and the default reason "Moved away".</summary>
    private static ImportSettings OwnRosterSettings() => new()
    {
        Columns = new()
        {
            [ImportField.MatchId] = "Match id",
            [ImportField.MentorId] = "Mentor id",
            [ImportField.MenteeId] = "Mentee id",
            [ImportField.Stage] = "Status",
            [ImportField.StartDate] = "Start date",
            [ImportField.ClosureDate] = "Closure date",
            [ImportField.ClosureReason] = "Closure reason",
        },
        DateOrder = DateOrder.DayFirst,
        Stages = new(StringComparer.OrdinalIgnoreCase)
        {
            ["Active"] = MatchStatus.Active, ["Closed"] = MatchStatus.Closed,
        },
        ClosureReasons = new(StringComparer.OrdinalIgnoreCase) { ["Moved away"] = "Moved away" },
    };
}
