using System.Diagnostics;

namespace MentorDashboard.Bench;

/// <summary>
/// Durations of repeated runs in milliseconds. P95 is the nearest-rank 95th percentile: of 20 runs,
/// the 19th fastest; of 1,000, the 950th.
/// </summary>
internal sealed class Timings
{
    private readonly double[] _sorted;

    public Timings(IEnumerable<double> milliseconds)
    {
        _sorted = [.. milliseconds.Order()];
        if (_sorted.Length == 0)
        {
            throw new ArgumentException("At least one duration is needed.", nameof(milliseconds));
        }
    }

    public int Count => _sorted.Length;

    public double Median => Count % 2 == 1
        ? _sorted[Count / 2]
        : (_sorted[(Count / 2) - 1] + _sorted[Count / 2]) / 2;

    public double P95 => _sorted[(int)Math.Ceiling(0.95 * Count) - 1];

    public double Min => _sorted[0];

    public double Max => _sorted[^1];

    /// <summary>
    /// Runs <paramref name="run"/> a few times unmeasured (JIT, EF Core's query cache, SQLite's page
    /// cache), then times each of <paramref name="runs"/> runs.
    /// </summary>
    public static async Task<Timings> MeasureAsync(Func<Task> run, int warmups, int runs)
    {
        for (var i = 0; i < warmups; i++)
        {
            await run();
        }

        var milliseconds = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await run();
            milliseconds.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return new Timings(milliseconds);
    }

    public override string ToString() => FormattableString.Invariant(
        $"median {Median:0.00} ms, p95 {P95:0.00} ms, min {Min:0.00} ms, max {Max:0.00} ms");
}
