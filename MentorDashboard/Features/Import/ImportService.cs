using System.Diagnostics;
using MentorDashboard.Data;
using MentorDashboard.Features.Live;
using MentorDashboard.Features.Matches;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Features.Import;

/// <summary>
/// Brings a programme's history in from a CRM or spreadsheet: looks at a file, checks every row against the
/// coordinator's mapping, and imports it all in one transaction, or nothing.
/// </summary>
public sealed partial class ImportService(
    IDbContextFactory<AppDbContext> dbFactory,
    IProgrammeEvents events,
    TimeProvider time,
    ILogger<ImportService> logger)
{
    /// <summary>Detects the file's format and reads it once to describe its columns.</summary>
    public async Task<(ImportAnalysis? Analysis, string? Problem)> AnalyseAsync(
        ImportUpload upload, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var (format, problem) = await ImportFormats.DetectAsync(upload.Path, cancellationToken);
        if (format is null)
        {
            return (null, problem);
        }

        try
        {
            using var table = ImportTable.Open(upload.Path, format);
            if (table.Headers.Count == 0)
            {
                return (null, "The file has no header row.");
            }

            if (table.Headers.Count > ImportTable.MaxColumns)
            {
                return (null, "The file has more than 500 columns. Export only the columns the import needs.");
            }

            var analysis = ImportAnalysis.Of(table, format, progress, cancellationToken);
            return analysis.RowCount == 0
                ? (null, "The file has a header row but no rows below it.")
                : (analysis, null);
        }
        catch (Exception exception) when (format.IsWorkbook && exception is not OperationCanceledException)
        {
            // MiniExcel throws a variety of exceptions for damaged or password-protected workbooks.
            return (null, "The workbook cannot be read. Open it in a spreadsheet, save it again as .xlsx or CSV "
                + "and upload that.");
        }
    }

    /// <summary>Checks every row without changing anything.</summary>
    public Task<ImportOutcome> CheckAsync(
        int programmeId,
        ImportUpload upload,
        ImportFormat format,
        ImportKind kind,
        ImportSettings settings,
        IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        RunAsync(programmeId, null, upload, format, kind, settings, commit: false, skipProblemRows: false, progress,
            cancellationToken);

    /// <summary>
    /// Imports the file in one transaction. Rows with problems make it import nothing, unless
    /// <paramref name="skipProblemRows"/> says the coordinator chose to leave them out.
    /// </summary>
    public async Task<ImportOutcome> ImportAsync(
        int programmeId,
        string personId,
        ImportUpload upload,
        ImportFormat format,
        ImportKind kind,
        ImportSettings settings,
        bool skipProblemRows,
        IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var outcome = await RunAsync(programmeId, personId, upload, format, kind, settings, commit: true,
            skipProblemRows, progress, cancellationToken);
        if (outcome.Committed)
        {
            var eventKind = kind == ImportKind.Roster
                ? ProgrammeEventKind.MatchChanged
                : ProgrammeEventKind.SupportContactSaved;
            await events.PublishAsync(
                new ProgrammeEvent(programmeId, eventKind, time.GetUtcNow().UtcDateTime), cancellationToken);
        }

        return outcome;
    }

    private async Task<ImportOutcome> RunAsync(
        int programmeId,
        string? personId,
        ImportUpload upload,
        ImportFormat format,
        ImportKind kind,
        ImportSettings settings,
        bool commit,
        bool skipProblemRows,
        IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var table = ImportTable.Open(upload.Path, format);
        var (columns, refusal) = ColumnsFor(kind, settings, table.Headers);
        if (refusal is not null)
        {
            return refusal;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (personId is not null
            && !await MatchService.CanCoordinateAsync(db, programmeId, personId, cancellationToken))
        {
            ImportLog.NotCoordinator(logger, personId, programmeId);
            return ImportOutcome.Refused("You no longer coordinate this programme.");
        }

        await using var transaction = commit ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var now = time.GetUtcNow();
        var today = time.Today();
        using RowImporter importer = kind == ImportKind.Roster
            ? new RosterImporter(db, programmeId, columns!, settings, now.UtcDateTime, today)
            : new ContactLogImporter(db, programmeId, columns!, settings, now.UtcDateTime, today);
        await importer.LoadAsync(cancellationToken);

        var tally = new Tally();
        var rowProblems = new List<ImportProblem>();
        var pending = 0;
        foreach (var row in table.ReadRows())
        {
            cancellationToken.ThrowIfCancellationRequested();
            rowProblems.Clear();
            if (row.Problem is not null)
            {
                rowProblems.Add(new ImportProblem(row.Number, "", row.Problem));
            }

            var plan = importer.Check(row, rowProblems);
            tally.Add(row, rowProblems, plan);
            var applying = commit && (tally.ProblemRows == 0 || skipProblemRows);
            if (applying && plan is not null && rowProblems.Count == 0)
            {
                await importer.ApplyAsync(plan, cancellationToken);
                if (++pending >= RowImporter.BatchSize)
                {
                    await importer.FlushAsync(cancellationToken);
                    pending = 0;
                }
            }

            if (tally.Rows % 500 == 0)
            {
                progress?.Report(new ImportProgress(table.Progress, tally.Rows));
            }
        }

        var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        progress?.Report(new ImportProgress(1, tally.Rows));
        if (!commit || (tally.ProblemRows > 0 && !skipProblemRows))
        {
            if (commit)
            {
                await transaction!.RollbackAsync(cancellationToken);
                ImportLog.RolledBack(logger, kind, programmeId, tally.ProblemRows);
            }
            else
            {
                ImportLog.Checked(logger, kind, programmeId, tally.Rows, tally.ProblemRows, elapsedMs);
            }

            return tally.Outcome(committed: false, importer.NewClosureReasons);
        }

        await importer.FlushAsync(cancellationToken);
        db.Add(new ImportRun
        {
            ProgrammeId = programmeId,
            Kind = kind,
            FileName = upload.FileName,
            ImportedById = personId,
            ImportedAtUtc = now.UtcDateTime,
            Created = tally.Created,
            Updated = tally.Updated,
            Unchanged = tally.Unchanged,
            Skipped = tally.ProblemRows,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction!.CommitAsync(cancellationToken);
        elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        ImportLog.Imported(logger, kind, programmeId, tally.Created, tally.Updated, tally.Unchanged,
            tally.ProblemRows, elapsedMs);
        return tally.Outcome(committed: true, importer.NewClosureReasons);
    }

    /// <summary>The file's column for each mapped field; refuses a mapping that misses a required field, names a
    /// column the file does not have, or maps to closure reasons that cannot be stored.</summary>
    private static (ImportColumns? Columns, ImportOutcome? Refusal) ColumnsFor(
        ImportKind kind, ImportSettings settings, IReadOnlyList<string> headers)
    {
        var indexes = new Dictionary<ImportField, int>();
        foreach (var field in ImportFields.Of(kind))
        {
            if (!settings.Columns.TryGetValue(field.Field, out var header) || string.IsNullOrEmpty(header))
            {
                if (field.Required)
                {
                    return (null, ImportOutcome.Refused("Choose the column that holds \"{0}\".", field.Header));
                }

                continue;
            }

            var index = headers.ToList().FindIndex(h => string.Equals(h, header, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                return (null, ImportOutcome.Refused("The file has no column \"{0}\".", header));
            }

            indexes[field.Field] = index;
        }

        if (settings.ClosureReasons.Values.FirstOrDefault(label => label.Trim().Length > ClosureReason.LabelMaxLength)
            is { } tooLong)
        {
            return (null, ImportOutcome.Refused("The closure reason \"{0}\" is longer than {1} characters.",
                tooLong, ClosureReason.LabelMaxLength));
        }

        return (new ImportColumns(indexes, headers), null);
    }

    private sealed class Tally
    {
        private readonly List<ImportProblem> _problems = [];
        private int _problemCount;

        public int Rows { get; private set; }

        public int ProblemRows { get; private set; }

        public int Created { get; private set; }

        public int Updated { get; private set; }

        public int Unchanged { get; private set; }

        public void Add(ImportRow row, List<ImportProblem> problems, RowPlan? plan)
        {
            Rows++;
            if (problems.Count > 0)
            {
                ProblemRows++;
                _problemCount += problems.Count;
                _problems.AddRange(problems.Take(ImportOutcome.MaxProblemsListed - _problems.Count));
                return;
            }

            switch (plan?.Effect)
            {
                case RowEffect.Created:
                    Created++;
                    break;
                case RowEffect.Updated:
                    Updated++;
                    break;
                case RowEffect.Unchanged:
                    Unchanged++;
                    break;
            }
        }

        public ImportOutcome Outcome(bool committed, IReadOnlyList<string> newReasons) =>
            new(committed, Rows, Created, Updated, Unchanged, committed ? ProblemRows : 0, _problems, _problemCount,
                ProblemRows, newReasons.ToList());
    }
}
