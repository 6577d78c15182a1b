using System.Net;
using MentorDashboard.Data;
using MentorDashboard.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MentorDashboard.Tests.Features.Accounts.External;

/// <summary>
/// An invited mentor signs in with the network's provider in a real browser: the app on a free loopback port,
/// the provider beside it. Requests to any other host (the provider's login page links a web font) are blocked.
/// </summary>
public sealed class ExternalSignInBrowserTests(OidcProvider provider)
    : IClassFixture<OidcProvider>, IAsyncLifetime
{
    private AppFactory _factory = null!;
    private WebApplicationFactory<Program> _app = null!;
    private Chromium _chromium = null!;
    private Programme _programme = null!;
    private Uri _address = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = await AppFactory.CreateAsync();
        var network = await _factory.Data.AddNetworkAsync("Harbour Network");
        _programme = await _factory.Data.AddProgrammeAsync(network.Id, "Harbour Mentors");
        // A factory made by WithWebHostBuilder loses the port given to UseKestrel (it would listen on
        // localhost:5000), so the address goes in as a setting, and the server tells the port it took.
        _app = provider.ConfigureApp(_factory, network.Id, TimeProvider.System)
            .WithWebHostBuilder(builder => builder.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0"));
        _app.UseKestrel();
        _app.StartServer();
        var addresses = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<
            IServerAddressesFeature>();
        _address = new Uri(addresses.Addresses.Single());
        _chromium = await Chromium.LaunchAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _chromium.DisposeAsync();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task Invited_mentor_signs_in_with_the_provider_button_and_sees_their_programme()
    {
        await Invitations.AddAsync(_factory.Database, "selma.brook@harbour.test", _programme.Id, DateTime.UtcNow);
        await using var context = await _chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _address.ToString(),
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        });
        await context.RouteAsync("**/*", route => IsLoopback(route.Request.Url)
            ? route.ContinueAsync()
            : route.AbortAsync());
        var page = await context.NewPageAsync();

        await page.GotoAsync("/account/login");
        await page.SaveScreenshotAsync("external-sign-in-button.png");
        await page.Locator($"#external-{ExternalSignInTests.Scheme}").ClickAsync();
        await page.Locator("input[name='login']").FillAsync("selma.brook@harbour.test");
        await page.Locator("input[name='password']").FillAsync("any");
        await page.Locator("button[type='submit']").ClickAsync();
        await page.Locator("button[type='submit']").ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("My programmes");
        await Expect(page.Locator("h2", new() { HasText = "Harbour Mentors" })).ToBeVisibleAsync();
        Assert.Equal(_address.Authority, new Uri(page.Url).Authority);
    }

    private static bool IsLoopback(string url) =>
        IPAddress.TryParse(new Uri(url).Host, out var ip) && IPAddress.IsLoopback(ip);
}
