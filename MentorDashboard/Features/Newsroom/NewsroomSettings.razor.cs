using MentorDashboard.Features.Accounts;
using MentorDashboard.Features.PublicNewsroom;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace MentorDashboard.Features.Newsroom;

/// <summary>
/// A coordinator's settings of the newsroom: private or public, moderated or not, and how each mentee may appear
/// in public.
/// </summary>
public sealed partial class NewsroomSettings
{
    private bool _isPublic;
    private bool _requiresModeration;
    private List<MenteeRow>? _rows;
    private string? _search;

    [Parameter]
    public int ProgrammeId { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = null!;

    [Inject]
    private NewsroomSettingsService Settings { get; set; } = null!;

    [Inject]
    private TimeProvider Time { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    private DateTime Today => Time.Today().ToDateTime(TimeOnly.MinValue);

    private string PublicAddress => PublicNewsroomAddresses.Feed(ProgrammeId);

    protected override async Task OnParametersSetAsync()
    {
        var visibility = await Settings.GetAsync(ProgrammeId);
        _isPublic = visibility.IsPublic;
        _requiresModeration = visibility.RequiresModeration;
        _rows = (await Settings.ListMenteesAsync(ProgrammeId)).Select(m => new MenteeRow(m)).ToList();
    }

    private async Task<string?> CoordinatorIdAsync() => ProgrammeAccess.PersonId((await AuthenticationState).User);

    private async Task SaveSettingsAsync()
    {
        if (await CoordinatorIdAsync() is not { } coordinatorId)
        {
            return;
        }

        await Settings.SaveAsync(ProgrammeId, new NewsroomVisibility(_isPublic, _requiresModeration), coordinatorId);
        Snackbar.Add(L["The newsroom settings are saved."], Severity.Success);
    }

    private async Task SaveMenteeAsync(MenteeRow row)
    {
        if (await CoordinatorIdAsync() is not { } coordinatorId)
        {
            return;
        }

        row.Error = await Settings.SaveMenteeAsync(ProgrammeId, row.Input, coordinatorId);
        if (row.Error is null)
        {
            Snackbar.Add(L["Saved for {0}.", row.Name], Severity.Success);
        }
    }

    private Task WithdrawConsentAsync(MenteeRow row)
    {
        row.Input.GuardianConsentOn = null;
        return SaveMenteeAsync(row);
    }

    private bool MatchesSearch(MenteeRow row) =>
        string.IsNullOrWhiteSpace(_search)
        || row.Name.Contains(_search.Trim(), StringComparison.CurrentCultureIgnoreCase)
        || (row.Input.Nickname?.Contains(_search.Trim(), StringComparison.CurrentCultureIgnoreCase) ?? false);

    private sealed class MenteeRow(MenteeSafeguarding mentee)
    {
        public string Name { get; } = mentee.Name;

        public MenteeSafeguardingInput Input { get; } = new()
        {
            PersonId = mentee.PersonId,
            Nickname = mentee.Nickname,
            IsMinor = mentee.IsMinor,
            GuardianConsentOn = mentee.GuardianConsentOn?.ToDateTime(TimeOnly.MinValue),
        };

        public string? Error { get; set; }
    }
}
