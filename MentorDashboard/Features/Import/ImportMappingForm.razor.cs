using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace MentorDashboard.Features.Import;

public sealed partial class ImportMappingForm
{
    private IReadOnlyList<string> _savedNames = [];
    private IReadOnlyList<string> _missingColumns = [];
    private string? _chosenMapping;
    private string? _saveName;
    private ImportKind? _loadedKind;

    /// <summary>The programme whose saved mappings are offered.</summary>
    [Parameter, EditorRequired]
    public int ProgrammeId { get; set; }

    /// <summary>What the file brings in; it decides the fields.</summary>
    [Parameter, EditorRequired]
    public ImportKind Kind { get; set; }

    /// <summary>The looked-at file, for its headers and values.</summary>
    [Parameter, EditorRequired]
    public ImportAnalysis Analysis { get; set; } = null!;

    /// <summary>The mapping being edited; the form changes it and then raises <see cref="SettingsChanged"/>.</summary>
    [Parameter, EditorRequired]
    public ImportSettings Settings { get; set; } = null!;

    /// <summary>The programme's closure reasons.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<string> ReasonLabels { get; set; } = [];

    /// <summary>True while a check or import runs.</summary>
    [Parameter]
    public bool Disabled { get; set; }

    /// <summary>Raised after every change, with the (same or replaced) settings.</summary>
    [Parameter]
    public EventCallback<ImportSettings> SettingsChanged { get; set; }

    [Inject]
    private ImportMappingService Mappings { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    private string DateOrderHint => Analysis switch
    {
        { DateOrderConflict: true } =>
            L["Some dates in the file only make sense day first and others only month first; the check will list "
              + "the ones that do not fit the choice."],
        { DateOrder: DateOrder.DayFirst } => L["The file's dates read day first."],
        { DateOrder: DateOrder.MonthFirst } => L["The file's dates read month first."],
        { HasAmbiguousDates: false } =>
            L["The file's dates are written year first (2025-04-02), so this choice does not matter."],
        _ => L["Every date in the file could be read either way: choose how it was written."],
    };

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedKind != Kind)
        {
            _loadedKind = Kind;
            _chosenMapping = null;
            _missingColumns = [];
            _savedNames = await Mappings.ListAsync(ProgrammeId, Kind);
        }
    }

    private string ColumnOf(ImportField field) => Settings.Columns.GetValueOrDefault(field) ?? "";

    private Task ChooseColumn(ImportField field, string header) => Change(() =>
    {
        if (header.Length == 0)
        {
            Settings.Columns.Remove(field);
        }
        else
        {
            Settings.Columns[field] = header;
        }

        if (field is ImportField.Stage or ImportField.ClosureReason)
        {
            ImportGuess.GuessValues(Settings, Analysis, ReasonLabels);
        }
    });

    private Task ChooseDateOrder(DateOrder order) => Change(() => Settings.DateOrder = order);

    private Task Change(Action change)
    {
        change();
        return NotifyAsync();
    }

    private Task NotifyAsync() => SettingsChanged.InvokeAsync(Settings);

    private async Task UseMappingAsync(string name)
    {
        _chosenMapping = name;
        if (await Mappings.LoadAsync(ProgrammeId, Kind, name) is not { } loaded)
        {
            Snackbar.Add(L["That mapping no longer exists."], Severity.Warning);
            return;
        }

        // A column the new file does not have is left empty rather than failing the check later.
        _missingColumns = loaded.Columns.Values
            .Where(header => !Analysis.Headers.Contains(header, StringComparer.OrdinalIgnoreCase))
            .ToList();
        foreach (var (field, header) in loaded.Columns.ToList())
        {
            if (_missingColumns.Contains(header))
            {
                loaded.Columns.Remove(field);
            }
        }

        ImportGuess.GuessValues(loaded, Analysis, ReasonLabels);
        _saveName = name;
        await SettingsChanged.InvokeAsync(loaded);
    }

    private async Task SaveMappingAsync()
    {
        if (await Mappings.SaveAsync(ProgrammeId, Kind, _saveName ?? "", Settings) is { } problem)
        {
            Snackbar.Add(L[problem], Severity.Error);
            return;
        }

        Snackbar.Add(L["Mapping saved as {0}.", _saveName!.Trim()], Severity.Success);
        _savedNames = await Mappings.ListAsync(ProgrammeId, Kind);
    }
}
