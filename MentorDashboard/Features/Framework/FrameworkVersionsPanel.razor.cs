using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace MentorDashboard.Features.Framework;

public sealed partial class FrameworkVersionsPanel
{
    private IReadOnlyList<FrameworkVersionSummary> _versions = [];
    private string? _note;
    private bool _publishing;
    private int _fromId;
    private int _toId;
    private FrameworkChanges? _changes;

    /// <summary>The network whose versions are shown.</summary>
    [Parameter, EditorRequired]
    public int NetworkId { get; set; }

    /// <summary>The admin who publishes.</summary>
    [Parameter]
    public string? PersonId { get; set; }

    [Inject]
    private FrameworkVersionService Versions { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _versions = await Versions.ListAsync(NetworkId);
        _toId = _versions.Count > 0 ? _versions[0].Id : 0;
        _fromId = _versions.Count > 1 ? _versions[1].Id : _toId;
        _changes = null;
    }

    private async Task PublishAsync()
    {
        _publishing = true;
        try
        {
            var version = await Versions.PublishAsync(NetworkId, PersonId, _note);
            Snackbar.Add(L["Version {0} published; programmes use it from their next page load.", version.Number],
                Severity.Success);
            _note = null;
            await LoadAsync();
        }
        catch (DbUpdateException)
        {
            // Two admins published at the same moment and took the same number; the other one won.
            Snackbar.Add(L["Another version was published at the same moment. Look at the list and try again."],
                Severity.Warning);
            await LoadAsync();
        }
        finally
        {
            _publishing = false;
        }
    }

    private async Task CompareAsync() => _changes = await Versions.CompareAsync(NetworkId, _fromId, _toId);
}
