using MentorDashboard.Data;
using MentorDashboard.Features.Import;
using MentorDashboard.Tests.Support;

namespace MentorDashboard.Tests.Features.Import;

/// <summary>The sample files the README offers new users import as it says.</summary>
public sealed class SampleFileTests : IAsyncLifetime
{
    private AppFactory _app = null!;

    public async ValueTask InitializeAsync() => _app = await AppFactory.CreateAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Readme_samples_import_into_an_empty_programme()
    {
        var network = await _app.Data.AddNetworkAsync();
        var programme = await _app.Data.AddProgrammeAsync(network.Id, "Sample Mentors");
        var coordinator = await _app.Accounts.AddAsync("Carme Coordinator", programme.Id, ProgrammeRole.Coordinator);

        var roster = await ImportSampleAsync(programme.Id, coordinator.Id, "roster-sample.csv", ImportKind.Roster);
        var contacts = await ImportSampleAsync(
            programme.Id, coordinator.Id, "contact-log-sample.csv", ImportKind.ContactLog);

        Assert.Equal((true, 6), (roster.Committed, roster.Created));
        Assert.Equal((true, 4), (contacts.Committed, contacts.Created));
    }

    private async Task<ImportOutcome> ImportSampleAsync(
        int programmeId, string personId, string file, ImportKind kind)
    {
        await using var content = File.OpenRead(Path.Combine(SamplesFolder(), file));
        using var upload = await ImportUpload.SaveAsync(
            content, file, long.MaxValue, TestContext.Current.CancellationToken);
        var import = _app.Services.GetRequiredService<ImportService>();
        var (analysis, problem) = await import.AnalyseAsync(upload!);
        Assert.Null(problem);

        var settings = ImportGuess.Settings(kind, analysis!, header => header, [], DateOrder.MonthFirst);
        if (kind == ImportKind.Roster)
        {
            Assert.Equal(DateOrder.DayFirst, settings.DateOrder);
            Assert.False(settings.Stages.ContainsKey("Pending Closure"));
            settings.Stages["Pending Closure"] = MatchStatus.Active;
        }

        var outcome = await import.ImportAsync(
            programmeId, personId, upload!, analysis!.Format, kind, settings, skipProblemRows: false);
        Assert.Empty(outcome.Problems);
        return outcome;
    }

    private static string SamplesFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var samples = Path.Combine(folder.FullName, "docs", "samples");
            if (Directory.Exists(samples))
            {
                return samples;
            }
        }

        throw new DirectoryNotFoundException("docs/samples was not found above the test binaries.");
    }
}
