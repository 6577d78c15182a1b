using Microsoft.Extensions.Options;

namespace MentorDashboard.Features.Security;

/// <summary>Limits on Blazor's live connections (circuits), from the <c>Circuits</c> section.</summary>
public sealed class CircuitLimitOptions
{
    public const string Section = "Circuits";

    /// <summary>Open circuits (browser tabs) one signed-in person may have; a new one over it is refused.</summary>
    public int MaxPerPerson { get; set; } = 20;

    /// <summary>
    /// The largest message a browser may send over the circuit. 64 KB is ample for events and form input; file
    /// uploads stream in chunks that Blazor sizes below this limit.
    /// </summary>
    public long MaximumReceiveMessageSize { get; set; } = 64 * 1024;

    /// <summary>Circuits whose browser went away, kept in memory so a phone that comes back can carry on.</summary>
    public int DisconnectedCircuitMaxRetained { get; set; } = 100;

    /// <summary>How long such a circuit is kept.</summary>
    public TimeSpan DisconnectedCircuitRetentionPeriod { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>How long the server waits for a browser to answer a JavaScript call.</summary>
    public TimeSpan JSInteropDefaultCallTimeout { get; set; } = TimeSpan.FromMinutes(1);
}

internal sealed class CircuitLimitOptionsValidator : IValidateOptions<CircuitLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, CircuitLimitOptions options)
    {
        var failures = new List<string>();
        if (options.MaxPerPerson is < 1 or > 1000)
        {
            failures.Add($"'{CircuitLimitOptions.Section}:MaxPerPerson' must be between 1 and 1000.");
        }

        if (options.MaximumReceiveMessageSize is < 32 * 1024 or > 1024 * 1024)
        {
            failures.Add($"'{CircuitLimitOptions.Section}:MaximumReceiveMessageSize' must be between 32768 and "
                + "1048576 bytes.");
        }

        if (options.DisconnectedCircuitMaxRetained is < 0 or > 100_000)
        {
            failures.Add($"'{CircuitLimitOptions.Section}:DisconnectedCircuitMaxRetained' must be between 0 and "
                + "100000.");
        }

        if (options.DisconnectedCircuitRetentionPeriod < TimeSpan.Zero
            || options.DisconnectedCircuitRetentionPeriod > TimeSpan.FromHours(1))
        {
            failures.Add($"'{CircuitLimitOptions.Section}:DisconnectedCircuitRetentionPeriod' must be between "
                + "00:00:00 and 01:00:00.");
        }

        if (options.JSInteropDefaultCallTimeout < TimeSpan.FromSeconds(1)
            || options.JSInteropDefaultCallTimeout > TimeSpan.FromMinutes(10))
        {
            failures.Add($"'{CircuitLimitOptions.Section}:JSInteropDefaultCallTimeout' must be between 00:00:01 "
                + "and 00:10:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
