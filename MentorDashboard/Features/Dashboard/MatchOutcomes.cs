namespace MentorDashboard.Features.Dashboard;

/// <summary>The length bands of the match-lengths card, shortest first.</summary>
public enum LengthBand
{
    /// <summary>Less than 3 whole months.</summary>
    UnderThreeMonths,

    /// <summary>3 to 5 whole months.</summary>
    ThreeToSixMonths,

    /// <summary>6 to 11 whole months.</summary>
    SixToTwelveMonths,

    /// <summary>12 to 23 whole months.</summary>
    TwelveToTwentyFourMonths,

    /// <summary>24 whole months or more.</summary>
    TwentyFourMonthsOrMore,
}

/// <summary>How many matches lasted the same number of whole months.</summary>
public sealed record MonthsCount(int Months, int Matches);

public sealed record LengthBandCount(LengthBand Band, int Matches);

/// <summary>How long the programme's matches last: closed ones from start to closure, active ones so far.</summary>
/// <param name="Bands">Closed matches per band, every band shortest first, empty ones with 0.</param>
/// <param name="MedianClosedMonths">Median whole months of the closed matches; null when none has closed.</param>
/// <param name="MedianActiveMonths">Median whole months so far of the active matches; null when none runs.
/// </param>
/// <param name="ReachedBenchmark">Closed matches that lasted <see cref="BenchmarkMonths"/> months or more.
/// </param>
public sealed record MatchLengths(
    IReadOnlyList<LengthBandCount> Bands,
    int ClosedMatches,
    double? MedianClosedMonths,
    int ActiveMatches,
    double? MedianActiveMonths,
    int ReachedBenchmark)
{
    /// <summary>A year together is the common benchmark in mentoring research: matches that last that long
    /// show the clearest benefits.</summary>
    public const int BenchmarkMonths = 12;

    /// <summary>The part of the closed matches that reached the benchmark; null when none has closed.</summary>
    public double? BenchmarkShare => ClosedMatches == 0 ? null : (double)ReachedBenchmark / ClosedMatches;

    /// <summary>The card's figures from the number of matches per length in whole months, in any order.</summary>
    public static MatchLengths Of(IReadOnlyList<MonthsCount> closed, IReadOnlyList<MonthsCount> active) => new(
        Enum.GetValues<LengthBand>()
            .Select(band => new LengthBandCount(band, closed.Where(c => BandOf(c.Months) == band).Sum(c => c.Matches)))
            .ToList(),
        closed.Sum(c => c.Matches),
        MedianOf(closed),
        active.Sum(c => c.Matches),
        MedianOf(active),
        closed.Where(c => c.Months >= BenchmarkMonths).Sum(c => c.Matches));

    public static LengthBand BandOf(int months) => months switch
    {
        < 3 => LengthBand.UnderThreeMonths,
        < 6 => LengthBand.ThreeToSixMonths,
        < 12 => LengthBand.SixToTwelveMonths,
        < 24 => LengthBand.TwelveToTwentyFourMonths,
        _ => LengthBand.TwentyFourMonthsOrMore,
    };

    /// <summary>
    /// Whole months from <paramref name="start"/> to <paramref name="end"/>: the most months that can be added
    /// to the start without passing the end, so 31 January to 28 February is one month.
    /// </summary>
    public static int WholeMonths(DateOnly start, DateOnly end)
    {
        var months = ((end.Year - start.Year) * 12) + end.Month - start.Month;
        return start.AddMonths(months) > end ? months - 1 : months;
    }

    // The middle length, or the mean of the two middle ones, walking the counts rather than one entry per match.
    private static double? MedianOf(IReadOnlyList<MonthsCount> counts)
    {
        var total = counts.Sum(c => c.Matches);
        if (total == 0)
        {
            return null;
        }

        var sorted = counts.Where(c => c.Matches > 0).OrderBy(c => c.Months).ToList();
        return total % 2 == 1
            ? MonthsAt(sorted, total / 2)
            : (MonthsAt(sorted, (total / 2) - 1) + MonthsAt(sorted, total / 2)) / 2.0;
    }

    private static int MonthsAt(List<MonthsCount> sorted, int index)
    {
        foreach (var count in sorted)
        {
            if (index < count.Matches)
            {
                return count.Months;
            }

            index -= count.Matches;
        }

        throw new ArgumentOutOfRangeException(nameof(index), "The index lies beyond the counted matches.");
    }
}

/// <summary>Closed matches that share a closure reason, as labelled when each closed.</summary>
/// <param name="Reason">The label; null for matches closed without a reason.</param>
/// <param name="Share">The part of all matches closed in the period, 0 to 1.</param>
public sealed record ClosureReasonCount(string? Reason, int Matches, double Share);
