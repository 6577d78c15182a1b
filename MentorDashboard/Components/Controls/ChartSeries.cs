namespace MentorDashboard.Components.Controls;

/// <summary>One named row of values for an <see cref="ApexChart"/>, one per category.</summary>
/// <remarks>
/// Two series are equal when their names and values are, so a chart can tell a real change from a
/// new list that holds the same numbers.
/// </remarks>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Data)
{
    public bool Equals(ChartSeries? other) =>
        other is not null && Name == other.Name && Data.SequenceEqual(other.Data);

    public override int GetHashCode() => HashCode.Combine(Name, Data.Count);
}
