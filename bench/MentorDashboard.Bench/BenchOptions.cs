using System.Globalization;

namespace MentorDashboard.Bench;

/// <summary>How much to fill and how often to measure; the defaults give the figures we quote.</summary>
/// <param name="ClosedMatches">Closed matches imported into the measured programme on top of the sample's.</param>
internal sealed record BenchOptions(int Posts, int Warmups, int Runs, int Saves, int ClosedMatches)
{
    public const string Usage =
        "usage: dotnet run -c Release --project bench/MentorDashboard.Bench -- "
        + "[--posts 100000] [--warmups 3] [--runs 20] [--saves 1000] [--closed-matches N]";

    public static BenchOptions Default { get; } =
        new(Posts: 100_000, Warmups: 3, Runs: 20, Saves: 1_000, ClosedMatches: 0);

    /// <summary>Reads <c>--name number</c> pairs; null for an unknown name or a number below 1.</summary>
    public static BenchOptions? Parse(IReadOnlyList<string> args)
    {
        BenchOptions? options = Default;
        for (var i = 0; i < args.Count && options is not null; i += 2)
        {
            var number = i + 1 < args.Count ? args[i + 1] : "";
            if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                || value < 1)
            {
                return null;
            }

            options = args[i] switch
            {
                "--posts" => options with { Posts = value },
                "--warmups" => options with { Warmups = value },
                "--runs" => options with { Runs = value },
                "--saves" => options with { Saves = value },
                "--closed-matches" => options with { ClosedMatches = value },
                _ => null,
            };
        }

        return options;
    }
}
