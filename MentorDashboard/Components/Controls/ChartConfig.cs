namespace MentorDashboard.Components.Controls;

/// <summary>
/// The plain values an <see cref="ApexChart"/> sends to ApexChart.razor.js, which builds the
/// ApexCharts options from them. The lists are copies, so a caller that changes its own list and
/// renders again is seen as a change.
/// </summary>
internal sealed record ChartConfig(
    string Type,
    int Height,
    IReadOnlyList<string>? Colors,
    IReadOnlyList<string> Categories,
    IReadOnlyList<ChartSeries> Series,
    bool Sparkline = false)
{
    public static ChartConfig From(
        ChartKind type,
        int height,
        IReadOnlyList<string>? colors,
        IReadOnlyList<string> categories,
        IReadOnlyList<ChartSeries> series,
        bool sparkline = false) =>
        new(
            TypeName(type),
            height,
            colors?.ToArray(),
            categories.Select(AsText).ToArray(),
            series.Select(s => s with { Name = AsText(s.Name), Data = s.Data.ToArray() }).ToArray(),
            sparkline);

    /// <summary>
    /// ApexCharts writes legend and tooltip labels as HTML, and labels are framework items an admin typed (or a
    /// framework file brought in). Angle brackets become look-alike quotation marks, so no label can become an
    /// element; entities stay harmless, as they decode to text.
    /// </summary>
    internal static string AsText(string label) => label.Replace('<', '‹').Replace('>', '›');

    /// <summary>Same type, height, colours and frame: one chart can show both by changing its data.</summary>
    public bool HasSameSetup(ChartConfig other) =>
        Type == other.Type
        && Height == other.Height
        && Sparkline == other.Sparkline
        && (Colors ?? []).SequenceEqual(other.Colors ?? []);

    public bool HasSameData(ChartConfig other) =>
        Categories.SequenceEqual(other.Categories) && Series.SequenceEqual(other.Series);

    private static string TypeName(ChartKind type) => type switch
    {
        ChartKind.Column => "column",
        ChartKind.Bar => "bar",
        ChartKind.Donut => "donut",
        ChartKind.Line => "line",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a chart type."),
    };
}
