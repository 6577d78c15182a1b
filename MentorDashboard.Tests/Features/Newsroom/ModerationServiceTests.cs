using System.Globalization;
using MentorDashboard.Data;
using MentorDashboard.Features.Audit;
using MentorDashboard.Features.Newsroom;
using MentorDashboard.Tests.Features.PublicNewsroom;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Tests.Features.Newsroom;

public sealed class ModerationServiceTests : IAsyncLifetime
{
    private PublicScenario _scenario = null!;

    private ModerationService Moderation => _scenario.Services.Moderation;

    private int ProgrammeId => _scenario.Programme.Id;

    public async ValueTask InitializeAsync()
    {
        _scenario = await PublicScenario.CreateAsync();
        await _scenario.SetNewsroomAsync(isPublic: true, requiresModeration: true);
    }

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Queue_holds_unreviewed_public_posts_and_reported_posts_with_their_reasons()
    {
        var waiting = await _scenario.AddPostAsync("Waiting for approval.");
        await _scenario.AddPostAsync("Private, so nothing to approve.", isPublic: false);
        await _scenario.AddPostAsync("Approved already.", review: PostReview.Approved);
        var reported = await _scenario.AddPostAsync("Reported twice.", review: PostReview.Approved);
        await Report(reported, "It names the school.");
        await Report(reported, "Too personal.");

        var queue = await Moderation.GetQueueAsync(ProgrammeId);

        Assert.Equal(waiting.Id, Assert.Single(queue.Waiting).PostId);
        var item = Assert.Single(queue.Reported);
        Assert.Equal(reported.Id, item.PostId);
        Assert.Equal(["It names the school.", "Too personal."], item.Reasons);
        Assert.Equal("Selam Tesfaye", item.MenteeName);
        Assert.Equal(2, await Moderation.CountAsync(ProgrammeId));
    }

    [Fact]
    public async Task Queue_says_which_posts_wait_for_a_guardians_consent_besides_approval()
    {
        await _scenario.UpdateMenteeAsync(m => m.IsMinor = true);
        await _scenario.AddPostAsync("About a minor without consent.");

        var withoutConsent = Assert.Single((await Moderation.GetQueueAsync(ProgrammeId)).Waiting);
        await _scenario.UpdateMenteeAsync(m => m.GuardianConsentAtUtc = new DateTime(2026, 11, 2, 0, 0, 0));
        var withConsent = Assert.Single((await Moderation.GetQueueAsync(ProgrammeId)).Waiting);

        Assert.True(withoutConsent.MinorWithoutConsent);
        Assert.False(withConsent.MinorWithoutConsent);
    }

    [Fact]
    public async Task Without_moderation_only_reported_posts_wait()
    {
        await _scenario.SetNewsroomAsync(isPublic: true, requiresModeration: false);
        await _scenario.AddPostAsync("Shown at once.");

        var queue = await Moderation.GetQueueAsync(ProgrammeId);

        Assert.Equal(0, queue.Count);
        Assert.Equal(0, await Moderation.CountAsync(ProgrammeId));
    }

    [Theory]
    [InlineData(ModerationDecision.Approve, PostReview.Approved)]
    [InlineData(ModerationDecision.Reject, PostReview.Rejected)]
    [InlineData(ModerationDecision.Keep, PostReview.NotReviewed)]
    public async Task Decision_sets_the_review_resolves_the_reports_and_is_audited(
        ModerationDecision decision, PostReview review)
    {
        var post = await _scenario.AddPostAsync("Reported once.");
        await Report(post, "Not sure this is fine.");

        Assert.True(await Moderation.DecideAsync(ProgrammeId, post.Id, decision, _scenario.Coordinator.Id));

        await using var db = await _scenario.Database.OpenAsync();
        var stored = await db.Posts.SingleAsync(p => p.Id == post.Id);
        Assert.Equal(review, stored.Review);
        Assert.Equal(_scenario.Coordinator.Id, stored.ReviewedById);
        var report = await db.Set<PostReport>().SingleAsync();
        Assert.NotNull(report.ResolvedAtUtc);
        Assert.Equal(_scenario.Coordinator.Id, report.ResolvedById);
        var audit = await db.Set<AuditEntry>().SingleAsync();
        Assert.Equal(
            (AuditKind.PostModerated, _scenario.Coordinator.Id, ProgrammeId, decision.ToString()),
            (audit.Kind, audit.ActorId, audit.ProgrammeId, audit.Detail));
        Assert.Equal(post.Id.ToString(CultureInfo.InvariantCulture), audit.SubjectId);
    }

    [Fact]
    public async Task Decision_on_a_post_of_another_programme_changes_nothing()
    {
        var network = await _scenario.Data.AddNetworkAsync("Other Network");
        var other = await _scenario.Data.AddProgrammeAsync(network.Id, "River Mentors");
        var post = await _scenario.AddPostAsync("Harbour post.");

        Assert.False(await Moderation.DecideAsync(
            other.Id, post.Id, ModerationDecision.Reject, _scenario.Coordinator.Id));

        await using var db = await _scenario.Database.OpenAsync();
        Assert.Equal(PostReview.NotReviewed, (await db.Posts.SingleAsync()).Review);
        Assert.Equal(0, await db.Set<AuditEntry>().CountAsync());
    }

    private async Task Report(Post post, string reason)
    {
        var result = await _scenario.Services.PublicNews.ReportAsync(
            ProgrammeId, post.Id, reason, _scenario.Mentor.Id, reporterIsMember: true);
        Assert.True(result.Saved, result.Error);
    }
}
