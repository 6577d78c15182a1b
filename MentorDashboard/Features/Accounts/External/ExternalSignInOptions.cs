using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace MentorDashboard.Features.Accounts.External;

/// <summary>The OpenID Connect providers people of a network may sign in with; none by default.</summary>
public sealed class ExternalSignInOptions
{
    public const string Section = "Authentication:OpenIdConnect";

    public List<OpenIdConnectProvider> Providers { get; set; } = [];

    /// <summary>The provider registered under the scheme, or null when none is.</summary>
    public OpenIdConnectProvider? Find(string scheme) =>
        Providers.Find(p => string.Equals(p.Scheme, scheme, StringComparison.Ordinal));
}

/// <summary>One network's sign-in provider (its staff directory, for example), registered as one scheme.</summary>
public sealed class OpenIdConnectProvider
{
    /// <summary>Short lower-case name used in addresses: <c>/signin-oidc-{Scheme}</c>.</summary>
    public string Scheme { get; set; } = "";

    /// <summary>Shown on the sign-in page as "Sign in with {DisplayName}".</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>Only people of this network (or invited to one of its programmes) can sign in this way.</summary>
    public int NetworkId { get; set; }

    public string Authority { get; set; } = "";

    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    /// <summary>False only for a provider on this machine (tests, development).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}

internal sealed partial class ExternalSignInOptionsValidator : IValidateOptions<ExternalSignInOptions>
{
    public ValidateOptionsResult Validate(string? name, ExternalSignInOptions options)
    {
        var failures = new List<string>();
        for (var index = 0; index < options.Providers.Count; index++)
        {
            failures.AddRange(Check(options.Providers[index], $"{ExternalSignInOptions.Section}:Providers:{index}"));
        }

        var duplicates = options.Providers
            .GroupBy(p => p.Scheme, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Key.Length > 0 && g.Count() > 1)
            .Select(g => $"'{ExternalSignInOptions.Section}:Providers' names the scheme '{g.Key}' more than once.");
        failures.AddRange(duplicates);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Whether the scheme can become part of an address and a cookie name.</summary>
    public static bool IsValidScheme(string scheme) => SchemePattern().IsMatch(scheme);

    private static IEnumerable<string> Check(OpenIdConnectProvider provider, string key)
    {
        if (!IsValidScheme(provider.Scheme))
        {
            yield return $"'{key}:Scheme' must be 1 to 40 lower-case letters, digits or dashes, such as \"contoso\".";
        }

        if (string.IsNullOrWhiteSpace(provider.DisplayName))
        {
            yield return $"'{key}:DisplayName' is missing: the sign-in button shows it.";
        }

        if (provider.NetworkId <= 0)
        {
            yield return $"'{key}:NetworkId' must be the id of the network whose people sign in this way.";
        }

        if (string.IsNullOrWhiteSpace(provider.ClientId) || string.IsNullOrWhiteSpace(provider.ClientSecret))
        {
            yield return $"'{key}:ClientId' and '{key}:ClientSecret' are both required.";
        }

        if (!Uri.TryCreate(provider.Authority, UriKind.Absolute, out var authority)
            || authority.Scheme is not ("https" or "http"))
        {
            yield return $"'{key}:Authority' must be the provider's absolute address, "
                + "such as https://login.example.org.";
        }
        else if (authority.Scheme == "http" && provider.RequireHttpsMetadata)
        {
            yield return $"'{key}:Authority' must use https.";
        }
        else if (!provider.RequireHttpsMetadata && !IsLoopback(authority))
        {
            yield return $"'{key}:RequireHttpsMetadata' may be false only for a provider on this machine (tests).";
        }
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address));

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex SchemePattern();
}
