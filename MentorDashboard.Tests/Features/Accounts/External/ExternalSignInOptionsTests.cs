using MentorDashboard.Features.Accounts.External;
using MentorDashboard.Tests.Support;
using Microsoft.Extensions.Options;

namespace MentorDashboard.Tests.Features.Accounts.External;

public sealed class ExternalSignInOptionsTests
{
    private const string Key = "Authentication:OpenIdConnect:Providers:0";

    [Fact]
    public void No_providers_and_a_complete_provider_are_valid()
    {
        Assert.True(Validate().Succeeded);
        Assert.True(Validate(Contoso()).Succeeded);
        Assert.True(Validate(Contoso(authority: "http://127.0.0.1:5001", requireHttps: false)).Succeeded);
    }

    [Fact]
    public void Each_wrong_setting_is_named_by_its_key()
    {
        var provider = new OpenIdConnectProvider { Scheme = "Contoso Staff", Authority = "login.example.org" };

        var failures = Validate(provider).Failures!.ToList();

        Assert.Contains(failures, f => f.StartsWith($"'{Key}:Scheme'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith($"'{Key}:DisplayName'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith($"'{Key}:NetworkId'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith($"'{Key}:ClientId'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith($"'{Key}:Authority'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://login.example.org", true, "Authority")]
    [InlineData("http://login.example.org", false, "RequireHttpsMetadata")]
    [InlineData("https://login.example.org", false, "RequireHttpsMetadata")]
    public void Metadata_over_http_is_allowed_only_from_this_machine(
        string authority, bool requireHttps, string wrongKey)
    {
        var failure = Assert.Single(Validate(Contoso(authority, requireHttps)).Failures!);

        Assert.StartsWith($"'{Key}:{wrongKey}'", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scheme_used_twice_is_refused()
    {
        var failure = Assert.Single(Validate(Contoso(), Contoso()).Failures!);

        Assert.Contains("'contoso' more than once", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task App_with_a_wrong_provider_setting_stops_at_start_naming_the_key()
    {
        await using var factory = await AppFactory.CreateAsync();
        var app = factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting($"{Key}:Scheme", "contoso");
            builder.UseSetting($"{Key}:DisplayName", "Contoso staff");
            builder.UseSetting($"{Key}:NetworkId", "1");
            builder.UseSetting($"{Key}:Authority", "https://login.example.org");
            builder.UseSetting($"{Key}:ClientId", "mentordashboard");
        });

        var error = Assert.Throws<OptionsValidationException>(() => app.Services);

        Assert.Contains($"'{Key}:ClientSecret'", error.Message, StringComparison.Ordinal);
    }

    private static ValidateOptionsResult Validate(params OpenIdConnectProvider[] providers) =>
        new ExternalSignInOptionsValidator().Validate(null, new ExternalSignInOptions { Providers = [.. providers] });

    private static OpenIdConnectProvider Contoso(
        string authority = "https://login.contoso.test", bool requireHttps = true) => new()
    {
        Scheme = "contoso",
        DisplayName = "Contoso staff",
        NetworkId = 1,
        Authority = authority,
        ClientId = "mentordashboard",
        ClientSecret = "a-secret",
        RequireHttpsMetadata = requireHttps,
    };
}
