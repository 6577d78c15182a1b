using MentorDashboard.Features.Accounts;
using Microsoft.AspNetCore.Components;

namespace MentorDashboard.Features.PublicNewsroom;

/// <summary>
/// The form to report a post: a plain HTML form that works without a circuit, for anonymous readers of the public
/// newsroom, and for members reporting from their own newsroom.
/// </summary>
public sealed partial class ReportPost
{
    private string? _error;
    private bool _readerIsMember;
    private bool _mayReport;

    [Parameter]
    public int ProgrammeId { get; set; }

    [Parameter]
    public long PostId { get; set; }

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "from")]
    private string? From { get; set; }

    [SupplyParameterFromForm]
    private ReportInput Input { get; set; } = default!;

    [Inject]
    private PublicNewsroomService News { get; set; } = null!;

    [Inject]
    private ProgrammeAccess Access { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    private bool FromNewsroom => _readerIsMember && From == "newsroom";

    private string BackAddress =>
        FromNewsroom ? $"/programmes/{ProgrammeId}/newsroom" : PublicNewsroomAddresses.Feed(ProgrammeId);

    protected override async Task OnInitializedAsync()
    {
        Input ??= new();
        _readerIsMember = (await Access.GetAsync(HttpContext.User, ProgrammeId)).IsMember;

        // A post the reader cannot see is not there for them, whether it is private, hidden or does not exist.
        _mayReport = await News.MayReportAsync(ProgrammeId, PostId, _readerIsMember);
        if (!_mayReport)
        {
            Navigation.NotFound();
        }
    }

    private async Task ReportAsync()
    {
        var result = await News.ReportAsync(
            ProgrammeId, PostId, Input.Reason, ProgrammeAccess.PersonId(HttpContext.User), _readerIsMember);
        if (!result.Saved)
        {
            _error = result.Error;
            return;
        }

        Navigation.NavigateTo($"{BackAddress}?reported=true", forceLoad: true);
    }

    private sealed class ReportInput
    {
        public string Reason { get; set; } = "";
    }
}
