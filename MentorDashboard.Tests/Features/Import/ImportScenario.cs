using System.Globalization;
using System.Text;
using MentorDashboard.Data;
using MentorDashboard.Features.Import;
using MentorDashboard.Features.Live;
using MentorDashboard.Features.Matches;
using MentorDashboard.Features.SupportContacts;
using MentorDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorDashboard.Tests.Features.Import;

/// <summary>
/// Harbour Mentors on 3 December 2026 with its coordinator Marta and nothing else: the programme a coordinator
/// brings an existing roster and contact log into. Uploads are copied to temporary files as the page does, and
/// deleted with the scenario.
/// </summary>
internal sealed class ImportScenario : IAsyncDisposable
{
    private readonly List<ImportUpload> _uploads = [];

    private ImportScenario(TestDatabase database)
    {
        Database = database;
        Data = new TestData(database);
        Features = new FeatureServices(database, Time);
        Import = new ImportService(database.Factory, Events, Time, NullLogger<ImportService>.Instance);
        Mappings = new ImportMappingService(database.Factory, Time, NullLogger<ImportMappingService>.Instance);
    }

    public FixedTime Time { get; } = FixedTime.At(2026, 12, 3);

    public TestDatabase Database { get; }

    public TestData Data { get; }

    public FeatureServices Features { get; }

    /// <summary>Every event the import service published, in order.</summary>
    public RecordedEvents Events { get; } = new();

    public ImportService Import { get; }

    public ImportMappingService Mappings { get; }

    public Programme Programme { get; private set; } = null!;

    public Person Coordinator { get; private set; } = null!;

    public static async Task<ImportScenario> CreateAsync()
    {
        var scenario = new ImportScenario(await TestDatabase.CreateAsync());
        var network = await scenario.Data.AddNetworkAsync();
        scenario.Programme = await scenario.Data.AddProgrammeAsync(network.Id, "Harbour Mentors");
        scenario.Coordinator =
            await scenario.Data.AddPersonAsync("Marta Test", scenario.Programme.Id, ProgrammeRole.Coordinator);
        return scenario;
    }

    /// <summary>Uploads a file of <c>TestData/Import</c> under its own name.</summary>
    public async Task<ImportUpload> UploadSampleAsync(string sample)
    {
        await using var content = File.OpenRead(ImportSamples.PathOf(sample));
        return await UploadAsync(content, sample);
    }

    public async Task<ImportUpload> UploadTextAsync(
        string text, string fileName = "upload.csv", Encoding? encoding = null)
    {
        using var content = new MemoryStream((encoding ?? new UTF8Encoding(false)).GetBytes(text));
        return await UploadAsync(content, fileName);
    }

    public async Task<ImportUpload> UploadBytesAsync(byte[] bytes, string fileName)
    {
        using var content = new MemoryStream(bytes);
        return await UploadAsync(content, fileName);
    }

    public async Task<ImportAnalysis> AnalyseAsync(ImportUpload upload)
    {
        var (analysis, problem) = await Import.AnalyseAsync(upload);
        Assert.True(analysis is not null, problem);
        return analysis;
    }

    /// <summary>The mapping the page starts from: guessed from the file and the programme's closure reasons, with
    /// our headers in English and day-first dates for files whose dates read both ways.</summary>
    public async Task<ImportSettings> GuessAsync(ImportKind kind, ImportAnalysis analysis)
    {
        var reasons = await Features.ClosureReasons.ListAsync(Programme.Id);
        return ImportGuess.Settings(
            kind, analysis, header => header, reasons.Select(r => r.Label).ToList(), DateOrder.DayFirst);
    }

    /// <summary>Analyses, guesses and checks a file as the page does before the coordinator imports it.</summary>
    public async Task<ImportOutcome> CheckAsync(ImportUpload upload, ImportKind kind, ImportSettings? settings = null)
    {
        var analysis = await AnalyseAsync(upload);
        return await Import.CheckAsync(
            Programme.Id, upload, analysis.Format, kind, settings ?? await GuessAsync(kind, analysis));
    }

