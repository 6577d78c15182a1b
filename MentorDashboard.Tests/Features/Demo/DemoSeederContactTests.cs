using MentorDashboard.Data;
using MentorDashboard.Features.SupportContacts;
using MentorDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static System.FormattableString;
using static MentorDashboard.Tests.Features.Demo.DemoSeeding;

namespace MentorDashboard.Tests.Features.Demo;

public sealed class DemoSeederContactTests
{
    [Fact]
    public async Task Seed_keeps_most_matches_of_each_programme_on_the_contact_standard_some_behind_a_few_follow_ups()
    {
        await using var database = await SeededDatabaseAsync(Now);
        await using var db = await database.OpenAsync();

        var programmes = await db.Programmes.Select(p => p.Id).ToListAsync(Cancellation);
        var compliance = new List<ContactCompliance>();
        foreach (var programme in programmes)
        {
            compliance.Add(await SupportContactService.ReadComplianceAsync(db, programme, Today, Cancellation));
        }

        Assert.All(compliance, c => Assert.InRange(c.Share!.Value, 0.7, 0.97));
        Assert.All(compliance, c => Assert.Contains(c.Matches, m => m.IsBehind));
        var followUps = compliance.Sum(c => c.Matches.Count(m => m.FollowUpNeeded));
        Assert.InRange(followUps, 2, compliance.Sum(c => c.ActiveMatches) / 5);
    }

    [Fact]
    public async Task Seed_dates_each_contact_inside_its_active_match_logged_by_a_coordinator_with_a_short_note()
    {
        await using var database = await SeededDatabaseAsync(Now);
        await using var db = await database.OpenAsync();

        var contacts = await db.Set<SupportContact>()
            .Join(db.Matches, c => c.MatchId, m => m.Id, (c, m) => new { Contact = c, Match = m })
            .ToListAsync(Cancellation);
        var coordinators = (await db.Memberships
                .Where(m => m.Role == ProgrammeRole.Coordinator)
                .Select(m => new { m.ProgrammeId, m.PersonId })
                .ToListAsync(Cancellation))
            .Select(m => (m.ProgrammeId, m.PersonId))
            .ToHashSet();

        Assert.NotEmpty(contacts);
        Assert.All(contacts, x =>
        {
            Assert.Equal(MatchStatus.Active, x.Match.Status);
            Assert.Equal(x.Match.ProgrammeId, x.Contact.ProgrammeId);
            Assert.InRange(x.Contact.Date, x.Match.StartDate, Today.AddDays(-1));
            Assert.Contains((x.Contact.ProgrammeId, x.Contact.RecordedById!), coordinators);
            Assert.InRange(x.Contact.Note.Length, 10, 80);
        });
    }

    [Fact]
    public async Task Seed_on_the_same_day_logs_the_same_contacts()
    {
        await using var morning = await SeededDatabaseAsync(Now);
        await using var evening = await SeededDatabaseAsync(
            new DateTimeOffset(2026, 12, 4, 23, 59, 0, TimeSpan.Zero));

        Assert.Equal(await ContactsFingerprintAsync(morning), await ContactsFingerprintAsync(evening));
    }

    private static async Task<string> ContactsFingerprintAsync(TestDatabase database)
    {
        await using var db = await database.OpenAsync();
        var contacts = await db.Set<SupportContact>().OrderBy(c => c.Id).ToListAsync(Cancellation);
        return string.Join('\n', contacts.Select(c => Invariant(
            $"{c.MatchId} {c.Date} {c.Channel} {c.With} {c.FollowUpNeeded} {c.RecordedById} {c.Note}")));
    }
}
