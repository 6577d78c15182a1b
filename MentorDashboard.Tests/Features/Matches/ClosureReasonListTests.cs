using System.Security.Claims;
using Bunit;
using MentorDashboard.Features.Accounts;
using MentorDashboard.Features.Matches;
using MentorDashboard.Tests.Support;
using MudBlazor;

namespace MentorDashboard.Tests.Features.Matches;

public sealed class ClosureReasonListTests : MudTestContext, IAsyncLifetime
{
    private MatchScenario _scenario = null!;

    public async ValueTask InitializeAsync()
    {
        _scenario = await MatchScenario.CreateAsync();
        Services.AddSingleton(_scenario.Services.ClosureReasons);
        Services.AddSingleton(new ProgrammeAccess(_scenario.Database.Factory));
        var admin = await _scenario.Data.AddPersonAsync("Helena Test");
        var authorization = AddAuthorization();
        authorization.SetAuthorized("helena.test@mentors.test");
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, admin.Id));
        RenderAs(interactive: true);
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _scenario.DisposeAsync();
    }

    [Fact]
    public void Admin_adds_a_reason_and_it_comes_last_in_the_list()
    {
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Equal(6, Labels(page).Count), WaitTimeout);

        page.Find("#new-reason").Change("Mentee started work");
        page.Find("#add-reason").Click();

        page.WaitForAssertion(() => Assert.Equal("Mentee started work", Labels(page)[^1]), WaitTimeout);
        Assert.Equal("", page.Find("#new-reason").GetAttribute("value") ?? "");
    }

    [Fact]
    public void Adding_a_reason_the_list_has_says_so_at_the_field()
    {
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Equal(6, Labels(page).Count), WaitTimeout);

        page.Find("#new-reason").Change("lost contact");
        page.Find("#add-reason").Click();

        page.WaitForAssertion(
            () => Assert.Contains("The programme already has the reason lost contact.", page.Markup), WaitTimeout);
        Assert.Equal(6, Labels(page).Count);
    }

    [Fact]
    public void Admin_renames_moves_and_retires_a_reason()
    {
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Equal(6, Labels(page).Count), WaitTimeout);

        page.FindAll(".rename-reason")[1].Click();
        page.Find("#edit-reason").Change("Moved to another city");
        page.Find("#save-reason").Click();
        page.WaitForAssertion(() => Assert.Equal("Moved to another city", Labels(page)[1]), WaitTimeout);
        page.FindAll("button[aria-label='Move up']")[1].Click();
        page.WaitForAssertion(() => Assert.Equal("Moved to another city", Labels(page)[0]), WaitTimeout);
        page.FindAll(".retire-reason")[0].Click();

        page.WaitForAssertion(
            () => Assert.Contains("Retired", page.FindAll("#closure-reasons tbody tr")[0].TextContent), WaitTimeout);
        Assert.Single(page.FindAll(".offer-reason"));
    }

    private static List<string> Labels(IRenderedComponent<ClosureReasonList> page) =>
        page.FindAll("#closure-reasons .reason-label").Select(l => l.TextContent.Trim()).ToList();

    private IRenderedComponent<ClosureReasonList> RenderPage()
    {
        Render<MudSnackbarProvider>();
        return Render<ClosureReasonList>(p => p.Add(l => l.ProgrammeId, _scenario.Programme.Id));
    }
}
