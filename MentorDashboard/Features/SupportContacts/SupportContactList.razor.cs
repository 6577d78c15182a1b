using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace MentorDashboard.Features.SupportContacts;

/// <summary>
/// Lists one match's support contacts and logs new ones. It asks the service with the viewer's identity, so
/// embedded anywhere it still shows notes to the programme's coordinators only.
/// </summary>
public sealed partial class SupportContactList
{
    private MatchContacts? _match;
    private bool _loading = true;
    private bool _dialogOpen;
    private int? _shownMatchId;

    /// <summary>The programme the match belongs to.</summary>
    [Parameter, EditorRequired]
    public int ProgrammeId { get; set; }

    /// <summary>The match whose contacts to list.</summary>
    [Parameter, EditorRequired]
    public int MatchId { get; set; }

    /// <summary>Name the mentor and mentee under the heading, where the page around says nothing of them.</summary>
    [Parameter]
    public bool ShowMatchName { get; set; }

    /// <summary>
    /// Changed by the page around on each programme event, so the list reads contacts logged elsewhere.
    /// </summary>
    [Parameter]
    public int Revision { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private SupportContactService Contacts { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        // The audit log records opening a match's notes, not each live refresh of a list already open.
        var recordView = _shownMatchId != MatchId;
        _match = AuthenticationState is null
            ? null
            : await Contacts.ListForMatchAsync(
                (await AuthenticationState).User, ProgrammeId, MatchId, recordView: recordView);
        _shownMatchId = _match is null ? null : MatchId;
        _loading = false;
    }

    private async Task LogContactAsync()
    {
        // A double tap must not stack two dialogs that would each save the contact.
        if (_match is null || _dialogOpen)
        {
            return;
        }

        _dialogOpen = true;
        try
        {
            var matchName = $"{_match.MentorName} · {_match.MenteeName}";
            if (await Dialogs.LogContactAsync(L["Log a support contact"], ProgrammeId, MatchId, matchName))
            {
                await LoadAsync();
            }
        }
        finally
        {
            _dialogOpen = false;
        }
    }
}
