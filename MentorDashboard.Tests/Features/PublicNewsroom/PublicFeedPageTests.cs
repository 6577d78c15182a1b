using System.Net;
using MentorDashboard.Data;
using MentorDashboard.Features.Newsroom;
using MentorDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Tests.Features.PublicNewsroom;

/// <summary>The public newsroom and its report form over HTTP, as a reader without an account sees them.</summary>
public sealed class PublicFeedPageTests : IAsyncLifetime
{
    private AppFactory _app = null!;
    private Programme _programme = null!;
    private Match _match = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await AppFactory.CreateAsync();
        var network = await _app.Data.AddNetworkAsync();
        _programme = await _app.Data.AddProgrammeAsync(network.Id, "Harbour Mentors");
        var mentor = await _app.Data.AddPersonAsync("Iker Aranburu", _programme.Id, ProgrammeRole.Mentor);
        var mentee = await _app.Data.AddPersonAsync("Selam Tesfaye", _programme.Id, ProgrammeRole.Mentee);
        _match = await _app.Data.AddMatchAsync(_programme.Id, mentor, mentee, new DateOnly(2026, 3, 1));
        await SetPublicAsync(true);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Public_newsroom_shows_markup_in_a_story_as_text_and_opens_no_circuit()
    {
        await AddPostAsync("<script>alert('hi')</script><b>We cooked.</b>");
        using var client = _app.CreateBrowserClient();

        using var response = await client.GetAsync($"/news/{_programme.Id}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("&lt;script&gt;alert(&#x27;hi&#x27;)&lt;/script&gt;&lt;b&gt;We cooked.&lt;/b&gt;", html);
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<b>We cooked", html);
        Assert.Contains("Iker met S. T.", html);
        Assert.DoesNotContain("Tesfaye", html);

        // An interactive page carries a marker from which the browser starts a circuit; a static one none.
        Assert.DoesNotContain("\"type\":\"server\"", html);
    }

    [Fact]
    public async Task Private_newsroom_answers_not_found_like_a_programme_that_does_not_exist()
    {
        await AddPostAsync("A story that stays inside.");
        await SetPublicAsync(false);
        using var client = _app.CreateBrowserClient();

        using var privateNewsroom = await client.GetAsync($"/news/{_programme.Id}");
        using var missing = await client.GetAsync($"/news/{_programme.Id + 100}");

        Assert.Equal(HttpStatusCode.NotFound, privateNewsroom.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var html = await privateNewsroom.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Harbour Mentors", html);
        Assert.DoesNotContain("A story that stays inside.", html);
    }

    [Fact]
    public async Task Reader_reports_a_post_through_the_form_and_it_leaves_the_public_newsroom_at_once()
    {
        var post = await AddPostAsync("A story someone finds too personal.");
        using var client = _app.CreateBrowserClient();

        using var response = await SubmitReportAsync(client, post, "It names her school.");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/news/{_programme.Id}?reported=true", response.Headers.Location?.PathAndQuery);
        var feed = await client.GetStringAsync($"/news/{_programme.Id}?reported=true");
        Assert.DoesNotContain("A story someone finds too personal.", feed);
        Assert.Contains("The post is hidden until a coordinator has looked at it.", feed);
        await using var db = await _app.Database.OpenAsync();
        var report = await db.Set<PostReport>().SingleAsync();
        Assert.Equal((post.Id, "It names her school.", null), (report.PostId, report.Reason, report.ReportedById));
    }

    [Fact]
    public async Task Report_without_a_reason_shows_the_form_again_with_a_message()
    {
        var post = await AddPostAsync("A story.");
        using var client = _app.CreateBrowserClient();

        using var response = await SubmitReportAsync(client, post, "  ");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Say briefly why this post should not be shown.", await response.Content.ReadAsStringAsync());
        await AssertNoReportsAsync();
    }

    [Fact]
    public async Task Report_without_the_antiforgery_token_is_refused_and_nothing_is_stored()
    {
        var post = await AddPostAsync("A story.");
        using var client = _app.CreateBrowserClient();

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "report-post",
            ["Input.Reason"] = "Spam from another site.",
        });
        using var response = await client.PostAsync($"/news/{_programme.Id}/posts/{post.Id}/report", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertNoReportsAsync();
    }

    [Fact]
    public async Task Report_form_of_a_private_post_is_not_found_for_a_reader_without_an_account()
    {
        var post = await AddPostAsync("A story that stays inside.", isPublic: false);
        using var client = _app.CreateBrowserClient();

        using var response = await client.GetAsync($"/news/{_programme.Id}/posts/{post.Id}/report");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>Opens the post's report form and submits it as a browser would, with the form's token.</summary>
    private async Task<HttpResponseMessage> SubmitReportAsync(HttpClient client, Post post, string reason)
    {
        var path = $"/news/{_programme.Id}/posts/{post.Id}/report";
        var token = AccountPages.TokenOfForm(await client.GetStringAsync(path), "form");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "report-post",
            ["Input.Reason"] = reason,
            ["__RequestVerificationToken"] = token,
        });
        return await client.PostAsync(path, form);
    }

    private async Task<Post> AddPostAsync(string text, bool isPublic = true)
    {
        var post = await _app.Data.AddPostAsync(_match, new DateOnly(2026, 11, 20), text: text);
        await using var db = await _app.Database.OpenAsync();
        db.Posts.Attach(post);
        post.IsPublic = isPublic;
        await db.SaveChangesAsync();
        return post;
    }

    private async Task SetPublicAsync(bool isPublic)
    {
        await using var db = await _app.Database.OpenAsync();
        var programme = await db.Programmes.SingleAsync(p => p.Id == _programme.Id);
        programme.NewsroomIsPublic = isPublic;
        await db.SaveChangesAsync();
    }

    private async Task AssertNoReportsAsync()
    {
        await using var db = await _app.Database.OpenAsync();
        Assert.Equal(0, await db.Set<PostReport>().CountAsync());
    }
}
