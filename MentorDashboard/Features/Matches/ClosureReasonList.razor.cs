using MentorDashboard.Features.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace MentorDashboard.Features.Matches;

/// <summary>The programme admin's list of closure reasons: add, rename, reorder, retire, offer again.</summary>
public sealed partial class ClosureReasonList
{
    private IReadOnlyList<ClosureReasonView>? _reasons;
    private string _programmeName = "";
    private string? _newLabel;
    private IReadOnlyList<MatchError> _addErrors = [];
    private int? _editingId;
    private string? _editLabel;
    private IReadOnlyList<MatchError> _editErrors = [];

    /// <summary>The programme whose reasons these are.</summary>
    [Parameter]
    public int ProgrammeId { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = null!;

    [Inject]
    private ClosureReasonService Reasons { get; set; } = null!;

    [Inject]
    private ProgrammeAccess Access { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    protected override async Task OnParametersSetAsync()
    {
        _programmeName = (await Access.GetAsync((await AuthenticationState).User, ProgrammeId)).ProgrammeName;
        await LoadAsync();
    }

    private async Task LoadAsync() => _reasons = await Reasons.ListAsync(ProgrammeId);

    private async Task AddAsync()
    {
        _addErrors = await Reasons.AddAsync(ProgrammeId, _newLabel);
        if (_addErrors.Count > 0)
        {
            return;
        }

        Snackbar.Add(L["{0} added.", _newLabel!.Trim()], Severity.Success);
        _newLabel = null;
        await LoadAsync();
    }

    private void StartEdit(ClosureReasonView reason)
    {
        _editingId = reason.Id;
        _editLabel = reason.Label;
        _editErrors = [];
    }

    private void CancelEdit() => _editingId = null;

    private async Task RenameAsync(ClosureReasonView reason)
    {
        _editErrors = await Reasons.RenameAsync(ProgrammeId, reason.Id, _editLabel);
        if (_editErrors.Count == 0)
        {
            _editingId = null;
            await LoadAsync();
        }
    }

    private Task MoveAsync(ClosureReasonView reason, bool up) =>
        ShowOutcomeAsync(Reasons.MoveAsync(ProgrammeId, reason.Id, up));

    private Task SetRetiredAsync(ClosureReasonView reason, bool retired) =>
        ShowOutcomeAsync(Reasons.SetRetiredAsync(ProgrammeId, reason.Id, retired));

    // Another admin may have changed the list meanwhile; the list is read again either way.
    private async Task ShowOutcomeAsync(Task<IReadOnlyList<MatchError>> change)
    {
        foreach (var error in await change)
        {
            Snackbar.Add(L[error.Message, error.Argument ?? ""], Severity.Warning);
        }

        await LoadAsync();
    }
}
