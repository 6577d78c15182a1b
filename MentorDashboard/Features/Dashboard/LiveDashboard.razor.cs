using MentorDashboard.Features.Accounts;
using MentorDashboard.Features.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace MentorDashboard.Features.Dashboard;

/// <summary>
/// A programme's data cards, kept current: they re-read when the programme's events arrive (coalesced by the
/// hub) and when the browser's connection comes back after a drop, so they never show stale figures.
/// </summary>
public sealed partial class LiveDashboard
{
    private DashboardData? _data;
    private DateTime _updatedAt;
    private bool _loadError;
    private bool _accessEnded;
    private bool _canChooseCards;
    private string _programmeName = "";
    private IDisposable? _subscription;
    private bool _disposed;
    private int _subscribedProgrammeId;

    /// <summary>The programme whose cards to show; the page has checked the viewer may see it.</summary>
    [Parameter, EditorRequired]
    public int ProgrammeId { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private DashboardService Dashboard { get; set; } = null!;

    [Inject]
    private ProgrammeAccess Access { get; set; } = null!;

    [Inject]
    private LiveAccess Live { get; set; } = null!;

    [Inject]
    private CircuitConnection Connection { get; set; } = null!;

    [Inject]
    private TimeProvider Time { get; set; } = null!;

    [Inject]
    private ILogger<LiveDashboard> Logger { get; set; } = null!;

    protected override void OnInitialized() => Connection.Restored += OnConnectionRestoredAsync;

    protected override async Task OnParametersSetAsync()
    {
        if (_subscribedProgrammeId != ProgrammeId)
        {
            _subscription?.Dispose();
            _subscribedProgrammeId = ProgrammeId;
            _subscription = AuthenticationState is null
                ? null
                : await Live.SubscribeAsync((await AuthenticationState).User, ProgrammeId,
                    ProgrammePolicies.Coordinator, _ => InvokeAsync(RefreshAsync), LiveExtensions.RefreshInterval,
                    accessEnded: () => InvokeAsync(RefreshAsync));
            if (_disposed)
            {
                // The view closed while its access was checked.
                _subscription?.Dispose();
            }

            _data = null;
        }

        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            // Asked again on every refresh, not only when the page opened: a coordinator removed from the
            // programme stops receiving its data at the next post instead of keeping an open window on it.
            var rights = AuthenticationState is null
                ? null
                : await Access.GetAsync((await AuthenticationState).User, ProgrammeId);
            if (rights is not { CanCoordinate: true })
            {
                _accessEnded = true;
                _data = null;
                _subscription?.Dispose();
                return;
            }

            _programmeName = rights.ProgrammeName;
            _canChooseCards = rights.IsNetworkAdmin;
            _data = await Dashboard.LoadAsync(ProgrammeId);
            _updatedAt = Time.GetLocalNow().DateTime;
            _loadError = false;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            DashboardLog.RefreshFailed(Logger, exception, ProgrammeId);
            _loadError = true;
        }
    }

    private async Task RefreshAsync()
    {
        await LoadAsync();
        StateHasChanged();
    }

    private static int ColumnsOf(CardDefinition card) => card.Width switch
    {
        CardWidth.Full => 12,
        CardWidth.Half => 6,
        _ => 4,
    };

    private Task OnConnectionRestoredAsync() => InvokeAsync(RefreshAsync);

    public void Dispose()
    {
        _disposed = true;
        Connection.Restored -= OnConnectionRestoredAsync;
        _subscription?.Dispose();
    }
}
