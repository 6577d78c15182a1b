namespace MentorDashboard.Features.Demo;

/// <summary>The few draws the demo needs beyond <see cref="Random"/>'s own.</summary>
internal static class DemoRandom
{
    public static T Pick<T>(this Random random, IReadOnlyList<T> items) =>
        items[random.Next(items.Count)];

    public static T PickWeighted<T>(this Random random, IReadOnlyList<(T Value, int Weight)> items)
    {
        var roll = random.Next(items.Sum(item => item.Weight));
        foreach (var (value, weight) in items)
        {
            if (roll < weight)
            {
                return value;
            }

            roll -= weight;
        }

        throw new InvalidOperationException("Weights must be positive.");
    }

    /// <summary>A standard normal draw (Box–Muller), for log-normal match lengths.</summary>
    public static double NextGaussian(this Random random)
    {
        // 1 - NextDouble() lies in (0, 1], so the logarithm is finite.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A Guid from the seeded generator, so the same seed gives the same ids.</summary>
    public static Guid NextGuid(this Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    public static string NextGuidString(this Random random) => random.NextGuid().ToString();
}
