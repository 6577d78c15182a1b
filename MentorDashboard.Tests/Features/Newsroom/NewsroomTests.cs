using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using MentorDashboard.Data;
using MentorDashboard.Features.Accounts;
using MentorDashboard.Features.Live;
using MentorDashboard.Features.Newsroom;
using MentorDashboard.Features.Security;
using MentorDashboard.Tests.Support;
using Microsoft.Extensions.Options;

namespace MentorDashboard.Tests.Features.Newsroom;

public sealed class NewsroomTests : MudTestContext, IAsyncLifetime
{
    private readonly FixedTime _time = FixedTime.At(2026, 12, 3);
    private TestDatabase _database = null!;
    private TestData _data = null!;
    private FeatureServices _features = null!;
    private Programme _programme = null!;
    private Match _ownMatch = null!;
    private Match _otherMatch = null!;
    private BunitAuthorizationContext _authorization = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _data = new TestData(_database);
        _features = new FeatureServices(_database, _time);
        var network = await _data.AddNetworkAsync();
        _programme = await _data.AddProgrammeAsync(network.Id, "Harbour Mentors");
        _ownMatch = await AddMatchAsync("Iker Test", "Selam Test");
        _otherMatch = await AddMatchAsync("Pau Test", "Oleh Test");
        await _data.AddPostAsync(_otherMatch, new DateOnly(2026, 11, 20), text: "A walk by the harbour.");

