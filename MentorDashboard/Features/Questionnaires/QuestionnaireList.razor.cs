using MentorDashboard.Features.Accounts;
using MentorDashboard.Features.Framework;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace MentorDashboard.Features.Questionnaires;

/// <summary>The network admin's list of the network's questionnaires, with a form to create one.</summary>
public sealed partial class QuestionnaireList
{
    private int? _networkId;
    private IReadOnlyList<QuestionnaireSummary> _questionnaires = [];
    private string? _newKey;
    private string? _newTitle;
    private IReadOnlyList<FrameworkError> _errors = [];

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = null!;

    [Inject]
    private ProgrammeAccess Access { get; set; } = null!;

    [Inject]
    private QuestionnaireEditingService Editing { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    private string KeyHelp => L["Lower case, dotted, never changed once used: {0}…", QuestionnaireRules.KeyPrefix];

    protected override async Task OnInitializedAsync()
    {
        _networkId = await Access.AdminNetworkIdAsync((await AuthenticationState).User);
        if (_networkId is { } networkId)
        {
            _questionnaires = await Editing.ListAsync(networkId);
        }
    }

    private async Task CreateAsync()
    {
        var created = await Editing.CreateAsync(_networkId!.Value, _newKey, _newTitle);
        _errors = created.Errors;
        if (created.Id is { } id)
        {
            Navigation.NavigateTo($"/admin/questionnaires/{id}");
        }
    }
}
