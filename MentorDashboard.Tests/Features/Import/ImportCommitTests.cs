using MentorDashboard.Data;
using MentorDashboard.Features.Import;
using MentorDashboard.Features.Live;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Tests.Features.Import;

/// <summary>An import stores all of a file or nothing of it, and tells open dashboards once it has.</summary>
public sealed class ImportCommitTests : IAsyncLifetime
{
    private ImportScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await ImportScenario.CreateAsync();

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Problem_on_row_499_of_500_leaves_the_database_as_it_was()
    {
        var (upload, analysis, settings) = await PrepareAsync(ImportSamples.Roster(500, badRows: 499));
        var before = await _scenario.CountAsync();

        var outcome = await _scenario.Import.ImportAsync(_scenario.Programme.Id, _scenario.Coordinator.Id, upload,
            analysis.Format, ImportKind.Roster, settings, skipProblemRows: false);

        Assert.False(outcome.Committed);
        Assert.Equal((500, 1), (outcome.Rows, outcome.ProblemRows));
        Assert.Equal(499, Assert.Single(outcome.Problems).Row);
        Assert.Equal(before, await _scenario.CountAsync());
        Assert.Empty(_scenario.Events.Published);
    }

    [Theory]
    [InlineData("AspNetUsers", 700)]
    [InlineData("MatchStatusChanges", 300)]
    [InlineData("ImportRuns", 0)]
    public async Task Database_failure_while_importing_leaves_the_database_as_it_was(string table, int rowsBefore)
    {
        var (upload, analysis, settings) = await PrepareAsync(ImportSamples.Roster(500));
        var before = await _scenario.CountAsync();
        await FailInsertsAsync(table, rowsBefore);

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => _scenario.Import.ImportAsync(_scenario.Programme.Id,
            _scenario.Coordinator.Id, upload, analysis.Format, ImportKind.Roster, settings, skipProblemRows: false));

