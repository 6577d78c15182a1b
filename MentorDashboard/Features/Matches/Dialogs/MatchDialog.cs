using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace MentorDashboard.Features.Matches.Dialogs;

/// <summary>
/// What the dialogs that change a match share: they save through <see cref="MatchService"/> themselves, show
/// its errors at their inputs, keep what was typed, and close with the match's id once it is saved.
/// </summary>
public abstract class MatchDialog : ComponentBase
{
    /// <summary>The programme whose match is created or changed.</summary>
    [Parameter, EditorRequired]
    public int ProgrammeId { get; set; }

    /// <summary>The match to change; none when the dialog creates one.</summary>
    [Parameter]
    public int MatchId { get; set; }

    /// <summary>The coordinator making the change, recorded with it.</summary>
    [Parameter, EditorRequired]
    public string CoordinatorId { get; set; } = "";

    protected IReadOnlyList<MatchError> Errors { get; private set; } = [];

    protected bool Saving { get; private set; }

    [Inject]
    protected MatchService Matches { get; set; } = null!;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = null!;

    [Inject]
    private ILogger<MatchDialog> Logger { get; set; } = null!;

    /// <summary>Sends the dialog's input to the service.</summary>
    protected abstract Task<MatchResult> SaveAsync();

    protected async Task SubmitAsync()
    {
        if (Saving)
        {
            return;
        }

        Saving = true;
        try
        {
            var result = await SaveAsync();
            Errors = result.Errors;
            if (result.Saved)
            {
                Dialog.Close(DialogResult.Ok(result.MatchId));
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            MatchesLog.SaveFailed(Logger, exception, ProgrammeId);
            Errors = [new(MatchFields.Match, "The change could not be saved. Please try again.")];
        }
        finally
        {
            Saving = false;
        }
    }

    protected void Cancel() => Dialog.Cancel();
}