        Services.AddSingleton<TimeProvider>(_time);
        Services.AddSingleton(_features.Posts);
        Services.AddSingleton(_features.Framework);
        Services.AddSingleton(_features.Questionnaires);
        Services.AddSingleton(_features.Reminders);
        Services.AddSingleton<IProgrammeEvents>(_features.Events);
        Services.AddSingleton<LiveAccess>();
        Services.AddSingleton(new ProgrammeAccess(_database.Factory));
        var safeguarding = new SafeguardingServices(_database, _features, _time);
        Services.AddSingleton(safeguarding.Settings);
        Services.AddSingleton(safeguarding.Moderation);
        Services.AddSingleton<CircuitConnection>();
        Services.AddSingleton(Options.Create(new RateLimitOptions()));
        Services.AddSingleton<PostingLimiter>();
        _authorization = AddAuthorization();
        _authorization.SetAuthorized("iker.test@mentors.test");
        _authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, _ownMatch.MentorId));
        RenderAs(interactive: true);
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public void Mentor_sees_the_feed_and_a_form_for_their_own_match()
    {
        var newsroom = RenderNewsroom();

        newsroom.WaitForAssertion(() => Assert.Single(newsroom.FindAll("#feed .post-card")), WaitTimeout);
        Assert.Contains("With Selam Test", newsroom.Markup);
        Assert.Contains("A walk by the harbour.", newsroom.Find("#feed").TextContent);
        Assert.Empty(newsroom.FindAll("#newsroom-dashboard-link"));
    }

    [Fact]
    public async Task Coordinator_finds_the_way_to_the_dashboard_and_no_post_form()
    {
        var coordinator = await _data.AddPersonAsync("Marta Test", _programme.Id, ProgrammeRole.Coordinator);
        _authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, coordinator.Id));

        var newsroom = RenderNewsroom();

        newsroom.WaitForAssertion(() => Assert.Single(newsroom.FindAll("#feed .post-card")), WaitTimeout);
        Assert.EndsWith(
            $"/programmes/{_programme.Id}/dashboard",
            newsroom.Find("#newsroom-dashboard-link").GetAttribute("href"));
        Assert.Empty(newsroom.FindAll("#post-submit"));
    }

    [Fact]
    public async Task Another_mentors_post_appears_in_the_feed_without_a_reload()
    {
        var newsroom = RenderNewsroom();
        newsroom.WaitForAssertion(() => Assert.Single(newsroom.FindAll("#feed .post-card")), WaitTimeout);

        var result = await _features.Posts.CreateAsync(_programme.Id, _otherMatch.MentorId, new PostInput
        {
            MatchId = _otherMatch.Id,
            Date = new DateTime(2026, 12, 3),
            Minutes = 45,
            ActivityTypeKey = "activity.coffee",
            TopicKeys = ["topic.work"],
            Rating = 4,
            Text = "Coffee and a look at job adverts.",
        });

        Assert.True(result.Saved);
        newsroom.WaitForAssertion(() =>
        {
            var posts = newsroom.FindAll("#feed .post-card");
            Assert.Equal(2, posts.Count);
            Assert.Contains("Coffee and a look at job adverts.", posts[0].TextContent);
        }, WaitTimeout);
    }

    [Fact]
    public async Task Posts_saved_while_offline_appear_when_the_connection_comes_back()
    {
        var newsroom = RenderNewsroom();
        newsroom.WaitForAssertion(() => Assert.Single(newsroom.FindAll("#feed .post-card")), WaitTimeout);

        await _data.AddPostAsync(_otherMatch, new DateOnly(2026, 12, 1), text: "Library visit.");
        await Services.GetRequiredService<CircuitConnection>().RaiseRestoredAsync();

        newsroom.WaitForAssertion(
            () => Assert.Contains("Library visit.", newsroom.Find("#feed .post-card").TextContent), WaitTimeout);
    }

    [Fact]
    public void Mentor_whose_match_has_had_no_post_for_weeks_sees_a_reminder_above_the_form()
    {
        var newsroom = RenderNewsroom();

        newsroom.WaitForAssertion(() => Assert.Contains(
            "You have not posted about your meetings with Selam Test for 277 days.",
            newsroom.Find("#reminder-banner").TextContent), WaitTimeout);
        Assert.DoesNotContain("Oleh Test", newsroom.Find("#reminder-banner").TextContent);
    }

    [Fact]
    public async Task Mentor_posting_past_the_posting_limit_is_asked_to_wait_and_nothing_more_is_saved()
    {
        var newsroom = RenderNewsroom();
        newsroom.WaitForAssertion(() => Assert.Single(newsroom.FindAll("#post-submit")), WaitTimeout);
        var save = newsroom.FindComponent<PostForm>().Instance.Save;
        var limit = new RateLimitOptions().Posting.PermitLimit;

        var results = new List<PostResult>();
        for (var i = 0; i <= limit; i++)
        {
            results.Add(await newsroom.InvokeAsync(() => save(new PostInput
            {
                MatchId = _ownMatch.Id,
                Date = new DateTime(2026, 12, 3).AddDays(-i),
                Minutes = 30,
                ActivityTypeKey = "activity.walk",
                TopicKeys = ["topic.work"],
                Rating = 4,
                Text = "A short walk.",
            })));
        }

        Assert.All(results.Take(limit), r => Assert.True(r.Saved));
        var refused = Assert.Single(results.Skip(limit));
        Assert.False(refused.Saved);
        Assert.Contains("Please wait a few minutes", Assert.Single(refused.Errors).Message);
        await using var db = await _database.OpenAsync();
        Assert.Equal(limit, db.Posts.Count(p => p.MatchId == _ownMatch.Id));
    }

    private IRenderedComponent<MentorDashboard.Features.Newsroom.Newsroom> RenderNewsroom()
    {
        var newsroom = Render<MentorDashboard.Features.Newsroom.Newsroom>(
            p => p.Add(n => n.ProgrammeId, _programme.Id));
        RenderPopoverProvider();
        return newsroom;
    }

    private async Task<Match> AddMatchAsync(string mentorName, string menteeName)
    {
        var mentor = await _data.AddPersonAsync(mentorName, _programme.Id, ProgrammeRole.Mentor);
        var mentee = await _data.AddPersonAsync(menteeName, _programme.Id, ProgrammeRole.Mentee);
        return await _data.AddMatchAsync(_programme.Id, mentor, mentee, new DateOnly(2026, 3, 1));
    }
}
