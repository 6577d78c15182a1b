using MentorDashboard.Data;
using MentorDashboard.Features.Demo;
using MentorDashboard.Features.Matches;
using MentorDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static MentorDashboard.Tests.Features.Demo.DemoSeeding;

namespace MentorDashboard.Tests.Features.Demo;

public sealed class DemoSeederMatchHistoryTests
{
    [Fact]
    public async Task Seed_gives_each_programme_the_roster_reasons_and_links_every_closed_match_to_its_own()
    {
        await using var database = await SeededDatabaseAsync(Now);
        await using var db = await database.OpenAsync();

        var reasons = await db.Set<ClosureReason>().ToListAsync(Cancellation);
        var closed = await db.Matches.Where(m => m.Status == MatchStatus.Closed).ToListAsync(Cancellation);

        Assert.All(reasons.GroupBy(r => r.ProgrammeId), programme => Assert.Equal(
            DemoProgrammes.ClosureReasons.Select(r => r.Reason),
            programme.OrderBy(r => r.SortOrder).Select(r => r.Label)));
        Assert.Equal(3, reasons.Select(r => r.ProgrammeId).Distinct().Count());
        Assert.All(closed, match =>
        {
            var reason = reasons.Single(r => r.Id == match.ClosureReasonId);
            Assert.Equal((match.ProgrammeId, match.ClosureReason), (reason.ProgrammeId, reason.Label));
        });
        Assert.Contains(closed, m => m.ClosureNote is not null);
    }

    [Fact]
    public async Task Demo_dashboards_show_closed_matches_of_most_lengths_and_most_reasons_of_the_last_year()
    {
        await using var database = await SeededDatabaseAsync(Now);
        var dashboard = new FeatureServices(database, new FixedTime(Now)).Dashboard;
        await using var db = await database.OpenAsync();
        var programmes = await db.Programmes.OrderBy(p => p.Id).ToListAsync(Cancellation);

        foreach (var (programme, profile) in programmes.Zip(DemoProgrammes.All))
        {
            var data = await dashboard.LoadAsync(programme.Id, Cancellation);
            var lengths = data.MatchLengths;
            Assert.Equal(profile.ClosedMatches, lengths.ClosedMatches);
            Assert.InRange(lengths.MedianClosedMonths!.Value,
                profile.MedianMatchMonths * 0.7, profile.MedianMatchMonths * 1.3);
            Assert.InRange(lengths.Bands.Count(b => b.Matches > 0), 4, 5);
            Assert.NotNull(lengths.MedianActiveMonths);
            Assert.InRange(data.ClosureReasons.Count, 5, DemoProgrammes.ClosureReasons.Count);
            Assert.DoesNotContain(data.ClosureReasons, r => r.Reason is null);
        }
    }

    [Fact]
    public async Task Seed_pauses_two_matches_of_each_programme_after_their_last_meeting()
    {
        await using var database = await SeededDatabaseAsync(Now);
        await using var db = await database.OpenAsync();

        var paused = await db.Matches
            .Where(m => m.Status == MatchStatus.Paused)
            .Select(m => new
            {
                m.ProgrammeId,
                m.PausedOn,
                m.PauseReason,
                m.ExpectedResumeDate,
                LastMeeting = db.Posts.Where(p => p.MatchId == m.Id).Max(p => (DateOnly?)p.Date),
                IsDemoAccount = m.Mentor.IsDemo,
            })
            .ToListAsync(Cancellation);

        Assert.All(paused.GroupBy(m => m.ProgrammeId), programme => Assert.Equal(2, programme.Count()));
        Assert.Equal(6, paused.Count);
        Assert.All(paused, match =>
        {
            Assert.False(string.IsNullOrEmpty(match.PauseReason));
            Assert.InRange(match.PausedOn!.Value, match.LastMeeting!.Value, Today.AddDays(-1));
            Assert.True(match.ExpectedResumeDate > match.PausedOn);
            Assert.False(match.IsDemoAccount);
        });
    }

    [Fact]
    public async Task Seed_records_each_match_creation_pause_and_closure_by_its_coordinator()
    {
        await using var database = await SeededDatabaseAsync(Now);
        await using var db = await database.OpenAsync();

        var matches = await db.Matches.ToDictionaryAsync(m => m.Id, Cancellation);
        var changes = await db.Set<MatchStatusChange>().ToListAsync(Cancellation);
        var coordinators = await db.Memberships
            .Where(m => m.Role == ProgrammeRole.Coordinator)
            .ToDictionaryAsync(m => m.ProgrammeId, m => m.PersonId, Cancellation);

        Assert.All(matches.Values, match =>
        {
            var steps = changes.Where(c => c.MatchId == match.Id).OrderBy(c => c.EffectiveDate).ToList();
            Assert.Equal((null, MatchStatus.Active, match.StartDate), (steps[0].FromStatus, steps[0].ToStatus,
                steps[0].EffectiveDate));
            var last = steps[^1];
            Assert.Equal(match.Status, last.ToStatus);
            var (date, reason) = match.Status switch
            {
                MatchStatus.Closed => (match.ClosureDate, match.ClosureReason),
                MatchStatus.Paused => (match.PausedOn, match.PauseReason),
                _ => (match.StartDate, null),
            };
            Assert.Equal((date, reason), (last.EffectiveDate, last.Reason));
            Assert.All(steps, step => Assert.Equal(coordinators[match.ProgrammeId], step.ChangedById));
        });
        Assert.All(changes, change => Assert.True(change.ChangedAtUtc < Now.UtcDateTime));
    }
}