    /// <summary>Imports a file as Marta, with the guessed mapping unless one is given.</summary>
    public async Task<ImportOutcome> ImportAsync(
        ImportUpload upload, ImportKind kind, ImportSettings? settings = null, bool skipProblemRows = false)
    {
        var analysis = await AnalyseAsync(upload);
        return await Import.ImportAsync(Programme.Id, Coordinator.Id, upload, analysis.Format, kind,
            settings ?? await GuessAsync(kind, analysis), skipProblemRows);
    }

    /// <summary>Uploads a sample and imports it with the guessed mapping; fails the test unless it commits.
    /// </summary>
    public async Task<ImportOutcome> ImportSampleAsync(
        string sample, ImportKind kind, Action<ImportSettings>? adjust = null)
    {
        var upload = await UploadSampleAsync(sample);
        var settings = await GuessAsync(kind, await AnalyseAsync(upload));
        adjust?.Invoke(settings);
        return Committed(await ImportAsync(upload, kind, settings));
    }

    /// <summary>Uploads text and imports it with the guessed mapping; fails the test unless it commits.</summary>
    public async Task<ImportOutcome> ImportTextAsync(string text, ImportKind kind) =>
        Committed(await ImportAsync(await UploadTextAsync(text), kind));

    /// <summary>Fails the test, with the problems found, unless the import committed.</summary>
    public static ImportOutcome Committed(ImportOutcome outcome)
    {
        Assert.True(outcome.Committed, string.Join("\n", outcome.Problems.Select(Describe)));
        return outcome;
    }

    /// <summary>How many rows each table an import writes to holds, to show that a failed import wrote nothing.
    /// </summary>
    public async Task<StoredCounts> CountAsync()
    {
        await using var db = await Database.OpenAsync();
        return new StoredCounts(
            await db.Matches.CountAsync(),
            await db.Users.CountAsync(),
            await db.Memberships.CountAsync(),
            await db.Set<ClosureReason>().CountAsync(),
            await db.Set<MatchStatusChange>().CountAsync(),
            await db.Set<SupportContact>().CountAsync(),
            await db.Set<ImportRun>().CountAsync());
    }

    /// <summary>The programme's match with that id in the file.</summary>
    public async Task<Match> MatchAsync(string externalId)
    {
        await using var db = await Database.OpenAsync();
        return await db.Matches
            .Include(m => m.Mentor)
            .Include(m => m.Mentee)
            .SingleAsync(m => m.ProgrammeId == Programme.Id && m.ExternalId == externalId);
    }

    /// <summary>A problem as the page shows it: row, column and the filled-in message.</summary>
    public static string Describe(ImportProblem problem)
    {
        var text = string.Format(CultureInfo.InvariantCulture, problem.Message, problem.Arguments);
        return string.Create(CultureInfo.InvariantCulture, $"row {problem.Row}, {problem.Column}: {text}");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var upload in _uploads)
        {
            upload.Dispose();
        }

        await Database.DisposeAsync();
    }

    private async Task<ImportUpload> UploadAsync(Stream content, string fileName)
    {
        var upload = await ImportUpload.SaveAsync(content, fileName, 100 * 1024 * 1024, CancellationToken.None);
        Assert.NotNull(upload);
        _uploads.Add(upload);
        return upload;
    }
}

/// <summary>The number of rows in each table an import writes to.</summary>
internal sealed record StoredCounts(
    int Matches,
    int People,
    int Memberships,
    int ClosureReasons,
    int StatusChanges,
    int SupportContacts,
    int ImportRuns);

/// <summary>An event hub that keeps what is published, so a test can count events without waiting.</summary>
internal sealed class RecordedEvents : IProgrammeEvents
{
    private readonly List<ProgrammeEvent> _published = [];

    public IReadOnlyList<ProgrammeEvent> Published
    {
        get
        {
            lock (_published)
            {
                return _published.ToList();
            }
        }
    }

    public Task PublishAsync(ProgrammeEvent programmeEvent, CancellationToken cancellationToken = default)
    {
        lock (_published)
        {
            _published.Add(programmeEvent);
        }

        return Task.CompletedTask;
    }

    public IDisposable Subscribe(int programmeId, Func<ProgrammeEvent, Task> handler, TimeSpan minInterval) =>
        throw new NotSupportedException("The import tests only count what is published.");
}
