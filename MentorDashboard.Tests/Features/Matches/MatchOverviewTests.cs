using System.Globalization;
using System.Security.Claims;
using Bunit;
using MentorDashboard.Features.Demo;
using MentorDashboard.Features.Matches;
using MentorDashboard.Features.Questionnaires;
using MentorDashboard.Features.SupportContacts;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace MentorDashboard.Tests.Features.Matches;

public sealed class MatchOverviewTests : MatchPageContext
{
    [Fact]
    public async Task Page_shows_the_pair_their_meetings_and_a_timeline_newest_first()
    {
        await Scenario.Data.AddPostAsync(Scenario.Match, new DateOnly(2026, 10, 14), text: "Library visit.");
        await Scenario.Data.AddPostAsync(Scenario.Match, new DateOnly(2026, 11, 20), text: "Coffee at the pier.");
        await Scenario.Data.AddPostAsync(Scenario.Match, new DateOnly(2026, 11, 27), text: "Walk on the beach.");
        await AnswerYouthQuestionnaireAsync();
        await Scenario.PauseAsync(new DateTime(2026, 12, 1), "Exams", new DateTime(2027, 1, 10));

        var page = RenderPage();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#match-timeline .timeline-status")), WaitTimeout);
        Assert.Equal("Iker Test & Selam Test", page.Find("h1").TextContent.Trim());
        Assert.Equal("Paused", page.Find("#match-status").TextContent.Trim());
        Assert.Contains("started 1 Mar 2026 · 9 months", page.Find("#match-facts").TextContent);
        Assert.Contains(
            "Paused since 1 Dec 2026: Exams. Expected to meet again on 10 Jan 2027.",
            page.Find("#match-pause").TextContent);
        Assert.Equal(
            ["status", "post", "post", "post", "response", "response"],
            page.FindAll("#match-timeline .timeline-status, .timeline-post, .timeline-response").Select(KindOf));
        Assert.Contains("Coffee at the pier.", page.Find("#match-timeline").TextContent);
        var meetings = page.Find("#match-meetings .apex-chart").GetAttribute("aria-label")!;
        Assert.StartsWith("Meetings per month: Mar 26 0, Apr 26 0,", meetings);
        Assert.EndsWith("Oct 26 1, Nov 26 2, Dec 26 0", meetings);
        Assert.Contains("Selam Test answered", page.Find("#match-timeline .timeline-response").TextContent);
        Assert.Contains("Relationship quality: 3.0", page.Find("#match-timeline .timeline-response").TextContent);
        Assert.Single(page.FindAll("[id^='match-scale-'] .apex-chart"));
        Assert.NotEmpty(page.FindAll("#match-support-contacts"));
    }

    [Fact]
    public async Task Imported_match_shows_its_id_in_the_system_it_came_from()
    {
        await using (var db = await Scenario.Database.OpenAsync())
        {
            await db.Matches.Where(m => m.Id == Scenario.Match.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ExternalId, "a0B5e00000AbCdEfGH"));
        }

        var page = RenderPage();

