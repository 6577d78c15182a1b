using System.Net;
using System.Text.RegularExpressions;
using MentorDashboard.Features.Accounts.External;
using MentorDashboard.Tests.Support;

namespace MentorDashboard.Tests.Features.Security;

public sealed partial class SecurityHeadersTests
{
    [Fact]
    public async Task Page_carries_a_policy_that_allows_only_own_scripts_and_the_import_map_nonce()
    {
        await using var app = await AppFactory.CreateAsync();
        using var client = app.CreateBrowserClient();

        using var response = await client.GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("base-uri 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", policy, StringComparison.Ordinal);
        Assert.EndsWith("form-action 'self'", policy, StringComparison.Ordinal);
        var scripts = Assert.Single(
            policy.Split(';', StringSplitOptions.TrimEntries),
            d => d.StartsWith("script-src", StringComparison.Ordinal));
        var nonce = NonceSource().Match(scripts).Groups[1].Value;
        Assert.Equal($"script-src 'self' 'nonce-{nonce}'", scripts);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_response_gets_its_own_nonce()
    {
        await using var app = await AppFactory.CreateAsync();
        using var client = app.CreateBrowserClient();

        using var first = await client.GetAsync("/account/login");
        using var second = await client.GetAsync("/account/login");

        Assert.NotEqual(
            first.Headers.GetValues("Content-Security-Policy").Single(),
            second.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/api/no-such-thing")]
    [InlineData("/no-such-page")]
    [InlineData("/api/programmes/1/posts")]
    [InlineData("/programmes/1/dashboard")]
    public async Task Every_response_forbids_sniffing_framing_and_device_features(string path)
    {
        await using var app = await AppFactory.CreateAsync();
        using var client = app.CreateBrowserClient();

        using var response = await client.GetAsync(path);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("camera=()", response.Headers.GetValues("Permissions-Policy").Single(),
            StringComparison.Ordinal);
        Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
    }

    [Fact]
    public async Task Forms_may_post_to_the_configured_sign_in_providers()
    {
        var settings = new Dictionary<string, string?>();
        string[] authorities =
            ["https://login.harbour-network.test/realms/mentors", "https://idp.riverside.test:8443/"];
        foreach (var (authority, index) in authorities.Select((a, i) => (a, i)))
        {
            var provider = $"{ExternalSignInOptions.Section}:Providers:{index}";
            settings[$"{provider}:Scheme"] = $"provider-{index}";
            settings[$"{provider}:DisplayName"] = $"Provider {index}";
            settings[$"{provider}:NetworkId"] = "1";
            settings[$"{provider}:Authority"] = authority;
            settings[$"{provider}:ClientId"] = "mentordashboard";
            settings[$"{provider}:ClientSecret"] = "made-up-secret";
        }

        await using var app = await AppFactory.CreateAsync(settings: settings);
        using var client = app.CreateBrowserClient();

        using var response = await client.GetAsync("/account/login");

        Assert.EndsWith(
            "form-action 'self' https://login.harbour-network.test https://idp.riverside.test:8443",
            response.Headers.GetValues("Content-Security-Policy").Single(),
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("login.harbour-network.test")]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://files.harbour-network.test")]
    public void Provider_authority_that_is_not_a_web_address_is_refused_naming_the_key(string authority)
    {
        var provider = new OpenIdConnectProvider
        {
            Scheme = "harbour",
            DisplayName = "Harbour staff",
            NetworkId = 1,
            Authority = authority,
            ClientId = "mentordashboard",
            ClientSecret = "made-up-secret",
        };

        var result = new ExternalSignInOptionsValidator()
            .Validate(null, new ExternalSignInOptions { Providers = [provider] });

        Assert.Contains(result.Failures ?? [], f => f.StartsWith(
            "'Authentication:OpenIdConnect:Providers:0:Authority'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Production", true)]
    [InlineData("Development", false)]
    public async Task Strict_transport_security_is_sent_outside_development(string environment, bool expected)
    {
        await using var app = await AppFactory.CreateAsync(environment);
        using var client = app.CreateBrowserClient();

        // Browsers keep HSTS only from https responses, so the app sends it only on them (and never on localhost).
        using var response = await client.GetAsync("https://mentors.harbour-network.test/account/login");

        Assert.Equal(expected, response.Headers.Contains("Strict-Transport-Security"));
    }

    [GeneratedRegex("'nonce-([0-9a-f]{32})'")]
    private static partial Regex NonceSource();
}
