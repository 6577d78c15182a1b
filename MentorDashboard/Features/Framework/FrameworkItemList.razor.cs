using MentorDashboard.Data;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace MentorDashboard.Features.Framework;

public sealed partial class FrameworkItemList
{
    private IReadOnlyList<FrameworkItemView> _items = [];
    private string? _newKey;
    private string? _newLabel;
    private IReadOnlyList<FrameworkError> _addErrors = [];
    private int? _editingId;
    private string? _editKey;
    private string? _editLabel;
    private IReadOnlyList<FrameworkError> _editErrors = [];

    /// <summary>The network whose items are listed.</summary>
    [Parameter, EditorRequired]
    public int NetworkId { get; set; }

    /// <summary>Null for the network's own items; a programme's id for its local items.</summary>
    [Parameter]
    public int? ProgrammeId { get; set; }

    /// <summary>Topics or activity types.</summary>
    [Parameter, EditorRequired]
    public FrameworkItemKind Kind { get; set; }

    /// <summary>How new keys start, shown as a hint (<c>topic.</c>, <c>local.harbour.topic.</c>).</summary>
    [Parameter, EditorRequired]
    public string KeyPrefix { get; set; } = "";

    /// <summary>Starts the ids of the inputs and buttons, so that several lists can share a page.</summary>
    [Parameter, EditorRequired]
    public string IdPrefix { get; set; } = "";

    [Inject]
    private FrameworkEditingService Editing { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync() =>
        _items = (await Editing.ListAsync(NetworkId, ProgrammeId)).Where(i => i.Kind == Kind).ToList();

    private string? ErrorOf(IReadOnlyList<FrameworkError> errors, string field) =>
        errors.FirstOrDefault(e => e.Path == field) is { } error ? L[error.Message, error.Arguments].Value : null;

    private string? KeyHelpOf(FrameworkItemView item) =>
        item.KeyLocked ? L["In use: the key can no longer change."].Value : null;

    private Task AddAsync() => RunAsync(async () =>
    {
        _addErrors = await Editing.AddAsync(NetworkId, ProgrammeId, Kind, _newKey, _newLabel);
        if (_addErrors.Count > 0)
        {
            return;
        }

        Snackbar.Add(L["{0} added.", _newLabel!.Trim()], Severity.Success);
        _newKey = null;
        _newLabel = null;
        await LoadAsync();
    });

    private void StartEdit(FrameworkItemView item)
    {
        _editingId = item.Id;
        _editKey = item.Key;
        _editLabel = item.Label;
        _editErrors = [];
    }

    private void CancelEdit() => _editingId = null;

    private Task SaveEditAsync(FrameworkItemView item) => RunAsync(async () =>
    {
        _editErrors = item.KeyLocked || _editKey == item.Key
            ? []
            : await Editing.ChangeKeyAsync(NetworkId, item.Id, _editKey);
        if (_editErrors.Count == 0)
        {
            _editErrors = await Editing.RenameAsync(NetworkId, item.Id, _editLabel);
        }

        if (_editErrors.Count == 0)
        {
            _editingId = null;
            await LoadAsync();
        }
    });

    private Task MoveAsync(FrameworkItemView item, bool up) => RunAsync(async () =>
    {
        await Editing.MoveAsync(NetworkId, item.Id, up);
        await LoadAsync();
    });

    private async Task RetireAsync(FrameworkItemView item)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            L["Retire {0}?", item.Label],
            L["New posts can no longer choose it; posts that used it keep showing it, and its key is never used "
                + "again."],
            yesText: L["Retire"],
            cancelText: L["Cancel"]);
        if (confirmed != true)
        {
            return;
        }

        await RunAsync(async () =>
        {
            await Editing.RetireAsync(NetworkId, item.Id);
            await LoadAsync();
        });
    }

    // Another admin may change the same list meanwhile: an import can remove an item shown here, or two admins
    // add the same key at once. The list then reloads instead of the page failing.
    private async Task RunAsync(Func<Task> change)
    {
        try
        {
            await change();
        }
        catch (Exception exception) when (exception is InvalidOperationException or DbUpdateException)
        {
            Snackbar.Add(L["The framework changed meanwhile; the list now shows it as it is."], Severity.Warning);
            _editingId = null;
            await LoadAsync();
        }
    }
}
