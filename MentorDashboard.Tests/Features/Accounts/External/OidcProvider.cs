using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using MentorDashboard.Features.Accounts.External;
using MentorDashboard.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace MentorDashboard.Tests.Features.Accounts.External;

/// <summary>
/// A real OpenID Connect provider (the npm package oidc-provider, see <c>Oidc/provider.mjs</c>) on a free port of
/// 127.0.0.1, shared by the tests of one class; each test signs in with addresses of its own. The Node process is
/// killed when the tests end, and exits by itself if the test run dies first (its standard input closes).
/// </summary>
public sealed class OidcProvider : IAsyncLifetime
{
    public const string ClientId = "mentordashboard";

    public const string ClientSecret = "only-for-tests-on-loopback";

    /// <summary>Another application registered at the same provider; its tokens are not meant for ours.</summary>
    public const string OtherClientId = "other-app";

    public const string OtherClientSecret = "other-app-secret-for-tests";

    /// <summary>Where the other application receives its answers: neither our app nor the provider.</summary>
    public static readonly Uri OtherRedirectUri = new("http://127.0.0.2/other-app/callback");

    private readonly StringBuilder _errors = new();
    private Process? _process;

    public Uri Issuer { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var start = new ProcessStartInfo("node", ["provider.mjs"])
        {
            WorkingDirectory = FixtureFolder(),
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["OIDC_CLIENTS"] = JsonSerializer.Serialize(new object[]
        {
            new
            {
                client_id = ClientId,
                client_secret = ClientSecret,
                // Registered as a native application only because the provider then accepts its callback on
                // any loopback port (RFC 8252), and the browser tests serve the app on a free one. The app still
                // authenticates with its secret.
                application_type = "native",
                redirect_uris = new[]
                {
                    $"http://localhost/signin-oidc-{ExternalSignInTests.Scheme}",
                    $"http://127.0.0.1/signin-oidc-{ExternalSignInTests.Scheme}",
                },
            },
            new
            {
                client_id = OtherClientId,
                client_secret = OtherClientSecret,
                redirect_uris = new[] { OtherRedirectUri.ToString() },
            },
        });
        _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_errors)
            {
                _errors.AppendLine(e.Data);
            }
        };
        _process.BeginErrorReadLine();
        Issuer = await ReadIssuerAsync(_process).WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>
    /// The app configured with this provider as the network's <c>contoso</c> scheme, on the given clock; the
    /// factory disposes it.
    /// </summary>
    public WebApplicationFactory<Program> ConfigureApp(AppFactory factory, int networkId, TimeProvider clock)
    {
        var key = $"{ExternalSignInOptions.Section}:Providers:0";
        return factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting($"{key}:Scheme", ExternalSignInTests.Scheme);
            builder.UseSetting($"{key}:DisplayName", "Contoso staff");
            builder.UseSetting($"{key}:NetworkId", networkId.ToString(CultureInfo.InvariantCulture));
            builder.UseSetting($"{key}:Authority", Issuer.ToString());
            builder.UseSetting($"{key}:ClientId", ClientId);
            builder.UseSetting($"{key}:ClientSecret", ClientSecret);
            builder.UseSetting($"{key}:RequireHttpsMetadata", "false");
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is null)
        {
            return;
        }

        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private async Task<Uri> ReadIssuerAsync(Process process)
    {
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("READY ", StringComparison.Ordinal))
            {
                return new Uri(line["READY ".Length..]);
            }
        }

        await process.WaitForExitAsync();
        lock (_errors)
        {
            throw new InvalidOperationException($"The OpenID Connect provider did not start: {_errors}");
        }
    }

    private static string FixtureFolder() =>
        typeof(OidcProvider).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "OidcProviderFolder").Value!;
}
