using System.Globalization;

namespace MentorDashboard.Bench;

/// <summary>How much to fill and how often to measure; the defaults give the figures we quote.</summary>
/// <param name="ClosedMatches">Closed matches imported into the measured programme on top of the sample's.</param>
/// <param name="Import">Measure the roster and contact-log import instead of the dashboard.</param>
/// <param name="Matches">Rows of the roster the import measurement generates.</param>
/// <param name="Contacts">Rows of the contact log the import measurement generates.</param>
internal sealed record BenchOptions(
    int Posts,
    int Warmups,
    int Runs,
    int Saves,
    int ClosedMatches,
    bool Import = false,
    int Matches = 10_000,
    int Contacts = 100_000)
{
    public const string Usage =
        "usage: dotnet run -c Release --project bench/MentorDashboard.Bench -- "
        + "[--posts 100000] [--warmups 3] [--runs 20] [--saves 1000] [--closed-matches N]\n"
        + "       dotnet run -c Release --project bench/MentorDashboard.Bench -- "
        + "--import [--matches 10000] [--contacts 100000]";

    public static BenchOptions Default { get; } =
        new(Posts: 100_000, Warmups: 3, Runs: 20, Saves: 1_000, ClosedMatches: 0);

    /// <summary>Reads <c>--import</c> and <c>--name number</c> pairs; null for an unknown name or a number
    /// below 1.</summary>
    public static BenchOptions? Parse(IReadOnlyList<string> args)
    {
        BenchOptions? options = Default;
        for (var i = 0; i < args.Count && options is not null; i++)
        {
            if (args[i] == "--import")
            {
                options = options with { Import = true };
                continue;
            }

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
                "--matches" => options with { Matches = value },
                "--contacts" => options with { Contacts = value },
                _ => null,
            };
            i++;
        }

        return options;
    }
}