        Assert.Contains("disk is full (test)", (failure.InnerException ?? failure).Message, StringComparison.Ordinal);
        Assert.Equal(before, await _scenario.CountAsync());
        Assert.Empty(_scenario.Events.Published);
    }

    [Fact]
    public async Task Check_lists_exactly_the_three_bad_rows_among_500()
    {
        var (upload, analysis, settings) = await PrepareAsync(ImportSamples.Roster(500, badRows: [57, 233, 499]));

        var outcome = await _scenario.Import.CheckAsync(
            _scenario.Programme.Id, upload, analysis.Format, ImportKind.Roster, settings);

        Assert.Equal(
        [
            "row 57, Closure date: The closure date 02/05/2023 is before the start date 02/06/2023.",
            "row 233, Start date: \"2024-02-31\" is not a date in the chosen format; write dates as "
                + ImportDates.AcceptedForms + ".",
            "row 499, Mentor id: The value is missing.",
        ], outcome.Problems.Select(ImportScenario.Describe));
        Assert.Equal((500, 3, 497, false), (outcome.Rows, outcome.ProblemRows, outcome.Created, outcome.Committed));
    }

    [Fact]
    public async Task Skipping_problem_rows_imports_the_497_others_and_records_the_3_skipped()
    {
        var (upload, analysis, settings) = await PrepareAsync(ImportSamples.Roster(500, badRows: [57, 233, 499]));

        var outcome = await _scenario.Import.ImportAsync(_scenario.Programme.Id, _scenario.Coordinator.Id, upload,
            analysis.Format, ImportKind.Roster, settings, skipProblemRows: true);

        Assert.True(outcome.Committed);
        Assert.Equal((497, 0, 0, 3), (outcome.Created, outcome.Updated, outcome.Unchanged, outcome.Skipped));
        await using var db = await _scenario.Database.OpenAsync();
        Assert.Equal(497, await db.Matches.CountAsync());
        Assert.False(await db.Matches.AnyAsync(m => m.ExternalId == ImportSamples.MatchId(233)));
        var run = await db.Set<ImportRun>().SingleAsync();
        Assert.Equal((497, 3, "upload.csv", _scenario.Coordinator.Id, _scenario.Time.Now.UtcDateTime),
            (run.Created, run.Skipped, run.FileName, run.ImportedById, run.ImportedAtUtc));
    }

    [Fact]
    public async Task Person_who_does_not_coordinate_the_programme_cannot_import_into_it()
    {
        var mentor = await _scenario.Data.AddPersonAsync("Iker Test", _scenario.Programme.Id, ProgrammeRole.Mentor);
        var other = await _scenario.Data.AddProgrammeAsync(_scenario.Programme.NetworkId, "River Mentors");
        var elsewhere = await _scenario.Data.AddPersonAsync("Joan Test", other.Id, ProgrammeRole.Coordinator);
        var (upload, analysis, settings) = await PrepareAsync(ImportSamples.Roster(5));
        var before = await _scenario.CountAsync();

        foreach (var person in new[] { mentor, elsewhere })
        {
            var outcome = await _scenario.Import.ImportAsync(_scenario.Programme.Id, person.Id, upload,
                analysis.Format, ImportKind.Roster, settings, skipProblemRows: true);

            Assert.False(outcome.Committed);
            Assert.Equal("You no longer coordinate this programme.", Assert.Single(outcome.Problems).Message);
        }

        Assert.Equal(before, await _scenario.CountAsync());
        Assert.Empty(_scenario.Events.Published);
    }

    [Fact]
    public async Task Network_admin_may_import_into_a_programme_of_the_network()
    {
        var admin = await _scenario.Data.AddPersonAsync("Ada Admin");
        await using (var db = await _scenario.Database.OpenAsync())
        {
            await db.Users.Where(p => p.Id == admin.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.AdminOfNetworkId, _scenario.Programme.NetworkId));
        }

        var (upload, analysis, settings) = await PrepareAsync(ImportSamples.Roster(5));

        var outcome = await _scenario.Import.ImportAsync(_scenario.Programme.Id, admin.Id, upload,
            analysis.Format, ImportKind.Roster, settings, skipProblemRows: false);

        Assert.True(outcome.Committed);
    }

    [Fact]
    public async Task Roster_import_announces_one_match_change_to_the_programme()
    {
        await _scenario.ImportSampleAsync(ImportSamples.OwnExportRoster, ImportKind.Roster);

        var published = Assert.Single(_scenario.Events.Published);
        Assert.Equal((_scenario.Programme.Id, ProgrammeEventKind.MatchChanged, _scenario.Time.Now.UtcDateTime),
            (published.ProgrammeId, published.Kind, published.OccurredAtUtc));
    }

    [Fact]
    public async Task Contact_log_import_announces_one_support_contact_change_and_a_check_announces_nothing()
    {
        await _scenario.ImportSampleAsync(ImportSamples.CrmRoster, ImportKind.Roster,
            settings => settings.Stages["Pending Closure"] = MatchStatus.Active);
        var upload = await _scenario.UploadSampleAsync(ImportSamples.ContactLog);
        await _scenario.CheckAsync(upload, ImportKind.ContactLog);

        await _scenario.ImportAsync(upload, ImportKind.ContactLog);

        Assert.Equal([ProgrammeEventKind.MatchChanged, ProgrammeEventKind.SupportContactSaved],
            _scenario.Events.Published.Select(e => e.Kind));
    }

    [Fact]
    public async Task Import_reaches_a_dashboard_subscribed_to_the_programme()
    {
        var events = _scenario.Features.Events;
        var import = new ImportService(_scenario.Database.Factory, events, _scenario.Time,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ImportService>.Instance);
        var received = new TaskCompletionSource<ProgrammeEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = events.Subscribe(_scenario.Programme.Id, e =>
        {
            received.TrySetResult(e);
            return Task.CompletedTask;
        }, TimeSpan.Zero);
        var (upload, analysis, settings) = await PrepareAsync(ImportSamples.Roster(5));

        await import.ImportAsync(_scenario.Programme.Id, _scenario.Coordinator.Id, upload, analysis.Format,
            ImportKind.Roster, settings, skipProblemRows: false);

        var announced = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(ProgrammeEventKind.MatchChanged, announced.Kind);
    }

    private async Task<(ImportUpload Upload, ImportAnalysis Analysis, ImportSettings Settings)> PrepareAsync(
        string roster)
    {
        var upload = await _scenario.UploadTextAsync(roster);
        var analysis = await _scenario.AnalyseAsync(upload);
        return (upload, analysis, await _scenario.GuessAsync(ImportKind.Roster, analysis));
    }

    /// <summary>Makes the database refuse rows of <paramref name="table"/> once it holds
    /// <paramref name="rows"/>, as a full disk would refuse them.</summary>
    private async Task FailInsertsAsync(string table, int rows)
    {
        var trigger = $"""
            CREATE TRIGGER "FailImport" BEFORE INSERT ON "{table}"
            WHEN (SELECT COUNT(*) FROM "{table}") >= {rows}
            BEGIN SELECT RAISE(ABORT, 'database or disk is full (test)'); END
            """;
        await using var db = await _scenario.Database.OpenAsync();
        await db.Database.ExecuteSqlRawAsync(trigger);
    }
}
