using System.Globalization;
using MentorDashboard.Features.Accounts;
using MentorDashboard.Features.Exports;
using MentorDashboard.Features.Live;
using MentorDashboard.Features.Matches.Dialogs;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace MentorDashboard.Features.Matches;

/// <summary>
/// One match: where it stands, its pause and closure actions, its meetings and scale scores, and its timeline.
/// Updates live when the pair posts, a questionnaire is answered or someone else changes the match.
/// </summary>
public sealed partial class MatchOverview
{
    private const int TimelinePage = 30;

    private static readonly ExportTable[] MatchExports =
        [ExportTable.Posts, ExportTable.Contacts, ExportTable.Responses];

    private MatchDetails? _match;
    private MatchActivity _activity = new([], []);
    private MatchTimeline _timeline = new([], false);
    private int _timelineTake = TimelinePage;
    private bool _notFound;
    private string? _personId;
    private int _contactsRevision;
    private IDisposable? _subscription;
    private bool _disposed;
    private (int ProgrammeId, int MatchId) _loaded;

    /// <summary>The programme in the route; the policy has checked the viewer coordinates it.</summary>
    [Parameter]
    public int ProgrammeId { get; set; }

    /// <summary>The match to show; only when it is one of the programme's.</summary>
    [Parameter]
    public int MatchId { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = null!;

    [Inject]
    private MatchService Matches { get; set; } = null!;

    [Inject]
    private MatchTimelineService Timeline { get; set; } = null!;

    [Inject]
    private LiveAccess Live { get; set; } = null!;

    [Inject]
    private CircuitConnection Connection { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    [Inject]
    private ILogger<MatchOverview> Logger { get; set; } = null!;

    protected override void OnInitialized() => Connection.Restored += OnConnectionRestoredAsync;

    protected override async Task OnParametersSetAsync()
    {
        if (_loaded == (ProgrammeId, MatchId))
        {
            return;
        }

        _loaded = (ProgrammeId, MatchId);
        _timelineTake = TimelinePage;
        var user = (await AuthenticationState).User;
        _personId = ProgrammeAccess.PersonId(user);
        _subscription?.Dispose();
        _subscription = await Live.SubscribeAsync(user, ProgrammeId, ProgrammePolicies.Coordinator,
            _ => InvokeAsync(RefreshAsync), LiveExtensions.RefreshInterval);
        if (_disposed)
        {
            // The view closed while its access was checked.
            _subscription?.Dispose();
        }
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            _match = await Matches.GetAsync(ProgrammeId, MatchId);
            _notFound = _match is null;
            if (_match is null)
            {
                return;
            }

            _activity = await Timeline.ReadActivityAsync(ProgrammeId, MatchId);
            _timeline = await Timeline.ReadAsync(ProgrammeId, MatchId, _timelineTake);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The page keeps what it showed; the next event or reconnection reads again.
            MatchesLog.ReadFailed(Logger, exception, ProgrammeId, MatchId);
            Snackbar.Add(L["The latest state of the match could not be read."], Severity.Warning);
        }
    }

    private async Task RefreshAsync()
    {
        await LoadAsync();
        _contactsRevision++;
        StateHasChanged();
    }

    private async Task ShowOlderAsync()
    {
        _timelineTake += TimelinePage;
        _timeline = await Timeline.ReadAsync(ProgrammeId, MatchId, _timelineTake);
    }

    private Task PauseAsync() => ChangeAsync<PauseMatchDialog>(L["Pause the match"], L["The match is paused."]);

    private Task ResumeAsync() =>
        ChangeAsync<ResumeMatchDialog>(L["Resume the match"], L["The match is active again."]);

    private Task CloseAsync() => ChangeAsync<CloseMatchDialog>(L["Close the match"], L["The match is closed."]);

    /// <summary>Shows the dialog for the match; once it has saved, says so and reads the match again.</summary>
    private async Task ChangeAsync<TDialog>(string title, string done)
        where TDialog : MatchDialog
    {
        var parameters = new DialogParameters
        {
            { nameof(MatchDialog.ProgrammeId), ProgrammeId },
            { nameof(MatchDialog.CoordinatorId), _personId ?? "" },
            { nameof(MatchDialog.MatchId), MatchId },
        };
        var dialog = await Dialogs.ShowAsync<TDialog>(
            title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add(done, Severity.Success);
            await LoadAsync();
        }
    }

    private static string DateText(DateOnly? date) =>
        date?.ToString("d MMM yyyy", CultureInfo.CurrentCulture) ?? "";

    private Task OnConnectionRestoredAsync() => InvokeAsync(RefreshAsync);

    public void Dispose()
    {
        _disposed = true;
        Connection.Restored -= OnConnectionRestoredAsync;
        _subscription?.Dispose();
    }
}
