using System.Globalization;
using MentorDashboard.Data;
using MentorDashboard.Features.Demo;
using MentorDashboard.Features.Questionnaires;
using MentorDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MentorDashboard.Tests.Browser;

/// <summary>
/// The demo network's admin builds a questionnaire in a real browser, and the demo mentor of the city programme
/// answers it on a phone, with the same app running throughout.
/// </summary>
public sealed class QuestionnaireEditorBrowserTests : IAsyncLifetime
{
    private const string Title = "Check-in after the first weeks";
    private const string ScaleKey = "first-weeks.closeness";
    private static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };
    private static readonly ViewportSize Phone = new() { Width = 360, Height = 740 };
    private AppFactory _app = null!;
    private Chromium _chromium = null!;
    private Uri _address = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await AppFactory.CreateAsync(seedDemo: true);
        _address = _app.StartKestrelServer();
        _chromium = await Chromium.LaunchAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _chromium.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Questionnaire_an_admin_builds_is_answered_by_a_mentor_on_a_phone_and_scored()
    {
        var match = await ReadDemoMentorMatchAsync();

        // Due three days ago: still within the two weeks a due questionnaire waits before it is overdue.
        var today = DateOnly.FromDateTime(DateTime.Now);
        var occasion = today.AddDays(-3);
        var firstDueAfterDays = occasion.DayNumber - match.StartDate.DayNumber;
        Assert.True(firstDueAfterDays >= 1, "The demo mentor's match started too recently for this test.");

        var admin = await _chromium.Browser.SignInAsync(
            _address, DemoAccounts.Admin, DemoAccounts.Password, Desktop);
        await admin.WaitUntilInteractiveAsync();
        await admin.Locator("#questionnaires-link").ClickAsync();
        await Expect(admin.Locator("h1")).ToHaveTextAsync("Questionnaires");
        await admin.WaitUntilInteractiveAsync();
        await admin.Locator("#questionnaire-new-title").FillAsync(Title);
        await admin.Locator("#questionnaire-new-key").FillAsync("questionnaire.first-weeks");
        await admin.Locator("#questionnaire-create").ClickAsync();
        await Expect(admin.Locator("h1")).ToHaveTextAsync(Title);
        await admin.WaitUntilInteractiveAsync();

        await ChooseAsync(admin, "#settings-respondent", "Mentors", nameof(QuestionnaireRespondent.Mentor));
        await admin.Locator("#settings-first-due").FillAsync(
            firstDueAfterDays.ToString(CultureInfo.InvariantCulture));
        await admin.Locator("#settings-repeat").FillAsync("90");
        await admin.Locator("#settings-points").FillAsync("4");
        await admin.Locator("#settings-points").BlurAsync();
        await Expect(admin.Locator("#settings-anchor-4")).ToBeVisibleAsync();
        await Expect(admin.Locator("#settings-anchor-5")).ToHaveCountAsync(0);
        await ChooseAsync(admin, "#settings-kind", "How often (never … always)",
            nameof(ResponseScaleKind.Frequency));
        string[] anchors = ["Never", "Sometimes", "Often", "Always"];
        for (var point = 1; point <= anchors.Length; point++)
        {
            await admin.Locator($"#settings-anchor-{point}").FillAsync(anchors[point - 1]);
        }

        await admin.Locator("#settings-save").ClickAsync();
        await ExpectSavedAsync(admin);

        await admin.Locator("#scale-new-key").FillAsync(ScaleKey);
        await admin.Locator("#scale-new-name").FillAsync("Closeness");
        await admin.Locator("#scale-add").ClickAsync();
        var scale = admin.Locator($"[data-scale='{ScaleKey}']");
        await scale.GetByRole(AriaRole.Button, new() { Name = "Add band" }).ClickAsync();
        await scale.GetByLabel("Below").FillAsync("2.5");
        await scale.GetByLabel("Label", new() { Exact = true }).FillAsync("Distant");
        await scale.GetByText("A concern to follow up").ClickAsync();
        await scale.GetByRole(AriaRole.Button, new() { Name = "Add band" }).ClickAsync();
        await scale.GetByLabel("Label", new() { Exact = true }).Nth(1).FillAsync("Close");
        await scale.GetByRole(AriaRole.Button, new() { Name = "Save scale" }).ClickAsync();
        await ExpectSavedAsync(admin);

        await AddQuestionAsync(admin, "first-weeks.look-forward", "I look forward to our meetings.");
        await AddQuestionAsync(admin, "first-weeks.awkward", "Our meetings feel awkward.", reversed: true);
        await AddQuestionAsync(admin, "first-weeks.trust", "My mentee trusts me.");
        await admin.SaveScreenshotAsync("questionnaire-editor.png");

        // What the admin built is what a fresh page shows: nothing was kept only in the open page.
        await admin.ReloadAsync();
        await admin.WaitUntilInteractiveAsync();
        await Expect(admin.Locator("#settings-respondent")).ToHaveValueAsync(nameof(QuestionnaireRespondent.Mentor));
        await Expect(admin.Locator("#settings-repeat")).ToHaveValueAsync("90");
        await Expect(admin.Locator("#settings-anchor-1")).ToHaveValueAsync("Never");
        await Expect(scale.GetByLabel("Label", new() { Exact = true })).ToHaveCountAsync(2);
        await Expect(admin.Locator("#items tbody tr")).ToHaveCountAsync(3);
        await Expect(admin.Locator("#items tr[data-key='first-weeks.awkward'] input[type=checkbox]"))
            .ToBeCheckedAsync();
        await Expect(admin.Locator("#items tr[data-key='first-weeks.trust'] input[type=checkbox]"))
            .Not.ToBeCheckedAsync();
        var questionnaireId = int.Parse(admin.Url.Split('/')[^1], CultureInfo.InvariantCulture);

        // The same editor on a phone: nothing scrolls sideways, and neither a band's label nor a question is
        // squeezed to a few letters.
        await admin.SetViewportSizeAsync(Phone.Width, Phone.Height);
        await Expect(admin.Locator("#items thead")).ToBeHiddenAsync();
        Assert.True(await admin.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"),
            "The questionnaire editor scrolls sideways on a 360 px wide phone.");
        Assert.True(await WidthOfAsync(scale.Locator(".band-label input").First) > 120,
            "A band's label field is squeezed on a phone.");
        Assert.True(await WidthOfAsync(admin.Locator("#items textarea").First) > 240,
            "A question's text field is squeezed on a phone.");
        await admin.SaveScreenshotAsync("questionnaire-editor-phone.png");

        var mentor = await _chromium.Browser.SignInAsync(
            _address, DemoAccounts.CityMentor, DemoAccounts.Password, Phone);
        await mentor.GotoAsync($"/programmes/{match.ProgrammeId}/newsroom");
        await mentor.WaitUntilInteractiveAsync();
        var due = mentor.Locator($"[data-due-questionnaire='{questionnaireId}']");
        await Expect(due).ToContainTextAsync(Title);
        await Expect(due).Not.ToContainTextAsync("Overdue");
        await due.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await Expect(mentor.Locator("h1")).ToHaveTextAsync(Title);
        await mentor.WaitUntilInteractiveAsync();
        Assert.True(await mentor.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"),
            "The questionnaire scrolls sideways on a 360 px wide phone.");

        // The reversed question answered "Always" counts as "Never": (2 + 1 + 2) / 3, in the concern band.
        await AnswerAsync(mentor, "first-weeks.look-forward", "Sometimes");
        await AnswerAsync(mentor, "first-weeks.awkward", "Always");
        await AnswerAsync(mentor, "first-weeks.trust", "Sometimes");
        await Expect(mentor.Locator("#response-progress")).ToHaveTextAsync("3 of 3 questions answered");
        await mentor.SaveScreenshotAsync("questionnaire-answered-phone.png");
        await mentor.Locator("#response-submit").ClickAsync();
        await Expect(mentor.Locator("#response-done")).ToBeVisibleAsync();

        await mentor.GotoAsync($"/programmes/{match.ProgrammeId}/newsroom");
        await mentor.WaitUntilInteractiveAsync();
        await Expect(mentor.Locator("h1")).ToBeVisibleAsync();
        await Expect(due).ToHaveCountAsync(0);

        await using var db = await _app.Database.OpenAsync();
        var response = await db.Set<Response>()
            .Include(r => r.Scores)
            .SingleAsync(r => r.QuestionnaireId == questionnaireId);
        var score = Assert.Single(response.Scores);
        Assert.Equal(match.Id, response.MatchId);
        Assert.Equal(occasion, response.Occasion);
        Assert.Equal(ScaleKey, score.ScaleKey);
        Assert.Equal(5.0 / 3, score.Score!.Value, precision: 6);
        Assert.Equal("Distant", score.Band);
        Assert.True(score.IsConcern);
    }

    private async Task<Match> ReadDemoMentorMatchAsync()
    {
        await using var db = await _app.Database.OpenAsync();
        return await db.Matches
            .AsNoTracking()
            .SingleAsync(m => m.Mentor.Email == DemoAccounts.CityMentor && m.Status == MatchStatus.Active);
    }

    /// <summary>Picks an option of a MudSelect, whose id lands on a hidden input holding the value.</summary>
    private static async Task ChooseAsync(IPage page, string select, string option, string value)
    {
        await page.Locator(".mud-input-control", new() { Has = page.Locator(select) }).ClickAsync();
        await page.Locator(".mud-popover-open").GetByText(option, new() { Exact = true }).ClickAsync();
        await Expect(page.Locator(select)).ToHaveValueAsync(value);
    }

    /// <summary>Waits for the snackbar that says a save went through, and closes it for the next one.</summary>
    private static async Task ExpectSavedAsync(IPage page)
    {
        var snackbar = page.Locator(".mud-snackbar");
        await Expect(snackbar).ToContainTextAsync("Saved.");
        await snackbar.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await Expect(snackbar).ToHaveCountAsync(0);
    }

    private static async Task AddQuestionAsync(IPage page, string key, string text, bool reversed = false)
    {
        await page.Locator("#item-new-key").FillAsync(key);
        await page.Locator("#item-new-text").FillAsync(text);
        await Expect(page.Locator("#item-new-scale")).ToHaveValueAsync(ScaleKey);
        if (reversed)
        {
            await page.Locator("#item-new-reversed").CheckAsync();
        }

        await page.Locator("#item-add").ClickAsync();
        await Expect(page.Locator($"#items tr[data-key='{key}'] textarea")).ToHaveValueAsync(text);
        await Expect(page.Locator("#item-new-key")).ToHaveValueAsync("");
    }

    private static async Task<double> WidthOfAsync(ILocator element) =>
        (await element.BoundingBoxAsync())?.Width ?? 0;

    private static async Task AnswerAsync(IPage page, string itemKey, string anchor)
    {
        var item = page.Locator($"[data-item='{itemKey}']");
        await item.GetByRole(AriaRole.Radio, new() { Name = anchor }).CheckAsync();
        await Expect(item.GetByRole(AriaRole.Radio, new() { Name = anchor })).ToBeCheckedAsync();
    }
}
