using System.Diagnostics;
using System.Globalization;
using MentorDashboard.Data;
using MentorDashboard.Features.Import;

namespace MentorDashboard.Bench;

/// <summary>One step of an import run: how long it took for how many rows, and what it found or did.</summary>
internal sealed record ImportStep(string Name, int Rows, TimeSpan Elapsed, ImportOutcome? Outcome, long PeakBytes)
{
    public double RowsPerSecond => Rows / Elapsed.TotalSeconds;
}

/// <summary>
/// Brings a CRM's roster and contact log into an empty programme through <see cref="ImportService"/>, as a
/// coordinator does on the import page: analyse, check, import, then import the same file again (all unchanged).
/// </summary>
internal sealed class ImportBenchmark(BenchApp app, int programmeId, string coordinatorId)
{
    /// <summary>Adds the programme the files are imported into, with its coordinator.</summary>
    public static async Task<ImportBenchmark> PrepareAsync(BenchApp app, CancellationToken cancellationToken)
    {
        await using var db = await app.DbFactory.CreateDbContextAsync(cancellationToken);
        var network = new Network { Name = "Riverside Mentoring Network" };
        var programme = new Programme { Network = network, Name = "Harbour Mentors", Key = "harbour-mentors" };
        var coordinator = new Person
        {
            DisplayName = "Marta Coordinator",
            UserName = "marta.coordinator",
            NormalizedUserName = "MARTA.COORDINATOR",
            SecurityStamp = Guid.NewGuid().ToString(),
        };
        db.Users.Add(coordinator);
        db.Memberships.Add(new Membership
        {
            Programme = programme, PersonId = coordinator.Id, Role = ProgrammeRole.Coordinator,
        });
        await db.SaveChangesAsync(cancellationToken);
        return new ImportBenchmark(app, programme.Id, coordinator.Id);
    }

    /// <summary>Analyses, checks, imports and imports again one file; throws if any row has a problem.</summary>
    public async Task<IReadOnlyList<ImportStep>> RunAsync(
        string path, ImportKind kind, CancellationToken cancellationToken)
    {
        using var upload = await UploadAsync(path, cancellationToken);
        var steps = new List<ImportStep>();

        var started = Stopwatch.GetTimestamp();
        var (analysis, problem) = await app.Import.AnalyseAsync(upload, cancellationToken: cancellationToken);
        if (analysis is null)
        {
            throw new InvalidOperationException($"The generated {kind} file cannot be read: {problem}");
        }

        steps.Add(Step("analyse", analysis.RowCount, started, null));
        var settings = ImportGuess.Settings(kind, analysis, header => header, [], DateOrder.MonthFirst);
        settings.Stages[ImportFiles.PendingClosure] = MatchStatus.Active;

        started = Stopwatch.GetTimestamp();
        var check = await app.Import.CheckAsync(
            programmeId, upload, analysis.Format, kind, settings, cancellationToken: cancellationToken);
        steps.Add(Step("check", check.Rows, started, Expect(check, committed: false)));

        foreach (var name in new[] { "import", "import again" })
        {
            started = Stopwatch.GetTimestamp();
            var outcome = await app.Import.ImportAsync(programmeId, coordinatorId, upload, analysis.Format, kind,
                settings, skipProblemRows: false, cancellationToken: cancellationToken);
            steps.Add(Step(name, outcome.Rows, started, Expect(outcome, committed: true)));
        }

        return steps;
    }

    /// <summary>The file as the page keeps an upload: copied to a temporary file of its own.</summary>
    private static async Task<ImportUpload> UploadAsync(string path, CancellationToken cancellationToken)
    {
        await using var content = File.OpenRead(path);
        return await ImportUpload.SaveAsync(content, Path.GetFileName(path), long.MaxValue, cancellationToken)
            ?? throw new InvalidOperationException("The upload was refused.");
    }

    private static ImportStep Step(string name, int rows, long started, ImportOutcome? outcome)
    {
        using var process = Process.GetCurrentProcess();
        return new ImportStep(name, rows, Stopwatch.GetElapsedTime(started), outcome, process.PeakWorkingSet64);
    }

    private static ImportOutcome Expect(ImportOutcome outcome, bool committed)
    {
        if (outcome.ProblemCount > 0 || outcome.Committed != committed)
        {
            var first = outcome.Problems.Count > 0 ? outcome.Problems[0] : null;
            var text = first is null ? "" : string.Format(CultureInfo.InvariantCulture, first.Message, first.Arguments);
            throw new InvalidOperationException(FormattableString.Invariant(
                $"The generated file has {outcome.ProblemCount} problems; the first, on row {first?.Row}: {text}"));
        }

        return outcome;
    }
}
