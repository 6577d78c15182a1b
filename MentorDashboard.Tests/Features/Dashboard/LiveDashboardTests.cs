using Bunit;
using MentorDashboard.Data;
using MentorDashboard.Features.Dashboard;
using MentorDashboard.Features.Health;
using MentorDashboard.Features.Live;
using MentorDashboard.Features.Matches;
using MentorDashboard.Features.Newsroom;
using MentorDashboard.Tests.Support;

namespace MentorDashboard.Tests.Features.Dashboard;

public sealed class LiveDashboardTests : MudTestContext, IAsyncLifetime
{
    private readonly FixedTime _time = FixedTime.At(2026, 12, 3);
    private TestDatabase _database = null!;
    private TestData _data = null!;
    private FeatureServices _features = null!;
    private Programme _programme = null!;
    private Match _match = null!;
    private Person _coordinator = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _data = new TestData(_database);
        _features = new FeatureServices(_database, _time);
        var network = await _data.AddNetworkAsync();
        _programme = await _data.AddProgrammeAsync(network.Id, "Harbour Mentors");
        var mentor = await _data.AddPersonAsync("Iker Test", _programme.Id, ProgrammeRole.Mentor);
        var mentee = await _data.AddPersonAsync("Selam Test", _programme.Id, ProgrammeRole.Mentee);
        _match = await _data.AddMatchAsync(_programme.Id, mentor, mentee, new DateOnly(2026, 3, 1));
        await _data.AddPostAsync(_match, new DateOnly(2026, 11, 2));
        _coordinator = await _data.AddPersonAsync("Marta Test", _programme.Id, ProgrammeRole.Coordinator);

        // One rule, so the attention card's row comes and goes with the post alone.
        await _features.HealthRules.SaveAsync(_programme.Id, [new HealthRule
        {
            Kind = HealthRuleKind.NoMeetingForDays, Days = 21, Severity = HealthStatus.AtRisk,
        }]);

        this.AddLiveDashboard(_features, _time, _coordinator);
        RenderAs(interactive: true);
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Cards_change_when_a_post_is_saved_without_a_reload()
    {
        var dashboard = Render<LiveDashboard>(p => p.Add(d => d.ProgrammeId, _programme.Id));
        dashboard.WaitForAssertion(() => Assert.Single(dashboard.FindAll("#latest-posts [data-post-id]")), WaitTimeout);
        Assert.Equal("0", dashboard.Find("#headline-meetings .figure").TextContent.Trim());
        Assert.Contains("this week so far: 0", dashboard.Find("#card-meetings").TextContent);
        Assert.Single(dashboard.FindAll("#card-attention [data-match-id]"));

        var result = await _features.Posts.CreateAsync(
            _programme.Id, _match.MentorId, Report(_match, "We found the library together."));

        Assert.True(result.Saved);
        dashboard.WaitForAssertion(() =>
        {
            Assert.Equal(2, dashboard.FindAll("#latest-posts [data-post-id]").Count);
            Assert.Equal("1", dashboard.Find("#headline-meetings .figure").TextContent.Trim());
            Assert.Equal("1.5", dashboard.Find("#headline-hours .figure").TextContent.Trim());
            Assert.Contains("this week so far: 1", dashboard.Find("#card-meetings").TextContent);
            Assert.Empty(dashboard.FindAll("#card-attention [data-match-id]"));
        }, WaitTimeout);
        Assert.Contains("We found the library together.", dashboard.Find("#latest-posts").TextContent);
    }

    [Fact]
    public async Task Match_closed_by_a_coordinator_shows_in_the_length_and_reason_cards_without_a_reload()
    {
        var dashboard = Render<LiveDashboard>(p => p.Add(d => d.ProgrammeId, _programme.Id));
        dashboard.WaitForAssertion(() => Assert.NotNull(dashboard.Find("#lengths-empty")), WaitTimeout);
        Assert.NotNull(dashboard.Find("#closure-reasons-empty"));
        var reason = (await _features.ClosureReasons.ListAsync(_programme.Id)).First(r => r.Label == "Moved away");

        var result = await _features.Matches.CloseAsync(_programme.Id, _match.Id, _coordinator.Id, new CloseInput
        {
            ClosureReasonId = reason.Id, ClosureDate = new DateTime(2026, 12, 2),
        });

        Assert.True(result.Saved);
        dashboard.WaitForAssertion(() =>
        {
            Assert.Equal("Closed matches counted: 1", dashboard.Find("#lengths-counted").TextContent.Trim());
            Assert.Equal("9", dashboard.Find("#lengths-closed-median").TextContent.Trim());
            Assert.Equal("–", dashboard.Find("#lengths-active-median").TextContent.Trim());
            Assert.Equal(
                "Moved away", dashboard.Find("#card-closure-reasons tr.closure-reason .reason").TextContent.Trim());
        }, WaitTimeout);
    }

