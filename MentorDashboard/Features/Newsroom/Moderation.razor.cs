using MentorDashboard.Features.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace MentorDashboard.Features.Newsroom;

/// <summary>A coordinator's queue of reported posts and public posts waiting for approval.</summary>
public sealed partial class Moderation
{
    private PostsToModerate? _queue;

    [Parameter]
    public int ProgrammeId { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = null!;

    [Inject]
    private ModerationService Moderator { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    protected override async Task OnParametersSetAsync() => _queue = await Moderator.GetQueueAsync(ProgrammeId);

    private async Task DecideAsync((ModerationItem Item, ModerationDecision Decision) choice)
    {
        var coordinatorId = ProgrammeAccess.PersonId((await AuthenticationState).User);
        if (coordinatorId is null
            || !await Moderator.DecideAsync(ProgrammeId, choice.Item.PostId, choice.Decision, coordinatorId))
        {
            Snackbar.Add(L["That post is not in this programme any more."], Severity.Warning);
        }
        else
        {
            Snackbar.Add(L[MessageOf(choice.Item, choice.Decision)], Severity.Success);
        }

        _queue = await Moderator.GetQueueAsync(ProgrammeId);
    }

    private static string MessageOf(ModerationItem item, ModerationDecision decision) => decision switch
    {
        ModerationDecision.Approve when item.MinorWithoutConsent =>
            "Approved, but the post stays hidden until a guardian's consent for the mentee is recorded.",
        ModerationDecision.Approve => "Approved: the post is in the public newsroom.",
        ModerationDecision.Reject => "Rejected: the post stays out of the public newsroom.",
        _ => "Kept: the reports are resolved.",
    };
}
