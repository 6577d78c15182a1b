using System.Globalization;
using MentorDashboard.Components.Controls;
using Microsoft.AspNetCore.Components;

namespace MentorDashboard.Features.Dashboard.Cards;

public sealed partial class MatchLengthsCard
{
    private IReadOnlyList<string> _categories = [];
    private IReadOnlyList<ChartSeries> _series = [];
    private string _ariaLabel = "";

    /// <summary>The programme's match lengths, read with the other cards.</summary>
    [Parameter, EditorRequired]
    public MatchLengths Lengths { get; set; } = null!;

    protected override void OnParametersSet()
    {
        _categories = Lengths.Bands.Select(b => LabelOf(b.Band)).ToList();
        _series = [new ChartSeries(L["Closed matches"], Lengths.Bands.Select(b => (double)b.Matches).ToList())];
        _ariaLabel = L[
            "Closed matches by length: {0}",
            string.Join(", ", Lengths.Bands.Select(b => $"{LabelOf(b.Band)} {b.Matches}"))];
    }

    private string LabelOf(LengthBand band) => band switch
    {
        LengthBand.UnderThreeMonths => L["under 3 months"],
        LengthBand.ThreeToSixMonths => L["3–6 months"],
        LengthBand.SixToTwelveMonths => L["6–12 months"],
        LengthBand.TwelveToTwentyFourMonths => L["12–24 months"],
        _ => L["24 months or more"],
    };

    private static string MonthsText(double? months) =>
        months?.ToString("0.#", CultureInfo.CurrentCulture) ?? "–";
}
