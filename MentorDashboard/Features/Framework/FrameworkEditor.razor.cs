using MentorDashboard.Features.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace MentorDashboard.Features.Framework;

/// <summary>The network admin's editor of the network framework: items, versions, import and export.</summary>
public sealed partial class FrameworkEditor
{
    private int? _networkId;
    private string? _personId;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = null!;

    [Inject]
    private ProgrammeAccess Access { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        _personId = ProgrammeAccess.PersonId(user);
        _networkId = await Access.AdminNetworkIdAsync(user);
    }
}
