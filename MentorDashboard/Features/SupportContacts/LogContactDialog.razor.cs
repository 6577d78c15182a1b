using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace MentorDashboard.Features.SupportContacts;

/// <summary>
/// The dialog a coordinator logs a contact in. It closes with the saved <see cref="SupportContactView"/>; a refused
/// contact keeps the dialog open with the reasons beside the fields.
/// </summary>
public sealed partial class LogContactDialog
{
    private readonly SupportContactInput _input = new();
    private IReadOnlyList<SupportContactError> _errors = [];
    private bool _saving;

    /// <summary>The programme the match belongs to.</summary>
    [Parameter, EditorRequired]
    public int ProgrammeId { get; set; }

    /// <summary>The match the contact was about.</summary>
    [Parameter, EditorRequired]
    public int MatchId { get; set; }

    /// <summary>Who the match is, shown under the title; the dialog reads nothing to show it.</summary>
    [Parameter]
    public string? MatchName { get; set; }

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = null!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private SupportContactService Contacts { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    [Inject]
    private ILogger<LogContactDialog> Logger { get; set; } = null!;

    protected override void OnParametersSet()
    {
        _input.MatchId = MatchId;
        _input.Date ??= Contacts.Today.ToDateTime(TimeOnly.MinValue);
    }

    private bool HasError(string field) => _errors.Any(e => e.Field == field);

    private string? ErrorFor(string field) =>
        _errors.FirstOrDefault(e => e.Field == field) is { } error ? L[error.Message].Value : null;

    private void Cancel() => Dialog.Cancel();

    private async Task SaveAsync()
    {
        if (_saving)
        {
            return;
        }

        _errors = AuthenticationState is null
            ? [new(SupportContactFields.Contact, "Sign in again to log support contacts.")]
            : SupportContactValidation.Validate(_input, Contacts.Today);
        if (_errors.Count > 0)
        {
            return;
        }

        _saving = true;
        try
        {
            var user = (await AuthenticationState!).User;
            var result = await Contacts.LogAsync(user, ProgrammeId, _input);
            _errors = result.Errors;
            if (result.Contact is { } contact)
            {
                Snackbar.Add(L["The support contact is logged."], Severity.Success);
                Dialog.Close(DialogResult.Ok(contact));
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Keep what was typed; the same submission id makes a retry safe.
            SupportContactsLog.SaveFailed(Logger, exception);
            _errors = [new(SupportContactFields.Contact, "The contact could not be saved. Please try again.")];
        }
        finally
        {
            _saving = false;
        }
    }
}
