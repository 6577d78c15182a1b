using System.Globalization;
using MentorDashboard.Data;
using MentorDashboard.Features.Accounts;
using MentorDashboard.Features.Exports;
using MentorDashboard.Features.Live;
using MentorDashboard.Features.Matches.Dialogs;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace MentorDashboard.Features.Matches;

/// <summary>A programme's matches by status, searchable by name, a page at a time; updates live.</summary>
public sealed partial class MatchList
{
    private const int PageSize = 25;

    private static readonly MatchStatus[] Statuses = [MatchStatus.Active, MatchStatus.Paused, MatchStatus.Closed];

    private static readonly int[] PageSizes = [PageSize, 50, 100];

    // Each covers the matches the list shows: the matches themselves, and their contacts and responses.
    private static readonly ExportTable[] ListExports =
        [ExportTable.Matches, ExportTable.Contacts, ExportTable.Responses];

    private MudTable<MatchRow>? _table;
    private ProgrammeAccessRights? _access;
    private string? _personId;
    private MatchCounts? _counts;
    private MatchStatus _status = MatchStatus.Active;
    private string? _search;
    private IDisposable? _subscription;
    private bool _disposed;
    private int _loadedProgrammeId;

    /// <summary>The programme whose matches these are.</summary>
    [Parameter]
    public int ProgrammeId { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = null!;

    [Inject]
    private MatchService Matches { get; set; } = null!;

    [Inject]
    private ProgrammeAccess Access { get; set; } = null!;

    [Inject]
    private LiveAccess Live { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedProgrammeId == ProgrammeId)
        {
            return;
        }

        _loadedProgrammeId = ProgrammeId;
        var user = (await AuthenticationState).User;
        _personId = ProgrammeAccess.PersonId(user);
        _access = await Access.GetAsync(user, ProgrammeId);
        _subscription?.Dispose();
        _subscription = await Live.SubscribeAsync(user, ProgrammeId, ProgrammePolicies.Coordinator,
            _ => InvokeAsync(ReloadAsync), LiveExtensions.RefreshInterval);
        if (_disposed)
        {
            // The view closed while its access was checked.
            _subscription?.Dispose();
        }
    }

    private async Task<TableData<MatchRow>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var page = await Matches.ListAsync(
            ProgrammeId, new MatchQuery(_status, _search, state.Page, state.PageSize), cancellationToken);
        _counts = page.Counts;
        StateHasChanged();
        return new TableData<MatchRow> { Items = page.Rows, TotalItems = page.Total };
    }

    private Task ReloadAsync() => _table?.ReloadServerData() ?? Task.CompletedTask;

    private async Task ShowStatusAsync(MatchStatus status)
    {
        _status = status;
        _table?.NavigateTo(0);
        await ReloadAsync();
    }

    private async Task SearchAsync(string? search)
    {
        _search = search;
        _table?.NavigateTo(0);
        await ReloadAsync();
    }

    private async Task NewMatchAsync()
    {
        var parameters = new DialogParameters<NewMatchDialog>
        {
            { d => d.ProgrammeId, ProgrammeId },
            { d => d.CoordinatorId, _personId ?? "" },
        };
        var dialog = await Dialogs.ShowAsync<NewMatchDialog>(
            L["New match"], parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        var result = await dialog.Result;
        if (result is { Canceled: false })
        {
            Snackbar.Add(L["The match is created."], Severity.Success);
            await ShowStatusAsync(MatchStatus.Active);
        }
    }

    private string MatchPath(MatchRow row) =>
        string.Create(CultureInfo.InvariantCulture, $"/programmes/{ProgrammeId}/matches/{row.Id}");

    private void Open(MatchRow? row)
    {
        if (row is not null)
        {
            Navigation.NavigateTo(MatchPath(row));
        }
    }

    private string DateText(DateOnly? date) =>
        date?.ToString("d MMM yyyy", CultureInfo.CurrentCulture) ?? L["never"];

    public void Dispose()
    {
        _disposed = true;
        _subscription?.Dispose();
    }
}