    [Fact]
    public async Task Cards_ignore_posts_of_another_programme()
    {
        var other = await _data.AddProgrammeAsync(_programme.NetworkId, "Hilltop Mentors");
        var otherMentor = await _data.AddPersonAsync("Pau Test", other.Id, ProgrammeRole.Mentor);
        var otherMentee = await _data.AddPersonAsync("Oleh Test", other.Id, ProgrammeRole.Mentee);
        var otherMatch = await _data.AddMatchAsync(other.Id, otherMentor, otherMentee, new DateOnly(2026, 3, 1));
        var dashboard = Render<LiveDashboard>(p => p.Add(d => d.ProgrammeId, _programme.Id));
        dashboard.WaitForAssertion(() => Assert.Single(dashboard.FindAll("#latest-posts [data-post-id]")), WaitTimeout);

        var elsewhere = await _features.Posts.CreateAsync(other.Id, otherMentor.Id, Report(otherMatch, "Elsewhere."));
        var here = await _features.Posts.CreateAsync(_programme.Id, _match.MentorId, Report(_match, "Here."));

        Assert.True(elsewhere.Saved && here.Saved);
        dashboard.WaitForAssertion(
            () => Assert.Equal(2, dashboard.FindAll("#latest-posts [data-post-id]").Count), WaitTimeout);
        Assert.DoesNotContain("Elsewhere.", dashboard.Markup);
        Assert.DoesNotContain("Pau Test", dashboard.Markup);
        Assert.Equal("1", dashboard.Find("#headline-meetings .figure").TextContent.Trim());
    }

    [Fact]
    public async Task Cards_are_read_again_when_the_connection_comes_back()
    {
        var dashboard = Render<LiveDashboard>(p => p.Add(d => d.ProgrammeId, _programme.Id));
        dashboard.WaitForAssertion(() => Assert.Single(dashboard.FindAll("#latest-posts [data-post-id]")), WaitTimeout);

        // A post saved while this browser was offline: no event reaches this dashboard for it.
        await _data.AddPostAsync(_match, new DateOnly(2026, 12, 1));
        await Services.GetRequiredService<CircuitConnection>().RaiseRestoredAsync();

        dashboard.WaitForAssertion(
            () => Assert.Equal(2, dashboard.FindAll("#latest-posts [data-post-id]").Count), WaitTimeout);
    }

    [Fact]
    public async Task Coordinator_removed_from_the_programme_stops_seeing_it_at_the_next_post()
    {
        var dashboard = Render<LiveDashboard>(p => p.Add(d => d.ProgrammeId, _programme.Id));
        dashboard.WaitForAssertion(() => Assert.Single(dashboard.FindAll("#latest-posts [data-post-id]")), WaitTimeout);

        await using (var db = await _database.OpenAsync())
        {
            db.Memberships.RemoveRange(db.Memberships.Where(m => m.PersonId == _coordinator.Id));
            await db.SaveChangesAsync();
        }

        await _features.Posts.CreateAsync(_programme.Id, _match.MentorId, Report(_match, "After the removal."));

        dashboard.WaitForAssertion(() => Assert.NotNull(dashboard.Find("#no-access")), WaitTimeout);
        Assert.DoesNotContain("After the removal.", dashboard.Markup);
        Assert.Empty(dashboard.FindAll("#latest-posts"));
        Assert.Equal(0, _features.Events.SubscriberCount(_programme.Id));
    }

    [Fact]
    public async Task Dashboard_shows_the_chosen_cards_and_follows_a_new_choice_live()
    {
        await _features.Cards.SaveLayoutAsync(_programme.Id, [DashboardCards.LatestPosts, DashboardCards.Headline]);
        var dashboard = Render<LiveDashboard>(p => p.Add(d => d.ProgrammeId, _programme.Id));
        dashboard.WaitForAssertion(() => Assert.Single(dashboard.FindAll("#latest-posts [data-post-id]")), WaitTimeout);
        Assert.Empty(dashboard.FindAll("#card-meetings"));
        Assert.Equal(
            ["card-latest", "headline-active"],
            dashboard.FindAll("#card-latest, #headline-active").Select(e => e.Id));

        await _features.Cards.SaveLayoutAsync(_programme.Id, [DashboardCards.MeetingsPerWeek]);

        dashboard.WaitForAssertion(() =>
        {
            Assert.NotNull(dashboard.Find("#card-meetings"));
            Assert.Empty(dashboard.FindAll("#card-latest"));
        }, WaitTimeout);
    }

    [Fact]
    public async Task Disposed_dashboard_stops_listening()
    {
        var dashboard = Render<LiveDashboard>(p => p.Add(d => d.ProgrammeId, _programme.Id));
        dashboard.WaitForAssertion(() => Assert.Single(dashboard.FindAll("#latest-posts [data-post-id]")), WaitTimeout);
        Assert.Equal(1, _features.Events.SubscriberCount(_programme.Id));

        await DisposeComponentsAsync();

        Assert.Equal(0, _features.Events.SubscriberCount(_programme.Id));
    }

    private static PostInput Report(Match match, string text) => new()
    {
        MatchId = match.Id,
        Date = new DateTime(2026, 12, 3),
        Minutes = 90,
        ActivityTypeKey = "activity.walk",
        TopicKeys = ["topic.housing"],
        Rating = 5,
        Text = text,
    };
}
