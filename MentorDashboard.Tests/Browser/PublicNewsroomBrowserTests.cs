using System.Globalization;
using MentorDashboard.Data;
using MentorDashboard.Features.PublicNewsroom;
using MentorDashboard.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MentorDashboard.Tests.Browser;

/// <summary>
/// In a real browser: a public newsroom opened without an account shows only the posts that are safe to be
/// public, a coordinator's approval in the moderation queue brings a waiting post there, and a member's report
/// from the private newsroom reaches the queue with its reason.
/// </summary>
public sealed class PublicNewsroomBrowserTests : IAsyncLifetime
{
    private static readonly ViewportSize Phone = new() { Width = 360, Height = 740 };

    private AppFactory _app = null!;
    private Chromium _chromium = null!;
    private Uri _address = null!;
    private Programme _programme = null!;
    private Person _coordinator = null!;
    private Person _mentor = null!;
    private Match _match = null!;
    private Match _minorMatch = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await AppFactory.CreateAsync();
        _address = _app.StartKestrelServer();
        _chromium = await Chromium.LaunchAsync();

        var network = await _app.Data.AddNetworkAsync();
        _programme = await _app.Data.AddProgrammeAsync(network.Id, "Harbour Mentors");
        _coordinator = await _app.Accounts.AddAsync("Marta Coordinator", _programme.Id, ProgrammeRole.Coordinator);
        _mentor = await _app.Accounts.AddAsync("Iker Aranburu", _programme.Id, ProgrammeRole.Mentor);
        var mentee = await _app.Data.AddPersonAsync("Selam Tesfaye", _programme.Id, ProgrammeRole.Mentee);
        var minor = await _app.Data.AddPersonAsync("Noa Lindqvist", _programme.Id, ProgrammeRole.Mentee);
        _match = await _app.Data.AddMatchAsync(_programme.Id, _mentor, mentee, new DateOnly(2026, 3, 1));
        _minorMatch = await _app.Data.AddMatchAsync(_programme.Id, _mentor, minor, new DateOnly(2026, 3, 1));

        await using var db = await _app.Database.OpenAsync();
        var programme = await db.Programmes.FindAsync(_programme.Id);
        programme!.NewsroomIsPublic = true;
        programme.RequiresModeration = true;
        (await db.Users.FindAsync(mentee.Id))!.Nickname = "Sunny";
        (await db.Users.FindAsync(minor.Id))!.IsMinor = true;
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _chromium.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Public_newsroom_opened_without_an_account_shows_only_public_approved_posts()
    {
        var shown = await AddPostAsync("Selam Tesfaye showed me the library.", true, PostReview.Approved);
        await AddPostAsync("Private: Selam's family visited.", false, PostReview.Approved);
        await AddPostAsync("Unapproved: we went to the cinema.", true, PostReview.NotReviewed);
        await AddPostAsync("Rejected: we talked about the old flat.", true, PostReview.Rejected);
        var reported = await AddPostAsync("Reported: we met her teacher.", true, PostReview.Approved);
        await AddPostAsync("Minor without consent: homework club.", true, PostReview.Approved, _minorMatch);
        await _app.Services.GetRequiredService<PublicNewsroomService>()
            .ReportAsync(_programme.Id, reported.Id, "It names the school.", null, reporterIsMember: false);

        var page = await NewAnonymousPageAsync();
        await page.GotoAsync($"/news/{_programme.Id}");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Harbour Mentors");
        var posts = page.Locator(".public-post");
        await Expect(posts).ToHaveCountAsync(1);
        await Expect(posts.First).ToHaveAttributeAsync("data-post-id", shown.Id.ToString(CultureInfo.InvariantCulture));
        await Expect(posts.First.Locator(".public-post-title")).ToHaveTextAsync("Iker met Sunny");
        await Expect(posts.First.Locator(".post-text")).ToHaveTextAsync("Sunny showed me the library.");
        await Expect(posts.First.Locator(".public-post-month")).ToContainTextAsync("November 2026");
        var feed = await page.Locator("#public-feed").InnerTextAsync();
        Assert.DoesNotContain("Tesfaye", feed);
        Assert.DoesNotContain("Aranburu", feed);
        Assert.DoesNotContain("Selam", feed);

        // The page is static for a reader without an account: no circuit is started for them.
        await Expect(page.Locator("#interactive-marker")).ToHaveAttributeAsync("data-interactive", "false");
        await page.SaveScreenshotAsync("public-newsroom.png");
    }

    [Fact]
    public async Task Coordinator_approves_a_waiting_post_and_readers_see_it()
    {
        var waiting = await AddPostAsync("We cooked soup together.", true, PostReview.NotReviewed);
        var reader = await NewAnonymousPageAsync();
        await reader.GotoAsync($"/news/{_programme.Id}");
        await Expect(reader.Locator("#public-empty")).ToBeVisibleAsync();

        var coordinator = await _chromium.Browser.SignInAsync(_address, _coordinator, Phone);
        await coordinator.GotoAsync($"/programmes/{_programme.Id}/newsroom");
        await coordinator.WaitUntilInteractiveAsync();
        await coordinator.Locator("#newsroom-moderation-link").ClickAsync();
        await Expect(coordinator.Locator("h1")).ToHaveTextAsync("Moderation");
        await coordinator.WaitUntilInteractiveAsync();
        var item = coordinator.Locator($"#moderation-waiting [data-post-id='{waiting.Id}']");
        await Expect(item).ToContainTextAsync("We cooked soup together.");
        await item.Locator(".moderation-approve").ClickAsync();
        await Expect(coordinator.Locator("#moderation-empty")).ToBeVisibleAsync();

        await reader.ReloadAsync();
        await Expect(reader.Locator(".public-post .post-text")).ToHaveTextAsync("We cooked soup together.");
    }

    [Fact]
    public async Task Member_reports_a_post_from_the_private_newsroom_and_coordinators_find_the_reason()
    {
        var post = await AddPostAsync("We talked about the new flat.", false, PostReview.NotReviewed);
        var mentor = await _chromium.Browser.SignInAsync(_address, _mentor, Phone);
        await mentor.GotoAsync($"/programmes/{_programme.Id}/newsroom");
        await mentor.WaitUntilInteractiveAsync();

        await mentor.Locator($"[data-post-id='{post.Id}'] .report-link").ClickAsync();
        await Expect(mentor.Locator("h1")).ToHaveTextAsync("Report this post");
        await mentor.Locator("#report-reason").FillAsync("I wrote the street name by mistake.");
        await mentor.Locator("#report-submit").ClickAsync();

        await Expect(mentor.Locator("#newsroom-reported")).ToBeVisibleAsync();
        var coordinator = await _chromium.Browser.SignInAsync(_address, _coordinator, Phone);
        await coordinator.GotoAsync($"/programmes/{_programme.Id}/moderation");
        await Expect(coordinator.Locator($"#moderation-reported [data-post-id='{post.Id}']"))
            .ToContainTextAsync("I wrote the street name by mistake.");
    }

    private async Task<IPage> NewAnonymousPageAsync()
    {
        var context = await _chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _address.ToString(),
            ViewportSize = Phone,
        });
        return await context.NewPageAsync();
    }

    private async Task<Post> AddPostAsync(string text, bool isPublic, PostReview review, Match? match = null)
    {
        var post = await _app.Data.AddPostAsync(match ?? _match, new DateOnly(2026, 11, 20), text: text);
        await using var db = await _app.Database.OpenAsync();
        db.Posts.Attach(post);
        post.IsPublic = isPublic;
        post.Review = review;
        await db.SaveChangesAsync();
        return post;
    }
}
