using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace MentorDashboard.Features.PublicNewsroom;

/// <summary>
/// A programme's public newsroom, for readers without an account. Rendered statically, with no circuit: an
/// anonymous reader costs the server one request per page, and nothing here needs to update live.
/// </summary>
public sealed partial class PublicFeed
{
    private PublicNewsroomPage? _page;

    [Parameter]
    public int ProgrammeId { get; set; }

    // Read as text: a link with a mangled page number shows the first page rather than an error.
    [SupplyParameterFromQuery(Name = "page")]
    private string? PageNumber { get; set; }

    [SupplyParameterFromQuery(Name = "reported")]
    private bool Reported { get; set; }

    [Inject]
    private PublicNewsroomService News { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        var page = int.TryParse(PageNumber, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : 1;
        _page = await News.GetPageAsync(ProgrammeId, page);

        // A private newsroom answers exactly like a programme that does not exist, so its existence stays private.
        if (_page is null)
        {
            Navigation.NotFound();
        }
    }

    private static string MonthOf(PublicPostView post) =>
        new DateOnly(post.Year, post.Month, 1).ToString("Y", CultureInfo.CurrentCulture);

    private string PageAddress(int page) => $"{PublicNewsroomAddresses.Feed(ProgrammeId)}?page={page}";

    private string ReportAddress(PublicPostView post) => PublicNewsroomAddresses.Report(ProgrammeId, post.Id);
}