        page.WaitForAssertion(
            () => Assert.Contains("imported as a0B5e00000AbCdEfGH", page.Find("#match-facts").TextContent),
            WaitTimeout);
    }

    [Fact]
    public void Match_of_another_programme_is_not_shown()
    {
        var page = Render<MatchOverview>(p => p
            .Add(o => o.ProgrammeId, Scenario.Programme.Id + 1)
            .Add(o => o.MatchId, Scenario.Match.Id));

        page.WaitForElement("#match-not-found", WaitTimeout);
        Assert.DoesNotContain("Selam Test", page.Markup);
    }

    [Fact]
    public async Task Coordinator_pauses_the_match_in_a_dialog_and_the_page_shows_the_pause()
    {
        var page = RenderPage();
        var dialogs = Render<MudDialogProvider>();
        page.WaitForElement("#pause-match", WaitTimeout).Click();
        dialogs.WaitForElement("#pause-reason", WaitTimeout);

        dialogs.Find("#pause-reason").Change("Exams");
        dialogs.Find("#pause-resume-date").Change(DateText(new DateTime(2027, 1, 10)));
        dialogs.Find("#pause-save").Click();

        page.WaitForAssertion(
            () => Assert.Equal("Paused", page.Find("#match-status").TextContent.Trim()), WaitTimeout);
        Assert.Contains("Exams", page.Find("#match-pause").TextContent);
        Assert.Empty(dialogs.FindAll("#pause-save"));
        Assert.Contains("Paused from 3 Dec 2026: Exams", page.Find("#match-timeline .timeline-status").TextContent);
        var match = await Scenario.Services.Matches.GetAsync(Scenario.Programme.Id, Scenario.Match.Id);
        Assert.Equal(new DateOnly(2027, 1, 10), match!.ExpectedResumeDate);
    }

    [Fact]
    public void Pause_dialog_without_a_reason_says_what_is_missing_and_stays_open()
    {
        var page = RenderPage();
        var dialogs = Render<MudDialogProvider>();
        page.WaitForElement("#pause-match", WaitTimeout).Click();
        dialogs.WaitForElement("#pause-save", WaitTimeout).Click();

        dialogs.WaitForAssertion(() => Assert.Contains("Say why the pair is pausing.", dialogs.Markup), WaitTimeout);
        Assert.Contains("Choose when the pair expects to meet again.", dialogs.Markup);
        Assert.Equal("Active", page.Find("#match-status").TextContent.Trim());
    }

    [Fact]
    public void Coordinator_closes_the_match_for_a_reason_and_it_stays_readable()
    {
        var page = RenderPage();
        var dialogs = OpenCloseDialogWithReason(page, "Moved away");

        dialogs.Find("#close-note").Change("The family moved to Leeds.");
        dialogs.Find("#close-save").Click();

        page.WaitForAssertion(
            () => Assert.Equal("Closed", page.Find("#match-status").TextContent.Trim()), WaitTimeout);
        Assert.Contains("Closed on 3 Dec 2026: Moved away.", page.Find("#match-closure").TextContent);
        Assert.Contains("The family moved to Leeds.", page.Find("#match-closure").TextContent);
        Assert.Empty(page.FindAll("#pause-match, #close-match"));
    }

    [Fact]
    public async Task Closing_a_match_someone_else_closed_meanwhile_shows_why_in_the_dialog()
    {
        var page = RenderPage();
        var dialogs = OpenCloseDialogWithReason(page, "Goal reached");
        await Scenario.CloseAsync((await Scenario.ReasonAsync("Lost contact")).Id, new DateTime(2026, 12, 2));

        dialogs.Find("#close-save").Click();

        dialogs.WaitForAssertion(
            () => Assert.Equal(
                "This match is already closed.", dialogs.Find("#match-dialog-error").TextContent.Trim()),
            WaitTimeout);
        page.WaitForAssertion(
            () => Assert.Contains("Lost contact", page.Find("#match-closure").TextContent), WaitTimeout);
    }

    [Fact]
    public async Task Contact_list_follows_a_contact_logged_in_another_tab()
    {
        var page = RenderPage();
        page.WaitForElement("#contacts-empty", WaitTimeout);
        var coordinator = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, Scenario.Coordinator.Id)], "Test"));

        var result = await Services.GetRequiredService<SupportContactService>().LogAsync(
            coordinator,
            Scenario.Programme.Id,
            new SupportContactInput
            {
                MatchId = Scenario.Match.Id,
                Date = new DateTime(2026, 12, 2),
                Channel = ContactChannel.Phone,
                With = ContactPerson.Mentor,
                Note = "Checked in after the hard talk.",
            });

        Assert.True(result.Saved);
        page.WaitForAssertion(
            () => Assert.Contains("Checked in after the hard talk.", page.Find("#support-contacts").TextContent),
            WaitTimeout);
    }

    [Fact]
    public async Task Page_follows_a_post_saved_while_it_is_open()
    {
        var page = RenderPage();
        page.WaitForElement("#match-timeline-empty", WaitTimeout);

        var result = await Scenario.Services.Posts.CreateAsync(Scenario.Programme.Id, Scenario.Mentor.Id,
            new MentorDashboard.Features.Newsroom.PostInput
            {
                MatchId = Scenario.Match.Id,
                Date = new DateTime(2026, 12, 2),
                Minutes = 60,
                ActivityTypeKey = "activity.walk",
                TopicKeys = ["topic.work"],
                Rating = 2,
                Text = "A hard talk about school.",
            });

        Assert.True(result.Saved);
        page.WaitForAssertion(
            () => Assert.Contains("A hard talk about school.", page.Find("#match-timeline").TextContent),
            WaitTimeout);
    }

    private IRenderedComponent<MatchOverview> RenderPage()
    {
        Render<MudSnackbarProvider>();
        return Render<MatchOverview>(p => p
            .Add(o => o.ProgrammeId, Scenario.Programme.Id)
            .Add(o => o.MatchId, Scenario.Match.Id));
    }

    private IRenderedComponent<MudDialogProvider> OpenCloseDialogWithReason(
        IRenderedComponent<MatchOverview> page, string reason)
    {
        var dialogs = Render<MudDialogProvider>();
        var popovers = RenderPopoverProvider();
        page.WaitForElement("#close-match", WaitTimeout).Click();
        dialogs.WaitForElement("#close-reason", WaitTimeout).Closest(".mud-input-control")!.MouseDown();
        popovers.WaitForElement(".mud-popover-open .mud-list-item", WaitTimeout);
        popovers.FindAll(".mud-list-item").First(i => i.TextContent.Contains(reason, StringComparison.Ordinal))
            .Click();
        return dialogs;
    }

    private static string KindOf(AngleSharp.Dom.IElement element) =>
        element.ClassList.First(c => c.StartsWith("timeline-", StringComparison.Ordinal))["timeline-".Length..];

    private static string DateText(DateTime date) => date.ToString("d", CultureInfo.CurrentCulture);

    /// <summary>Selam answers the youth questionnaire for its first two occasions, each two days late.</summary>
    private async Task AnswerYouthQuestionnaireAsync()
    {
        var youth = DemoQuestionnaires.Youth();
        youth.NetworkId = Scenario.Programme.NetworkId;
        await using (var db = await Scenario.Database.OpenAsync())
        {
            db.Add(youth);
            await db.SaveChangesAsync();
        }

        var today = Scenario.Time.Now;
        foreach (var (occasion, answer) in new[] { (new DateOnly(2026, 3, 31), 4), (new DateOnly(2026, 6, 29), 3) })
        {
            Scenario.Time.Now = new DateTimeOffset(occasion.AddDays(2).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
            var result = await Scenario.Services.Questionnaires.SubmitAsync(
                Scenario.Programme.Id, Scenario.Mentee.Id, new SubmitInput
                {
                    QuestionnaireId = youth.Id,
                    MatchId = Scenario.Match.Id,
                    Occasion = occasion,
                    Answers = youth.Items.ToDictionary(i => i.Key, i => i.IsReversed ? 6 - answer : answer),
                });
            Assert.True(result.Saved, string.Join("; ", result.Errors.Select(e => e.Message)));
        }

        Scenario.Time.Now = today;
    }
}
