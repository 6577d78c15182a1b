using MentorDashboard.Data;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace MentorDashboard.Features.Matches;

/// <summary>How the matches pages show statuses, lengths and refused changes.</summary>
public static class MatchDisplay
{
    /// <summary>The localisation key of the status's name.</summary>
    public static string LabelOf(MatchStatus status) => status switch
    {
        MatchStatus.Active => "Active",
        MatchStatus.Paused => "Paused",
        _ => "Closed",
    };

    public static Color ColorOf(MatchStatus status) => status switch
    {
        MatchStatus.Active => Color.Success,
        MatchStatus.Paused => Color.Warning,
        _ => Color.Default,
    };

    /// <summary>"12 days" for a young match, "7 months" once it has run for two months.</summary>
    public static string LengthOf(IStringLocalizer localizer, int days) =>
        days < 60 ? localizer["{0} days", days] : localizer["{0} months", (int)(days / (365.25 / 12))];

    /// <summary>The localised text of the first error on the field, or null when it has none.</summary>
    public static string? ErrorFor(this IStringLocalizer localizer, IReadOnlyList<MatchError> errors, string field) =>
        errors.FirstOrDefault(e => e.Field == field) is { } error
            ? localizer[error.Message, error.Argument ?? ""].Value
            : null;
}
