using MentorDashboard.Data;
using MentorDashboard.Features.Security;
using MentorDashboard.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MentorDashboard.Tests.Features.Security;

/// <summary>A person over their limit of open tabs gets no new circuit until they close one.</summary>
public sealed class CircuitLimitBrowserTests : IAsyncLifetime
{
    private static readonly ViewportSize Desktop = new() { Width = 1200, Height = 900 };

    private AppFactory _app = null!;
    private Chromium _chromium = null!;
    private Uri _address = null!;
    private Person _coordinator = null!;
    private Person _colleague = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await AppFactory.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["Circuits:MaxPerPerson"] = "1",
        });
        _address = _app.StartKestrelServer();
        _chromium = await Chromium.LaunchAsync();
        var network = await _app.Data.AddNetworkAsync();
        var programme = await _app.Data.AddProgrammeAsync(network.Id, "Harbour Mentors");
        _coordinator = await _app.Accounts.AddAsync("Marta Coordinator", programme.Id, ProgrammeRole.Coordinator);
        _colleague = await _app.Accounts.AddAsync("Jordi Coordinator", programme.Id, ProgrammeRole.Coordinator);
    }

    public async ValueTask DisposeAsync()
    {
        await _chromium.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Tab_over_the_limit_is_refused_and_works_again_once_another_tab_is_closed()
    {
        var first = await _chromium.Browser.SignInAsync(_address, _coordinator, Desktop);
        await first.WaitUntilInteractiveAsync();

        var second = await first.Context.NewPageAsync();
        await second.GotoAsync("/");
        await Expect(second.Locator("#blazor-error-ui")).ToBeVisibleAsync();
        await Expect(second.Locator("#blazor-error-ui")).ToContainTextAsync("close some first");
        await second.SaveScreenshotAsync("circuit-limit-refused.png");
        Assert.Equal("false", await second.Locator("#interactive-marker").GetAttributeAsync("data-interactive"));

        // Another person is not held back by this one's tabs.
        var colleague = await _chromium.Browser.SignInAsync(_address, _colleague, Desktop);
        await colleague.WaitUntilInteractiveAsync();

        // Closing a tab tells the server at once (Blazor sends a disconnect beacon), which ends its circuit.
        await first.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
        await WaitUntilAsync(() => _app.Services.GetRequiredService<OpenCircuits>().CountOf(_coordinator.Id) == 0);
        await second.ReloadAsync();
        await second.WaitUntilInteractiveAsync();
    }

    // Waits for the server's own count, which no page shows; bounded so a leak fails the test.
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(25), timeout.Token);
        }
    }
}
