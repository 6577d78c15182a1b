namespace MentorDashboard.Components.Controls;

/// <summary>How an <see cref="ApexChart"/> draws its values.</summary>
public enum ChartKind
{
    /// <summary>Vertical bars, one group per category.</summary>
    Column,

    /// <summary>Horizontal bars, one group per category; suits long labels on a phone.</summary>
    Bar,

    /// <summary>A ring of slices, one per category, from the first series only.</summary>
    Donut,

    /// <summary>One line per series across the categories.</summary>
    Line,
}
