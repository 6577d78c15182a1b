using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using MudBlazor.Services;

namespace MentorDashboard.Tests.Support;

/// <summary>
/// Base for component tests: loose JS interop, MudBlazor without transitions, English localisation and a generous
/// wait timeout. xunit v3 disposes it asynchronously, which MudBlazor's async-only services need.
/// </summary>
public abstract class MudTestContext : BunitContext
{
    protected MudTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
            options.PopoverOptions.CheckForPopoverProvider = false;
        });
        Services.AddLocalization();
        Services.AddSingleton(TimeProvider.System);
    }

    protected static TimeSpan WaitTimeout { get; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Tells components whether they run over a live circuit (<c>RendererInfo.IsInteractive</c>). Call it after
    /// the test has added its services: it builds the service provider.
    /// </summary>
    protected void RenderAs(bool interactive) =>
        Renderer.SetRendererInfo(new RendererInfo(interactive ? "Server" : "Static", interactive));

    /// <summary>Renders the popover provider that MudBlazor's selects and menus draw into.</summary>
    protected IRenderedComponent<MudPopoverProvider> RenderPopoverProvider() => Render<MudPopoverProvider>();
}
