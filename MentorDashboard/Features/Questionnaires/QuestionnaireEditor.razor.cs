using MentorDashboard.Features.Accounts;
using MentorDashboard.Features.Framework;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace MentorDashboard.Features.Questionnaires;

/// <summary>
/// The network admin's editor of one questionnaire: who answers and when, the response scale, its scales and
/// its items. The service decides what may change; the page shows its refusals beside the fields.
/// </summary>
public sealed partial class QuestionnaireEditor
{
    private int _networkId;
    private bool _missing;
    private QuestionnaireDetails? _details;
    private string? _title;
    private QuestionnaireRespondent _respondent;
    private int _firstDueAfterDays;
    private int? _repeatEveryDays;
    private bool _dueAtClosure;
    private int _points;
    private ResponseScaleKind _kind;
    private List<string> _anchors = [];
    private IReadOnlyList<FrameworkError> _settingsErrors = [];

    [Parameter]
    public int QuestionnaireId { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = null!;

    [Inject]
    private ProgrammeAccess Access { get; set; } = null!;

    [Inject]
    private QuestionnaireEditingService Editing { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    protected override async Task OnParametersSetAsync()
    {
        _networkId = await Access.AdminNetworkIdAsync((await AuthenticationState).User) ?? 0;
        await LoadAsync();
        if (_missing)
        {
            // Another network's questionnaire (or none): the access-denied page, as for any id the person may
            // not open, so an admin cannot tell another network's ids from missing ones.
            Navigation.NavigateTo(AccountsExtensions.AccessDeniedPath);
            return;
        }

        if (_details?.Questionnaire is { } questionnaire)
        {
            _title = questionnaire.Title;
            _respondent = questionnaire.Respondent;
            _firstDueAfterDays = questionnaire.FirstDueAfterDays;
            _repeatEveryDays = questionnaire.RepeatEveryDays;
            _dueAtClosure = questionnaire.DueAtClosure;
            _points = questionnaire.ResponseScale.Points;
            _kind = questionnaire.ResponseScale.Kind;
            _anchors = [.. questionnaire.ResponseScale.Anchors];
        }
    }

    private async Task LoadAsync()
    {
        _details = await Editing.GetAsync(_networkId, QuestionnaireId);
        _missing = _details is null;
    }

    /// <summary>Keeps one label per point: the ends stay at the ends, new middle points start empty.</summary>
    private void SetPoints(int points)
    {
        _points = points;
        if (points is < ResponseScale.MinPoints or > ResponseScale.MaxPoints || _anchors.Count == 0)
        {
            return;
        }

        var last = _anchors[^1];
        var middle = _anchors.Skip(1).SkipLast(1).Take(Math.Max(0, points - 2)).ToList();
        middle.AddRange(Enumerable.Repeat("", Math.Max(0, points - 2 - middle.Count)));
        _anchors = [_anchors[0], .. middle, last];
    }

    /// <summary>
    /// Gives the ends the new kind's labels while they still hold the old kind's (or nothing), so a scale made
    /// "how often" does not keep "strongly disagree"; labels the admin wrote stay.
    /// </summary>
    private void SetKind(ResponseScaleKind kind)
    {
        var (oldFirst, oldLast) = QuestionnaireText.EndLabelsOf(_kind);
        var (first, last) = QuestionnaireText.EndLabelsOf(kind);
        _kind = kind;
        if (_anchors.Count < ResponseScale.MinPoints)
        {
            return;
        }

        _anchors[0] = Replaced(_anchors[0], oldFirst, first);
        _anchors[^1] = Replaced(_anchors[^1], oldLast, last);

        static string Replaced(string? current, string oldDefault, string newDefault) =>
            string.IsNullOrWhiteSpace(current) || current.Trim() == oldDefault ? newDefault : current;
    }

    /// <summary>Whether a field of this section holds something the questionnaire as read does not.</summary>
    private bool SettingsChanged(Questionnaire read) =>
        (_title ?? "").Trim() != read.Title || _respondent != read.Respondent
        || _firstDueAfterDays != read.FirstDueAfterDays || _repeatEveryDays != read.RepeatEveryDays
        || _dueAtClosure != read.DueAtClosure || _points != read.ResponseScale.Points
        || _kind != read.ResponseScale.Kind
        || !_anchors.Select(a => (a ?? "").Trim()).SequenceEqual(read.ResponseScale.Anchors);

    private Task SaveSettingsAsync() => RunAsync(async () =>
    {
        var settings = new QuestionnaireSettings(
            _title, _respondent, _firstDueAfterDays, _repeatEveryDays, _dueAtClosure,
            new ResponseScale(_points, _kind, [.. _anchors.Select(a => a ?? "")]));
        _settingsErrors = await Editing.UpdateSettingsAsync(_networkId, QuestionnaireId, settings);
        if (_settingsErrors.Count == 0)
        {
            Snackbar.Add(L["Saved."], Severity.Success);
            await LoadAsync();
        }
    });

    private async Task RetireAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            L["Retire this questionnaire?"],
            L["Nobody will be asked to answer it again; the answers already given stay readable."],
            yesText: L["Retire"],
            cancelText: L["Cancel"]);
        if (confirmed == true)
        {
            await RunAsync(async () =>
            {
                await Editing.RetireAsync(_networkId, QuestionnaireId);
                await LoadAsync();
            });
        }
    }

    private Task RunAsync(Func<Task> change) => Snackbar.RunAsync(L, change, LoadAsync);
}
