using MudBlazor;

namespace MentorDashboard.Components.Layout;

internal static class AppTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#2e6b5e",
            Secondary = "#c8553d",
            AppbarBackground = "#2e6b5e",
        },
    };
}
