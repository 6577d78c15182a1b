using Bunit;
using MentorDashboard.Data;
using MentorDashboard.Features.Matches;
using MentorDashboard.Tests.Features.Matches;

namespace MentorDashboard.Tests.Features.Exports;

/// <summary>The matches list's download menu hands the list's current filters to every link.</summary>
public sealed class DownloadMenuTests : MatchPageContext
{
    [Fact]
    public async Task Links_carry_the_status_and_search_the_list_shows()
    {
        var programmeId = Scenario.Programme.Id;
        var mentor = await Scenario.Data.AddPersonAsync("Núria Puigdomènech", programmeId, ProgrammeRole.Mentor);
        var mentee = await Scenario.Data.AddPersonAsync("Iñaki Ibáñez", programmeId, ProgrammeRole.Mentee);
        await Scenario.Data.AddMatchAsync(programmeId, mentor, mentee, MatchScenario.Start, MatchStatus.Closed);
        var popovers = RenderPopoverProvider();
        var list = Render<MatchList>(p => p.Add(l => l.ProgrammeId, programmeId));

        list.FindAll("#status-filter .mud-toggle-item")[2].Click();
        list.Find("#match-search").Input("Núria");
        list.WaitForAssertion(
            () => Assert.Equal("Núria Puigdomènech", list.Find("#matches td[data-match-id] a").TextContent.Trim()),
            WaitTimeout);
        list.Find("#matches-download button").Click();

        var expected = $"/api/programmes/{programmeId}/exports/matches.csv?status=Closed&search=N%C3%BAria";
        popovers.WaitForAssertion(
            () => Assert.Equal(expected, popovers.Find("a[data-export='matches-csv']").GetAttribute("href")),
            WaitTimeout);
        var contacts = popovers.Find("a[data-export='contacts-xlsx']");
        Assert.EndsWith("contacts.xlsx?status=Closed&search=N%C3%BAria", contacts.GetAttribute("href"));
        Assert.True(contacts.HasAttribute("download"));
    }
}
