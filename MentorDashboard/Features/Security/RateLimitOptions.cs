using Microsoft.Extensions.Options;

namespace MentorDashboard.Features.Security;

/// <summary>How many requests one client may make in a window before it is told to wait.</summary>
public sealed class WindowLimit
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }
}

/// <summary>
/// The rate limits, from the <c>RateLimits</c> section. Sign-in and the public newsroom count per client address;
/// the API and posting count per signed-in person.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Posts of the sign-in, two-factor, password and invitation forms.</summary>
    public WindowLimit SignIn { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Every request to the public newsroom under <c>/news</c>.</summary>
    public WindowLimit Newsroom { get; set; } = new() { PermitLimit = 60, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Reports of a public post (form posts under <c>/news</c>).</summary>
    public WindowLimit Reports { get; set; } = new() { PermitLimit = 5, Window = TimeSpan.FromMinutes(10) };

    /// <summary>Requests under <c>/api</c>, per person (per address when not signed in).</summary>
    public WindowLimit Api { get; set; } = new() { PermitLimit = 300, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Posts one person saves in the newsroom; they go over the circuit, so this is not per request.</summary>
    public WindowLimit Posting { get; set; } = new() { PermitLimit = 20, Window = TimeSpan.FromMinutes(10) };

    internal IEnumerable<(string Name, WindowLimit Limit)> All =>
    [
        (nameof(SignIn), SignIn), (nameof(Newsroom), Newsroom), (nameof(Reports), Reports), (nameof(Api), Api),
        (nameof(Posting), Posting),
    ];
}

internal sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        var failures = new List<string>();
        foreach (var (limitName, limit) in options.All)
        {
            if (limit.PermitLimit is < 1 or > 1_000_000)
            {
                failures.Add($"'{RateLimitOptions.Section}:{limitName}:PermitLimit' must be between 1 and 1000000.");
            }

            if (limit.Window < TimeSpan.FromSeconds(1) || limit.Window > TimeSpan.FromDays(1))
            {
                failures.Add($"'{RateLimitOptions.Section}:{limitName}:Window' must be between 00:00:01 and "
                    + "1.00:00:00, for example 00:01:00.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
