using System.Globalization;
using System.Security.Claims;
using MentorDashboard.Features.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace MentorDashboard.Features.People;

/// <summary>
/// A programme's people: members a page at a time, searchable, and the invitations still open. Coordinators
/// invite, resend, revoke and remove roles; the network admin also disables and enables people.
/// </summary>
public sealed partial class PeoplePage
{
    private const int PageSize = 25;

    private static readonly int[] PageSizes = [PageSize, 50, 100];

    private MudTable<MemberRow>? _table;
    private ProgrammeAccessRights? _access;
    private string? _personId;
    private string? _search;
    private IReadOnlyList<PendingInvitation>? _invitations;
    private int _loadedProgrammeId;
    private bool _busy;

    /// <summary>The programme whose people these are.</summary>
    [Parameter]
    public int ProgrammeId { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = null!;

    [Inject]
    private PeopleService People { get; set; } = null!;

    [Inject]
    private InvitationService Invitations { get; set; } = null!;

    [Inject]
    private ProgrammeAccess Access { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private ILogger<PeoplePage> Logger { get; set; } = null!;

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedProgrammeId == ProgrammeId)
        {
            return;
        }

        _loadedProgrammeId = ProgrammeId;
        var user = await UserAsync();
        _personId = ProgrammeAccess.PersonId(user);
        _access = await Access.GetAsync(user, ProgrammeId);
        _invitations = await Invitations.ListPendingAsync(user, ProgrammeId) ?? [];
    }

    private async Task<ClaimsPrincipal> UserAsync() => (await AuthenticationState).User;

    private async Task<TableData<MemberRow>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var page = await People.ListMembersAsync(
            await UserAsync(), ProgrammeId, new MemberQuery(_search, state.Page, state.PageSize), cancellationToken);
        return new TableData<MemberRow> { Items = page?.Rows ?? [], TotalItems = page?.Total ?? 0 };
    }

    private async Task SearchAsync(string? search)
    {
        _search = search;
        _table?.NavigateTo(0);
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        if (_table is not null)
        {
            await _table.ReloadServerData();
        }

        _invitations = await Invitations.ListPendingAsync(await UserAsync(), ProgrammeId) ?? [];
    }

    private async Task InviteAsync()
    {
        var parameters = new DialogParameters<InviteDialog> { { d => d.ProgrammeId, ProgrammeId } };
        var dialog = await Dialogs.ShowAsync<InviteDialog>(
            L["Invite someone"], parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: string email })
        {
            Snackbar.Add(L["The invitation to {0} is sent.", email], Severity.Success);
            await ReloadAsync();
        }
    }

    private async Task RemoveRoleAsync(MemberRow member)
    {
        var role = L[PeopleLabels.Of(member.Role)].Value.ToLower(CultureInfo.CurrentCulture);
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            L["Remove {0}'s role?", member.Name],
            L["{0} will no longer be {1} in this programme. Their open pages close within a minute; their posts "
                + "and matches stay.", member.Name, role],
            yesText: L["Remove role"],
            cancelText: L["Cancel"]);
        if (confirmed == true)
        {
            await RunAsync(async user => await People.RemoveRoleAsync(user, ProgrammeId, member.MembershipId),
                L["The role is removed."]);
        }
    }

    private async Task SetDisabledAsync(MemberRow member, bool disabled)
    {
        if (disabled)
        {
            var confirmed = await Dialogs.ShowMessageBoxAsync(
                L["Disable {0}?", member.Name],
                L["{0} can no longer use MentorDashboard in any programme, and their open pages close within a "
                    + "minute. You can enable them again.", member.Name],
                yesText: L["Disable"],
                cancelText: L["Cancel"]);
            if (confirmed != true)
            {
                return;
            }
        }

        await RunAsync(async user => await People.SetDisabledAsync(user, ProgrammeId, member.PersonId, disabled),
            disabled ? L["The person is disabled."] : L["The person is enabled again."]);
    }

    private Task ResendAsync(PendingInvitation invitation) =>
        RunAsync(async user => await Invitations.ResendAsync(
                user, ProgrammeId, invitation.Id, new Uri(Navigation.BaseUri)),
            L["The invitation to {0} is sent again.", invitation.Email]);

    private async Task RevokeAsync(PendingInvitation invitation)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            L["Revoke the invitation to {0}?", invitation.Email],
            L["The link in the e-mail stops working."],
            yesText: L["Revoke"],
            cancelText: L["Cancel"]);
        if (confirmed == true)
        {
            await RunAsync(async user => await Invitations.RevokeAsync(user, ProgrammeId, invitation.Id),
                L["The invitation is revoked."]);
        }
    }

    // Runs one change, says how it went in a snackbar and reads the lists again; a double click runs it once.
    private async Task RunAsync(Func<ClaimsPrincipal, Task<PeopleResult>> change, string done)
    {
        if (_busy)
        {
            return;
        }

        _busy = true;
        try
        {
            var result = await change(await UserAsync());
            if (result.Succeeded)
            {
                Snackbar.Add(done, Severity.Success);
            }
            else
            {
                foreach (var error in result.Errors)
                {
                    Snackbar.Add(L[error.Message], Severity.Warning);
                }
            }

            await ReloadAsync();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            PeopleLog.ChangeFailed(Logger, exception, ProgrammeId);
            Snackbar.Add(L["The change could not be saved. Please try again."], Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }

    private static string DateText(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("d MMM yyyy", CultureInfo.CurrentCulture);
}
