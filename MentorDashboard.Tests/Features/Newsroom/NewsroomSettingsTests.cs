using System.Security.Claims;
using Bunit;
using MentorDashboard.Features.Newsroom;
using MentorDashboard.Tests.Features.PublicNewsroom;
using MentorDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Tests.Features.Newsroom;

/// <summary>The newsroom settings page as a coordinator uses it.</summary>
public sealed class NewsroomSettingsTests : MudTestContext, IAsyncLifetime
{
    private PublicScenario _scenario = null!;
    private IRenderedComponent<MudBlazor.MudSnackbarProvider> _snackbars = null!;

    public async ValueTask InitializeAsync()
    {
        _scenario = await PublicScenario.CreateAsync();
        await _scenario.SetNewsroomAsync(isPublic: false, requiresModeration: false);
        Services.AddSingleton<TimeProvider>(_scenario.Time);
        Services.AddSingleton(_scenario.Services.Settings);
        var authorization = AddAuthorization();
        authorization.SetAuthorized("marta.test@mentors.test");
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, _scenario.Coordinator.Id));
        RenderAs(interactive: true);
        Render<MudBlazor.MudPopoverProvider>();
        _snackbars = Render<MudBlazor.MudSnackbarProvider>();
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _scenario.DisposeAsync();
    }

    [Fact]
    public async Task Coordinator_makes_the_newsroom_public_and_moderated()
    {
        var page = RenderSettings();

        page.FindAll("input[type=radio]")[1].Click();
        page.Find(".mud-switch input").Change(true);
        page.Find("#settings-save").Click();

        _snackbars.WaitForAssertion(
            () => Assert.Contains("The newsroom settings are saved.", _snackbars.Markup), WaitTimeout);
        Assert.Contains($"/news/{_scenario.Programme.Id}", page.Find("#settings-public-link").TextContent);
        await using var db = await _scenario.Database.OpenAsync();
        var programme = await db.Programmes.SingleAsync(p => p.Id == _scenario.Programme.Id);
        Assert.Equal((true, true), (programme.NewsroomIsPublic, programme.RequiresModeration));
    }

    [Fact]
    public async Task Nickname_that_is_the_real_name_is_refused_on_the_row_and_not_stored()
    {
        var page = RenderSettings();

        page.Find($"#nickname-{_scenario.Mentee.Id}").Change("Selam");
        page.Find(".mentee-save").Click();

        page.WaitForAssertion(
            () => Assert.Contains("A nickname cannot be the mentee's real first or last name.", page.Markup),
            WaitTimeout);
        await using var db = await _scenario.Database.OpenAsync();
        Assert.Null((await db.Users.SingleAsync(p => p.Id == _scenario.Mentee.Id)).Nickname);
    }

    [Fact]
    public async Task Coordinator_marks_a_mentee_as_minor_with_a_nickname()
    {
        var page = RenderSettings();

        page.Find($"#nickname-{_scenario.Mentee.Id}").Change("Sunny");
        page.Find("#settings-mentees .mud-checkbox input").Change(true);
        page.Find(".mentee-save").Click();

        _snackbars.WaitForAssertion(() => Assert.Contains("Saved for Selam Tesfaye.", _snackbars.Markup), WaitTimeout);
        await using var db = await _scenario.Database.OpenAsync();
        var mentee = await db.Users.SingleAsync(p => p.Id == _scenario.Mentee.Id);
        Assert.Equal(("Sunny", true), (mentee.Nickname, mentee.IsMinor));
    }

    [Fact]
    public async Task Many_mentees_come_a_page_at_a_time_and_the_search_finds_one()
    {
        for (var i = 1; i <= 30; i++)
        {
            await _scenario.Data.AddPersonAsync(
                $"Mentee Number{i:00}", _scenario.Programme.Id, MentorDashboard.Data.ProgrammeRole.Mentee);
        }

        var page = RenderSettings();

        Assert.Equal(25, page.FindAll("#settings-mentees tbody tr").Count);
        page.Find("#settings-mentee-search").Input("number17");
        page.WaitForAssertion(
            () => Assert.Equal("Mentee Number17", page.Find("#settings-mentees tbody tr td").TextContent.Trim()),
            WaitTimeout);
        Assert.Single(page.FindAll("#settings-mentees tbody tr"));
    }

    private IRenderedComponent<NewsroomSettings> RenderSettings()
    {
        var page = Render<NewsroomSettings>(parameters => parameters.Add(p => p.ProgrammeId, _scenario.Programme.Id));
        page.WaitForElement("#settings-mentees", WaitTimeout);
        return page;
    }
}
