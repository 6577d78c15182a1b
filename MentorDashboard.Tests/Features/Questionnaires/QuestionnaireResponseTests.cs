using System.Globalization;
using System.Security.Claims;
using Bunit;
using MentorDashboard.Data;
using MentorDashboard.Features.Questionnaires;
using MentorDashboard.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.EntityFrameworkCore;
using static MentorDashboard.Tests.Features.Questionnaires.QuestionnaireScenario;

namespace MentorDashboard.Tests.Features.Questionnaires;

public sealed class QuestionnaireResponseTests : MudTestContext, IAsyncLifetime
{
    private readonly FixedTime _time = FixedTime.At(2026, 5, 3);
    private QuestionnaireScenario _scenario = null!;

    public async ValueTask InitializeAsync()
    {
        _scenario = await CreateAsync();
        var features = new FeatureServices(_scenario.Database, _time);
        Services.AddSingleton<TimeProvider>(_time);
        Services.AddSingleton(features.Questionnaires);
        Services.AddDataProtection();
        Services.AddScoped<ProtectedLocalStorage>();
        var authorization = AddAuthorization();
        authorization.SetAuthorized("iker.test@mentors.test");
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, _scenario.Mentor.Id));
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _scenario.Database.DisposeAsync();
    }

    [Fact]
    public async Task Mentor_chooses_answers_submits_and_sees_them_saved()
    {
        RenderAs(interactive: true);
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Equal(14, page.FindAll(".questionnaire-item").Count), WaitTimeout);

        foreach (var item in _scenario.MentorQuestionnaire.Items)
        {
            Choose(page, item.Key, 4);
        }

        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#response-done")), WaitTimeout);
        await using var db = await _scenario.Database.OpenAsync();
        var response = await db.Set<Response>().Include(r => r.Answers).SingleAsync();
        Assert.Equal(SecondOccasion, response.Occasion);
        Assert.All(response.Answers, a => Assert.Equal(4, a.Value));
        Assert.Equal(14, response.Answers.Count);
    }

    [Fact]
    public void Page_counts_the_answers_and_warns_while_some_are_left_out()
    {
        RenderAs(interactive: true);
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Equal(14, page.FindAll(".questionnaire-item").Count), WaitTimeout);
        Assert.Contains("0 of 14 questions answered", page.Find("#response-progress").TextContent);

        Choose(page, _scenario.MentorQuestionnaire.Items[0].Key, 3);

        page.WaitForAssertion(
            () => Assert.Contains("1 of 14 questions answered", page.Find("#response-progress").TextContent),
            WaitTimeout);
        Assert.NotNull(page.Find("#response-partial"));
        Assert.Empty(page.FindAll("#response-other-occasion"));
    }

    [Fact]
    public void Link_with_a_date_that_is_not_due_says_which_occasion_is_shown_instead()
    {
        RenderAs(interactive: true);

        var page = RenderPage(occasion: "2027-01-01");

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#response-other-occasion")), WaitTimeout);
        Assert.Contains(FirstOccasion.ToString("d", CultureInfo.CurrentCulture), page.Markup);
    }

    [Fact]
    public async Task Refusal_from_the_server_is_shown_and_keeps_the_answers()
    {
        RenderAs(interactive: true);
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".questionnaire-item")), WaitTimeout);
        Choose(page, "mentor.close", 2);
        Choose(page, "mentor.enjoy", 5);
        await using (var db = await _scenario.Database.OpenAsync())
        {
            await db.Matches.ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MatchStatus.Closed));
        }

        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains(
            "This match is closed; it takes no new responses.", page.Find("#response-error").TextContent),
            WaitTimeout);
        Assert.True(IsChosen(page, "mentor.close", 2));
        Assert.True(IsChosen(page, "mentor.enjoy", 5));
        Assert.False(IsChosen(page, "mentor.enjoy", 4));
    }

    [Fact]
    public void Each_answer_is_kept_as_a_draft_in_the_browser()
    {
        RenderAs(interactive: true);
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".questionnaire-item")), WaitTimeout);

        Choose(page, "mentor.close", 3);

        var write = JSInterop.VerifyInvoke("localStorage.setItem");
        Assert.Contains("questionnaire-draft-", write.Arguments[0]?.ToString());
    }

    [Fact]
    public void Send_button_waits_until_the_page_is_live()
    {
        RenderAs(interactive: false);
        var page = RenderPage();

        page.WaitForAssertion(
            () => Assert.True(page.Find("#response-submit").HasAttribute("disabled")), WaitTimeout);
    }

    [Fact]
    public void Newsroom_list_links_each_due_and_overdue_questionnaire_to_its_page()
    {
        var list = Render<DueQuestionnaireList>(p => p
            .Add(c => c.ProgrammeId, _scenario.Programme.Id)
            .Add(c => c.PersonId, _scenario.Mentor.Id));

        list.WaitForAssertion(() => Assert.Equal(2, list.FindAll("[data-due-questionnaire]").Count), WaitTimeout);
        var rows = list.FindAll("[data-due-questionnaire]");
        Assert.Contains("Overdue", rows[0].TextContent);
        Assert.DoesNotContain("Overdue", rows[1].TextContent);
        Assert.EndsWith(
            $"/questionnaires/{_scenario.MentorQuestionnaire.Id}/matches/{_scenario.Match.Id}?occasion=2026-05-01",
            rows[1].QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Mentor_opening_another_pairs_questionnaire_is_sent_to_the_access_denied_page()
    {
        var mentor = await _scenario.Data.AddPersonAsync("Pau Test", _scenario.Programme.Id, ProgrammeRole.Mentor);
        var mentee = await _scenario.Data.AddPersonAsync("Oleh Test", _scenario.Programme.Id, ProgrammeRole.Mentee);
        var otherMatch = await _scenario.Data.AddMatchAsync(_scenario.Programme.Id, mentor, mentee, Start);
        var navigation = Services.GetRequiredService<NavigationManager>();
        RenderAs(interactive: true);

        var page = Render<QuestionnaireResponse>(p => p
            .Add(c => c.ProgrammeId, _scenario.Programme.Id)
            .Add(c => c.QuestionnaireId, _scenario.MentorQuestionnaire.Id)
            .Add(c => c.MatchId, otherMatch.Id));

        page.WaitForAssertion(
            () => Assert.EndsWith("/account/access-denied", navigation.Uri, StringComparison.Ordinal), WaitTimeout);
        Assert.DoesNotContain("Oleh Test", page.Markup, StringComparison.Ordinal);
    }

    private static void Choose(IRenderedComponent<QuestionnaireResponse> page, string itemKey, int point) =>
        page.FindAll($"[data-item='{itemKey}'] input.mud-radio-input")[point - 1].Click();

    private static bool IsChosen(IRenderedComponent<QuestionnaireResponse> page, string itemKey, int point) =>
        page.FindAll($"[data-item='{itemKey}'] label.mud-radio")[point - 1].OuterHtml.Contains("mud-checked");

    /// <summary>The mentor's questionnaire for the occasion of 1 May, as the newsroom links to it.</summary>
    private IRenderedComponent<QuestionnaireResponse> RenderPage(string occasion = "2026-05-01")
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameter("occasion", occasion));
        return Render<QuestionnaireResponse>(p => p
            .Add(c => c.ProgrammeId, _scenario.Programme.Id)
            .Add(c => c.QuestionnaireId, _scenario.MentorQuestionnaire.Id)
            .Add(c => c.MatchId, _scenario.Match.Id));
    }
}
