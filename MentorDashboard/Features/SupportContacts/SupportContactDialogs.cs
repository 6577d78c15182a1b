using MudBlazor;

namespace MentorDashboard.Features.SupportContacts;

/// <summary>Opens the log-contact dialog the same way from the contact list and the compliance card.</summary>
public static class SupportContactDialogs
{
    public static DialogOptions Options { get; } = new()
    {
        MaxWidth = MaxWidth.Small,
        FullWidth = true,
        CloseOnEscapeKey = true,
    };

    /// <summary>Shows the dialog for the match; true when a contact was saved.</summary>
    public static async Task<bool> LogContactAsync(
        this IDialogService dialogs, string title, int programmeId, int matchId, string matchName)
    {
        var parameters = new DialogParameters<LogContactDialog>
        {
            { d => d.ProgrammeId, programmeId },
            { d => d.MatchId, matchId },
            { d => d.MatchName, matchName },
        };
        var dialog = await dialogs.ShowAsync<LogContactDialog>(title, parameters, Options);
        return await dialog.Result is { Canceled: false };
    }
}
