using MentorDashboard.Data;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace MentorDashboard.Features.Framework;

/// <summary>A programme's adaptation: its framework version, hidden network items and local items.</summary>
public sealed partial class ProgrammeAdaptation
{
    private static readonly (FrameworkItemKind Kind, string Title, string KeyPart)[] Sections =
    [
        (FrameworkItemKind.Topic, "Topics", "topic."),
        (FrameworkItemKind.ActivityType, "Activity types", "activity."),
    ];

    private Adaptation? _adaptation;
    private IReadOnlyList<FrameworkVersionSummary> _versions = [];

    [Parameter]
    public int ProgrammeId { get; set; }

    [Inject]
    private AdaptationService Adaptations { get; set; } = null!;

    [Inject]
    private FrameworkVersionService Versions { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    protected override async Task OnParametersSetAsync()
    {
        _adaptation = await Adaptations.GetAsync(ProgrammeId);
        _versions = await Versions.ListAsync(_adaptation.NetworkId);
    }

    private async Task SetOfferedAsync(AdaptedItem item, bool offered)
    {
        var errors = await Adaptations.SetHiddenAsync(ProgrammeId, item.Key, hidden: !offered);
        foreach (var error in errors)
        {
            Snackbar.Add(L[error.Message, error.Arguments], Severity.Error);
        }

        _adaptation = await Adaptations.GetAsync(ProgrammeId);
    }

    private async Task PinAsync(int? versionId)
    {
        await Adaptations.PinVersionAsync(ProgrammeId, versionId);
        _adaptation = await Adaptations.GetAsync(ProgrammeId);
    }
}
