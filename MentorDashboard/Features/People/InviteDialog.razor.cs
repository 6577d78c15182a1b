using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace MentorDashboard.Features.People;

/// <summary>
/// The dialog a coordinator invites someone in. It checks the input itself for quick feedback, then the service
/// checks it again with the programme's people; it closes once the e-mail is sent.
/// </summary>
public sealed partial class InviteDialog
{
    private readonly InvitationInput _input = new();
    private IReadOnlyList<PeopleError> _errors = [];
    private bool _sending;

    /// <summary>The programme to invite into.</summary>
    [Parameter, EditorRequired]
    public int ProgrammeId { get; set; }

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = null!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private InvitationService Invitations { get; set; } = null!;

    [Inject]
    private IOptions<InvitationOptions> Options { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private ILogger<InviteDialog> Logger { get; set; } = null!;

    private int ValidDays => Options.Value.ValidDays;

    private string? ErrorFor(string field) =>
        _errors.FirstOrDefault(e => e.Field == field) is { } error ? L[error.Message].Value : null;

    private void Cancel() => Dialog.Cancel();

    private async Task SendAsync()
    {
        if (_sending)
        {
            return;
        }

        _errors = InvitationService.Validate(_input);
        if (_errors.Count > 0 || AuthenticationState is null)
        {
            return;
        }

        _sending = true;
        try
        {
            var user = (await AuthenticationState).User;
            var result = await Invitations.InviteAsync(user, ProgrammeId, _input, new Uri(Navigation.BaseUri));
            _errors = result.Errors;
            if (result.Succeeded)
            {
                Dialog.Close(DialogResult.Ok(_input.Email.Trim()));
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            PeopleLog.ChangeFailed(Logger, exception, ProgrammeId);
            _errors = [new(PeopleFields.Change, "The invitation could not be sent. Please try again.")];
        }
        finally
        {
            _sending = false;
        }
    }
}
