using Bunit;
using MentorDashboard.Data;
using MentorDashboard.Features.Dashboard;
using MentorDashboard.Features.Dashboard.Cards;
using MentorDashboard.Features.Health;
using MentorDashboard.Tests.Features.Health;
using MentorDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace MentorDashboard.Tests.Features.Dashboard.Cards;

/// <summary>
/// The "matches that need attention" card: what it shows of a flagged match, and acknowledging a flag on an open
/// dashboard. The programme's rules are the two no-meeting rules; the match last met 16 days ago.
/// </summary>
public sealed class NeedAttentionCardTests : MudTestContext, IAsyncLifetime
{
    private readonly FixedTime _time = FixedTime.At(2026, 12, 3);
    private TestDatabase _database = null!;
    private FeatureServices _features = null!;
    private Programme _programme = null!;
    private Person _coordinator = null!;
    private Match _match = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var data = new TestData(_database);
        _features = new FeatureServices(_database, _time);
        var network = await data.AddNetworkAsync();
        _programme = await data.AddProgrammeAsync(network.Id, "Harbour Mentors");
        _coordinator = await data.AddPersonAsync("Marta Coordinator", _programme.Id, ProgrammeRole.Coordinator);
        var mentor = await data.AddPersonAsync("Iker Mentor", _programme.Id, ProgrammeRole.Mentor);
        var mentee = await data.AddPersonAsync("Selam Mentee", _programme.Id, ProgrammeRole.Mentee);
        _match = await data.AddMatchAsync(_programme.Id, mentor, mentee, new DateOnly(2026, 6, 1));
        await data.AddPostAsync(_match, new DateOnly(2026, 11, 17));
        await _features.SaveDefaultRulesAsync(_programme.Id, HealthRuleKind.NoMeetingForDays);

        this.AddLiveDashboard(_features, _time, _coordinator);
        RenderAs(interactive: true);
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Flagged_match_shows_its_status_reasons_days_and_a_link_to_its_page()
    {
        var matches = (await _features.Dashboard.LoadAsync(_programme.Id)).NeedAttention;

        var card = Render<NeedAttentionCard>(p => p.Add(c => c.Matches, matches));

        var row = card.Find($"#card-attention [data-match-id='{_match.Id}']");
        Assert.Equal("Needs check-in", row.QuerySelector(".status")!.TextContent.Trim());
        Assert.Equal("No meeting for 16 days", row.QuerySelector(".reason")!.TextContent.Trim());
        Assert.Equal("16", row.QuerySelector(".days p")!.TextContent.Trim());
        Assert.Contains("last met 17 Nov", row.QuerySelector(".days")!.TextContent);
        var link = row.QuerySelector("a.match-link")!;
        Assert.Equal($"/programmes/{_programme.Id}/matches/{_match.Id}", link.GetAttribute("href"));
        Assert.Contains("Iker Mentor", link.TextContent);
        Assert.Contains("Selam Mentee", link.TextContent);
    }

    [Fact]
    public void Programme_with_every_match_on_track_says_so()
    {
        var card = Render<NeedAttentionCard>(p => p.Add(c => c.Matches, []));

        Assert.Contains("Every active match is on track.", card.Find("#card-attention").TextContent);
    }

    [Fact]
    public async Task Acknowledged_flag_leaves_the_open_dashboard_and_returns_when_a_late_post_arrives()
    {
        var dashboard = Render<LiveDashboard>(p => p.Add(d => d.ProgrammeId, _programme.Id));
        dashboard.WaitForElement($"#card-attention [data-match-id='{_match.Id}']", WaitTimeout);

        dashboard.Find($"#card-attention [data-match-id='{_match.Id}'] .acknowledge").Click();

        dashboard.WaitForAssertion(
            () => Assert.Empty(dashboard.FindAll("#card-attention [data-match-id]")), WaitTimeout);
        await using (var db = await _database.OpenAsync())
        {
            var stored = await db.Set<HealthAcknowledgement>().SingleAsync();
            Assert.Equal((_match.Id, _coordinator.Id), (stored.MatchId, stored.AcknowledgedById));
        }

        _time.Now = _time.Now.AddHours(1);
        var late = await _features.Posts.CreateAsync(
            _programme.Id, _match.MentorId, HealthTestData.LateReport(_match, new DateTime(2026, 11, 16)));

        Assert.True(late.Saved);
        dashboard.WaitForElement($"#card-attention [data-match-id='{_match.Id}']", WaitTimeout);
    }

    [Fact]
    public async Task Acknowledging_after_losing_the_coordinator_role_keeps_the_flag_and_says_why()
    {
        var snackbars = Render<MudSnackbarProvider>();
        var matches = (await _features.Dashboard.LoadAsync(_programme.Id)).NeedAttention;
        var card = Render<NeedAttentionCard>(p => p.Add(c => c.Matches, matches));
        await using (var db = await _database.OpenAsync())
        {
            await db.Memberships.Where(m => m.PersonId == _coordinator.Id).ExecuteDeleteAsync();
        }

        card.Find(".acknowledge").Click();

        snackbars.WaitForAssertion(() => Assert.Contains(
            "You can no longer follow up matches in this programme.", snackbars.Markup), WaitTimeout);
        Assert.Single(card.FindAll("#card-attention [data-match-id]"));
        await using var check = await _database.OpenAsync();
        Assert.Equal(0, await check.Set<HealthAcknowledgement>().CountAsync());
    }
}
