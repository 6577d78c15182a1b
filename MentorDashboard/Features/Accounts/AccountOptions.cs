using Microsoft.Extensions.Options;

namespace MentorDashboard.Features.Accounts;

/// <summary>How long sessions last and how quickly an open circuit notices a change to its person.</summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>A session nobody uses for this long ends; each request within it extends it.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A session ends this long after sign-in however busy it is.</summary>
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// How often an open circuit re-reads its person: a disabled person, a removed role or a changed password ends
    /// it within this time.
    /// </summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Network admins must turn on two-factor sign-in before their admin rights apply.</summary>
    public bool RequireTwoFactorForNetworkAdmins { get; set; } = true;
}

internal sealed class AccountOptionsValidator : IValidateOptions<AccountOptions>
{
    public ValidateOptionsResult Validate(string? name, AccountOptions options)
    {
        var failures = new List<string>();
        if (options.IdleTimeout <= TimeSpan.Zero)
        {
            failures.Add($"'{AccountOptions.Section}:IdleTimeout' must be positive, for example 00:30:00.");
        }

        if (options.AbsoluteLifetime < options.IdleTimeout)
        {
            failures.Add($"'{AccountOptions.Section}:AbsoluteLifetime' must be at least the idle timeout.");
        }

        if (options.RevalidationInterval < TimeSpan.FromSeconds(1)
            || options.RevalidationInterval > TimeSpan.FromMinutes(1))
        {
            failures.Add($"'{AccountOptions.Section}:RevalidationInterval' must be between 00:00:01 and 00:01:00, "
                + "so that a disabled person's open pages stop within a minute.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
