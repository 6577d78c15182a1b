using MentorDashboard.Data;
using MentorDashboard.Features.Newsroom;
using MentorDashboard.Features.PublicNewsroom;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Tests.Features.PublicNewsroom;

public sealed class PublicNewsroomServiceTests : IAsyncLifetime
{
    private PublicScenario _scenario = null!;

    private PublicNewsroomService News => _scenario.Services.PublicNews;

    public async ValueTask InitializeAsync() => _scenario = await PublicScenario.CreateAsync();

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Public_post_is_shown_with_initials_first_name_and_month_only()
    {
        var post = await _scenario.AddPostAsync("Selam Tesfaye showed Iker Aranburu the market.");

        var page = await News.GetPageAsync(_scenario.Programme.Id, 1);

        var shown = Assert.Single(page!.Posts);
        Assert.Equal(post.Id, shown.Id);
        Assert.Equal("Harbour Mentors", page.ProgrammeName);
        Assert.Equal("S. T.", shown.MenteeName);
        Assert.Equal("Iker", shown.MentorName);
        Assert.Equal((2026, 11), (shown.Year, shown.Month));
        Assert.Equal("S. T. showed Iker A. the market.", shown.Text);
    }

    [Fact]
    public async Task Mentee_with_a_nickname_is_shown_by_it_in_the_heading_and_the_story()
    {
        await _scenario.UpdateMenteeAsync(p => p.Nickname = "Sunny");
        await _scenario.AddPostAsync("Selam chose the café.");

        var shown = Assert.Single((await News.GetPageAsync(_scenario.Programme.Id, 1))!.Posts);

        Assert.Equal("Sunny", shown.MenteeName);
        Assert.Equal("Sunny chose the café.", shown.Text);
    }

    [Fact]
    public async Task Private_newsroom_has_no_public_page()
    {
        await _scenario.AddPostAsync("A public post in a newsroom that is private again.");
        await _scenario.SetNewsroomAsync(isPublic: false, requiresModeration: false);

        Assert.Null(await News.GetPageAsync(_scenario.Programme.Id, 1));
        Assert.Null(await News.GetPageAsync(_scenario.Programme.Id + 100, 1));
    }

    [Fact]
    public async Task Private_post_is_not_shown()
    {
        await _scenario.AddPostAsync("Only for the programme.", isPublic: false);

        Assert.Empty((await News.GetPageAsync(_scenario.Programme.Id, 1))!.Posts);
    }

    [Fact]
    public async Task Rejected_post_is_not_shown()
    {
        await _scenario.AddPostAsync("A coordinator said no.", review: PostReview.Rejected);

        Assert.Empty((await News.GetPageAsync(_scenario.Programme.Id, 1))!.Posts);
    }

    [Fact]
    public async Task Unapproved_post_is_not_shown_while_the_programme_moderates_and_approval_shows_it()
    {
        await _scenario.SetNewsroomAsync(isPublic: true, requiresModeration: true);
        var post = await _scenario.AddPostAsync("Waiting for a coordinator.");

        Assert.Empty((await News.GetPageAsync(_scenario.Programme.Id, 1))!.Posts);

        await _scenario.Services.Moderation.DecideAsync(
            _scenario.Programme.Id, post.Id, ModerationDecision.Approve, _scenario.Coordinator.Id);

        Assert.Equal(post.Id, Assert.Single((await News.GetPageAsync(_scenario.Programme.Id, 1))!.Posts).Id);
    }

    [Fact]
    public async Task Report_hides_the_post_at_once_and_keeping_it_shows_it_again()
    {
        var post = await _scenario.AddPostAsync("Someone will find this too personal.");

        var result = await News.ReportAsync(
            _scenario.Programme.Id, post.Id, "It names her school.", reporterId: null, reporterIsMember: false);

        Assert.True(result.Saved, result.Error);
        Assert.Empty((await News.GetPageAsync(_scenario.Programme.Id, 1))!.Posts);

        await _scenario.Services.Moderation.DecideAsync(
            _scenario.Programme.Id, post.Id, ModerationDecision.Keep, _scenario.Coordinator.Id);

        Assert.Single((await News.GetPageAsync(_scenario.Programme.Id, 1))!.Posts);
    }

    [Fact]
    public async Task Minor_without_guardian_consent_is_not_shown_and_consent_shows_the_post()
    {
        await _scenario.UpdateMenteeAsync(p => p.IsMinor = true);
        await _scenario.AddPostAsync("We did homework together.");

        Assert.Empty((await News.GetPageAsync(_scenario.Programme.Id, 1))!.Posts);

        await _scenario.UpdateMenteeAsync(p => p.GuardianConsentAtUtc = new DateTime(2026, 11, 1));

        Assert.Single((await News.GetPageAsync(_scenario.Programme.Id, 1))!.Posts);
    }

    [Fact]
    public async Task Public_newsroom_reads_in_pages_of_ten_newest_first()
    {
        for (var i = 1; i <= 12; i++)
        {
            await _scenario.AddPostAsync($"Meeting {i}.");
        }

        var first = await News.GetPageAsync(_scenario.Programme.Id, 1);
        var second = await News.GetPageAsync(_scenario.Programme.Id, 2);

        Assert.Equal(PublicNewsroomService.PageSize, first!.Posts.Count);
        Assert.True(first.HasOlder);
        Assert.Equal("Meeting 12.", first.Posts[0].Text);
        Assert.Equal(["Meeting 2.", "Meeting 1."], second!.Posts.Select(p => p.Text));
        Assert.False(second.HasOlder);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Report_without_a_reason_is_refused_and_nothing_is_stored(string reason)
    {
        var post = await _scenario.AddPostAsync("A post.");

        var result = await News.ReportAsync(_scenario.Programme.Id, post.Id, reason, null, reporterIsMember: false);

        Assert.False(result.Saved);
        Assert.Equal("Say briefly why this post should not be shown.", result.Error);
        await AssertNoReportsAsync();
    }

    [Fact]
    public async Task Report_with_a_reason_over_500_characters_is_refused()
    {
        var post = await _scenario.AddPostAsync("A post.");

        var result = await News.ReportAsync(
            _scenario.Programme.Id, post.Id, new string('x', 501), null, reporterIsMember: false);

        Assert.Equal("The reason can be at most 500 characters long.", result.Error);
        await AssertNoReportsAsync();
    }

    [Fact]
    public async Task Anonymous_reader_cannot_report_a_private_post_but_a_member_can()
    {
        var post = await _scenario.AddPostAsync("Only for the programme.", isPublic: false);

        var anonymous = await News.ReportAsync(_scenario.Programme.Id, post.Id, "Rude.", null, false);
        Assert.False(anonymous.Saved);
        await AssertNoReportsAsync();

        var member = await News.ReportAsync(
            _scenario.Programme.Id, post.Id, "Rude.", _scenario.Mentor.Id, reporterIsMember: true);
        Assert.True(member.Saved);
        await using var db = await _scenario.Database.OpenAsync();
        var report = await db.Set<PostReport>().SingleAsync();
        Assert.Equal((post.Id, _scenario.Mentor.Id, "Rude."), (report.PostId, report.ReportedById, report.Reason));
    }

    private async Task AssertNoReportsAsync()
    {
        await using var db = await _scenario.Database.OpenAsync();
        Assert.Equal(0, await db.Set<PostReport>().CountAsync());
    }
}
