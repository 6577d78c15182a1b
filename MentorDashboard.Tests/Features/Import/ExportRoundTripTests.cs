using MentorDashboard.Features.Import;
using MentorDashboard.Features.Matches;
using MentorDashboard.Tests.Features.Exports;

namespace MentorDashboard.Tests.Features.Import;

/// <summary>What the programme exports imports back onto the same matches and contacts, changing nothing.</summary>
public sealed class ExportRoundTripTests : IAsyncLifetime
{
    private ExportScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await ExportScenario.CreateAsync();

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    [Theory]
    [InlineData("matches.csv", ImportKind.Roster, 2)]
    [InlineData("matches.xlsx", ImportKind.Roster, 2)]
    [InlineData("contacts.csv", ImportKind.ContactLog, 2)]
    [InlineData("contacts.xlsx", ImportKind.ContactLog, 2)]
    public async Task Exported_file_imports_back_with_every_row_unchanged(string file, ImportKind kind, int rows)
    {
        using var client = await _scenario.CoordinatorClientAsync();
        await using var body = await client.GetStreamAsync(_scenario.PathOf(file));
        using var upload = await ImportUpload.SaveAsync(
            body, file, long.MaxValue, TestContext.Current.CancellationToken);
        var import = _scenario.App.Services.GetRequiredService<ImportService>();
        var reasons = await _scenario.App.Services.GetRequiredService<ClosureReasonService>()
            .ListAsync(_scenario.Programme.Id);

        var (analysis, problem) = await import.AnalyseAsync(upload!);
        Assert.Null(problem);
        var settings = ImportGuess.Settings(
            kind, analysis!, header => header, reasons.Select(r => r.Label).ToList(), DateOrder.DayFirst);
        var outcome = await import.ImportAsync(
            _scenario.Programme.Id, _scenario.Coordinator.Id, upload!, analysis!.Format, kind, settings,
            skipProblemRows: false);

        Assert.Empty(outcome.Problems);
        Assert.True(outcome.Committed);
        Assert.Equal((0, 0, rows), (outcome.Created, outcome.Updated, outcome.Unchanged));
    }
}
