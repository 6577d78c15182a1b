using System.Diagnostics;
using System.Globalization;
using MentorDashboard.Features.Accounts;
using MentorDashboard.Features.Matches;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace MentorDashboard.Features.Import;

/// <summary>
/// A coordinator brings a roster or contact log in: upload, see what was detected, map columns and values, check
/// every row, then import all of it or nothing.
/// </summary>
public sealed partial class ImportPage
{
    // Redrawing the progress bar more often than this only adds circuit traffic on a slow connection.
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(200);

    private readonly CancellationTokenSource _disposed = new();
    private string _programmeName = "";
    private IReadOnlyList<string> _reasonLabels = [];
    private ImportKind _kind = ImportKind.Roster;
    private ImportUpload? _upload;
    private ImportAnalysis? _analysis;
    private ImportSettings? _settings;
    private ImportOutcome? _checked;
    private ImportOutcome? _imported;
    private bool _skipProblemRows;
    private bool _busy;
    private string? _fileProblem;
    private double? _progress;
    private int _progressRows;
    private string _progressLabel = "";
    private long _lastProgressDraw;

    /// <summary>The programme to import into.</summary>
    [Parameter]
    public int ProgrammeId { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = null!;

    [Inject]
    private ImportService Import { get; set; } = null!;

    [Inject]
    private ClosureReasonService Reasons { get; set; } = null!;

    [Inject]
    private ProgrammeAccess Access { get; set; } = null!;

    [Inject]
    private IOptions<ImportOptions> Options { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    [Inject]
    private ILogger<ImportPage> Logger { get; set; } = null!;

    private string FormatDescription
    {
        get
        {
            var format = _analysis!.Format;
            if (format.IsWorkbook)
            {
                return L["{0}: an Excel workbook, {1} rows.", _upload!.FileName, _analysis.RowCount];
            }

            var separator = format.Delimiter switch
            {
                ';' => L["semicolons"],
                '\t' => L["tabs"],
                '|' => L["vertical bars"],
                _ => L["commas"],
            };
            return format.HasByteOrderMark
                ? L["{0}: text in {1} (with a byte order mark), values separated by {2}, {3} rows.",
                    _upload!.FileName, format.EncodingName, separator, _analysis.RowCount]
                : L["{0}: text in {1}, values separated by {2}, {3} rows.",
                    _upload!.FileName, format.EncodingName, separator, _analysis.RowCount];
        }
    }

    private string CheckSummary => _checked!.ProblemRows == 0
        ? L["All {0} rows are fine: {1} to create, {2} to update, {3} unchanged.",
            _checked.Rows, _checked.Created, _checked.Updated, _checked.Unchanged]
        : L["{0} rows checked: {1} to create, {2} to update, {3} unchanged, and {4} rows with {5} problems. Fix "
            + "the file and upload it again, or leave those rows out.",
            _checked.Rows, _checked.Created, _checked.Updated, _checked.Unchanged, _checked.ProblemRows,
            _checked.ProblemCount];

    protected override async Task OnParametersSetAsync()
    {
        _programmeName = (await Access.GetAsync((await AuthenticationState).User, ProgrammeId)).ProgrammeName;
        _reasonLabels = (await Reasons.ListAsync(ProgrammeId)).Select(r => r.Label).ToList();
    }

    private void ChooseKind(ImportKind kind)
    {
        _kind = kind;
        if (_analysis is not null)
        {
            _settings = GuessSettings(_analysis);
            ResetResults();
        }
    }

    private async Task UploadAsync(IBrowserFile? file)
    {
        if (file is null || _busy)
        {
            return;
        }

        _fileProblem = null;
        var limit = Options.Value.MaxUploadBytes;
        if (file.Size > limit)
        {
            _fileProblem = L["The file is {0:0.#} MB; files up to {1} MB can be imported. Split it, or ask your "
                + "administrator to raise the limit (setting Import:MaxUploadMegabytes).",
                file.Size / 1024.0 / 1024.0, Options.Value.MaxUploadMegabytes];
            return;
        }

        ClearFile();
        _busy = true;
        ShowProgress(L["Uploading and reading the file…"]);
        try
        {
            await using var content = file.OpenReadStream(limit, _disposed.Token);
            _upload = await ImportUpload.SaveAsync(content, file.Name, limit, _disposed.Token);
            if (_upload is null)
            {
                _fileProblem = L["The file is larger than {0} MB.", Options.Value.MaxUploadMegabytes];
                return;
            }

            var progress = new Progress<double>(fraction => DrawProgress(fraction, _progressRows));
            var upload = _upload;
            var (analysis, problem) = await Task.Run(
                () => Import.AnalyseAsync(upload, progress, _disposed.Token), _disposed.Token);
            if (analysis is null)
            {
                _fileProblem = L[problem!];
                ClearFile();
                return;
            }

            _analysis = analysis;
            _settings = GuessSettings(analysis);
        }
        catch (IOException)
        {
            _fileProblem = L["The file could not be uploaded completely. Check your connection and try again."];
            ClearFile();
        }
        finally
        {
            _busy = false;
            _progress = null;
        }
    }

    private ImportSettings GuessSettings(ImportAnalysis analysis)
    {
        var usualOrder = CultureInfo.CurrentCulture.DateTimeFormat.ShortDatePattern.StartsWith('M')
            ? DateOrder.MonthFirst
            : DateOrder.DayFirst;
        return ImportGuess.Settings(_kind, analysis, header => L[header], _reasonLabels, usualOrder);
    }

    private void SettingsChanged(ImportSettings settings)
    {
        _settings = settings;
        ResetResults();
    }

    private async Task CheckAsync()
    {
        // A second click can arrive before the disabled button has reached the browser.
        if (_busy)
        {
            return;
        }

        ResetResults();
        _busy = true;
        ShowProgress(L["Checking every row…"]);
        try
        {
            var (upload, format, kind, settings) = (_upload!, _analysis!.Format, _kind, _settings!);
            var progress = new Progress<ImportProgress>(p => DrawProgress(p.Fraction, p.Rows));
            _checked = await Task.Run(
                () => Import.CheckAsync(ProgrammeId, upload, format, kind, settings, progress, _disposed.Token),
                _disposed.Token);
        }
        finally
        {
            _busy = false;
            _progress = null;
        }
    }

    private async Task ImportAsync()
    {
        if (_busy || ProgrammeAccess.PersonId((await AuthenticationState).User) is not { } personId)
        {
            return;
        }

        _busy = true;
        _imported = null;
        ShowProgress(L["Importing…"]);
        try
        {
            var (upload, format, kind, settings, skip) =
                (_upload!, _analysis!.Format, _kind, _settings!, _skipProblemRows);
            var progress = new Progress<ImportProgress>(p => DrawProgress(p.Fraction, p.Rows));
            var outcome = await Task.Run(
                () => Import.ImportAsync(
                    ProgrammeId, personId, upload, format, kind, settings, skip, progress, _disposed.Token),
                _disposed.Token);
            if (outcome.Committed)
            {
                _imported = outcome;
                _checked = null;
                _reasonLabels = (await Reasons.ListAsync(ProgrammeId)).Select(r => r.Label).ToList();
                Snackbar.Add(L["Import finished."], Severity.Success);
            }
            else if (outcome.IsRefusal)
            {
                Snackbar.Add(L[outcome.Problems[0].Message, outcome.Problems[0].Arguments], Severity.Error);
            }
            else
            {
                // Something changed since the check (another import, a match closed meanwhile): show why.
                _checked = outcome;
                Snackbar.Add(L["Nothing was imported: some rows have problems."], Severity.Warning);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The transaction was rolled back when the import failed, so nothing of the file is stored.
            ImportLog.Failed(Logger, exception, ProgrammeId);
            Snackbar.Add(L["The import failed and nothing was stored. Try again; if it fails again, tell your "
                + "administrator."], Severity.Error);
        }
        finally
        {
            _busy = false;
            _progress = null;
        }
    }

    private void ShowProgress(string label)
    {
        _progressLabel = label;
        _progress = 0;
        _progressRows = 0;
    }

    private void DrawProgress(double fraction, int rows)
    {
        if (_progress is null)
        {
            return;
        }

        _progress = fraction;
        _progressRows = rows;
        var now = Stopwatch.GetTimestamp();
        if (Stopwatch.GetElapsedTime(_lastProgressDraw, now) >= ProgressInterval)
        {
            _lastProgressDraw = now;
            StateHasChanged();
        }
    }

    private void ResetResults()
    {
        _checked = null;
        _imported = null;
        _skipProblemRows = false;
    }

    private void ClearFile()
    {
        _upload?.Dispose();
        _upload = null;
        _analysis = null;
        _settings = null;
        ResetResults();
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
        _upload?.Dispose();
    }
}
