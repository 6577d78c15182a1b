using System.Globalization;
using MentorDashboard.Features.Health;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace MentorDashboard.Features.Dashboard.Cards;

/// <summary>
/// The flagged matches with their status, reasons and days since the last meeting. A coordinator acknowledges a
/// flag to say they are on it: the row goes at once, and the dashboard's next read leaves it out until something
/// new happens for the match.
/// </summary>
public sealed partial class NeedAttentionCard
{
    private const string Explanation =
        "Flagged by the programme's health rules. An acknowledged flag stays hidden until something new happens.";

    private IReadOnlyList<MatchNeedingAttention> _shown = [];
    private IReadOnlyList<MatchNeedingAttention>? _lastMatches;
    private readonly HashSet<int> _acknowledged = [];
    private bool _busy;

    /// <summary>The flagged matches, most serious first.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<MatchNeedingAttention> Matches { get; set; } = [];

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private HealthService Health { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    [Inject]
    private ILogger<NeedAttentionCard> Logger { get; set; } = null!;

    public static string LabelOf(HealthStatus status) => status switch
    {
        HealthStatus.AtRisk => "At risk",
        HealthStatus.NeedsCheckIn => "Needs check-in",
        _ => "On track",
    };

    public static Color ColorOf(HealthStatus status) => status switch
    {
        HealthStatus.AtRisk => Color.Error,
        HealthStatus.NeedsCheckIn => Color.Warning,
        _ => Color.Success,
    };

    protected override void OnParametersSet()
    {
        // A fresh read already leaves acknowledged flags out; what this card hid itself is forgotten.
        if (!ReferenceEquals(_lastMatches, Matches))
        {
            _lastMatches = Matches;
            _acknowledged.Clear();
        }

        Show();
    }

    private void Show() => _shown = Matches.Where(m => !_acknowledged.Contains(m.MatchId)).ToList();

    private string TextOf(HealthReason reason) => L[reason.Text, [.. reason.Arguments]];

    private string LastMeetingOf(MatchNeedingAttention match) =>
        match.LastMeeting is { } date
            ? L["last met {0}", date.ToString("d MMM", CultureInfo.CurrentCulture)]
            : L["never met"];

    private async Task AcknowledgeAsync(MatchNeedingAttention match)
    {
        _busy = true;
        try
        {
            var user = AuthenticationState is null ? null : (await AuthenticationState).User;
            var saved = user is not null
                && await Health.AcknowledgeAsync(user, match.ProgrammeId, match.MatchId, match.Status);
            if (saved)
            {
                _acknowledged.Add(match.MatchId);
                Show();
                Snackbar.Add(L["Acknowledged. The flag comes back when something new happens."], Severity.Success);
            }
            else
            {
                Snackbar.Add(L["You can no longer follow up matches in this programme."], Severity.Warning);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            DashboardLog.AcknowledgeFailed(Logger, exception, match.ProgrammeId, match.MatchId);
            Snackbar.Add(L["The acknowledgement could not be saved. Please try again."], Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }
}
