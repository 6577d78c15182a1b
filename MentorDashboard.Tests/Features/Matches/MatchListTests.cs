using Bunit;
using MentorDashboard.Data;
using MentorDashboard.Features.Matches;
using MudBlazor;

namespace MentorDashboard.Tests.Features.Matches;

public sealed class MatchListTests : MatchPageContext
{
    [Fact]
    public async Task List_counts_each_status_and_shows_the_chosen_one()
    {
        await AddMatchAsync("Pau Test", "Oleh Test", MatchStatus.Paused);
        await AddMatchAsync("Wen Test", "Ana Test", MatchStatus.Closed);
        await AddMatchAsync("Rui Test", "Lea Test", MatchStatus.Closed);

        var list = RenderList();

        list.WaitForAssertion(() => Assert.Equal(["Iker Test"], MentorsShown(list)), WaitTimeout);
        Assert.Equal(["Active (1)", "Paused (1)", "Closed (2)"], list.FindAll("#status-filter .mud-toggle-item")
            .Select(item => item.TextContent.Trim()));

        list.FindAll("#status-filter .mud-toggle-item")[2].Click();

        list.WaitForAssertion(() => Assert.Equal(["Rui Test", "Wen Test"], MentorsShown(list).Order()), WaitTimeout);
    }

    [Fact]
    public async Task Search_finds_a_match_by_the_mentees_name_whatever_the_case()
    {
        await AddMatchAsync("Pau Test", "Oleh Test", MatchStatus.Active);
        var list = RenderList();
        list.WaitForAssertion(() => Assert.Equal(2, MentorsShown(list).Count), WaitTimeout);

        list.Find("#match-search").Input("oleh");

        list.WaitForAssertion(() => Assert.Equal(["Pau Test"], MentorsShown(list)), WaitTimeout);
    }

    [Fact]
    public async Task List_pages_through_many_matches()
    {
        for (var i = 0; i < 30; i++)
        {
            await AddMatchAsync($"Mentor {i:D2}", $"Mentee {i:D2}", MatchStatus.Active);
        }

        var list = RenderList();

        list.WaitForAssertion(() => Assert.Equal(25, MentorsShown(list).Count), WaitTimeout);
        Assert.Contains("1-25 of 31", list.Find("#matches").TextContent);
    }

    [Fact]
    public async Task New_match_dialog_pairs_two_people_and_the_list_shows_the_new_match()
    {
        var mentee = await Scenario.Data.AddPersonAsync("Oleh Test", Scenario.Programme.Id, ProgrammeRole.Mentee);
        var list = RenderList();
        var dialogs = Render<MudDialogProvider>();
        var popovers = RenderPopoverProvider();
        list.WaitForAssertion(() => Assert.Single(MentorsShown(list)), WaitTimeout);

        list.Find("#new-match").Click();
        dialogs.WaitForElement("#new-match-mentor", WaitTimeout);
        Choose(dialogs, popovers, "#new-match-mentor", "Iker", "Iker Test");
        Choose(dialogs, popovers, "#new-match-mentee", "Ole", mentee.DisplayName);
        dialogs.Find("#new-match-save").Click();

        list.WaitForAssertion(() => Assert.Equal(2, MentorsShown(list).Count), WaitTimeout);
        Assert.Contains("Oleh Test", list.Find("#matches").TextContent);
        Assert.Empty(dialogs.FindAll("#new-match-save"));
    }

    private static void Choose(
        IRenderedComponent<MudDialogProvider> dialogs,
        IRenderedComponent<MudPopoverProvider> popovers,
        string input,
        string typed,
        string name)
    {
        dialogs.Find(input).Input(typed);

        // Wait for the search to have narrowed the list to the one person: clicking an option of the list shown
        // before the search finished would hit an item the search has just replaced.
        popovers.WaitForAssertion(
            () => Assert.Contains(name, Assert.Single(Options(popovers)).TextContent, StringComparison.Ordinal),
            WaitTimeout);
        Assert.Single(Options(popovers)).Click();
    }

    private static IReadOnlyList<AngleSharp.Dom.IElement> Options(IRenderedComponent<MudPopoverProvider> popovers) =>
        popovers.FindAll(".mud-popover-open .mud-list-item");

    private static List<string> MentorsShown(IRenderedComponent<MatchList> list) =>
        list.FindAll("#matches td[data-match-id] a").Select(a => a.TextContent.Trim()).ToList();

    private IRenderedComponent<MatchList> RenderList()
    {
        Render<MudSnackbarProvider>();
        return Render<MatchList>(p => p.Add(l => l.ProgrammeId, Scenario.Programme.Id));
    }

    private async Task AddMatchAsync(string mentorName, string menteeName, MatchStatus status)
    {
        var programmeId = Scenario.Programme.Id;
        var mentor = await Scenario.Data.AddPersonAsync(mentorName, programmeId, ProgrammeRole.Mentor);
        var mentee = await Scenario.Data.AddPersonAsync(menteeName, programmeId, ProgrammeRole.Mentee);
        await Scenario.Data.AddMatchAsync(programmeId, mentor, mentee, MatchScenario.Start, status);
    }
}
