using System.Globalization;
using MentorDashboard.Data;
using MentorDashboard.Features.Demo;
using MentorDashboard.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using static System.FormattableString;
using static MentorDashboard.Tests.Features.Demo.DemoSeeding;

namespace MentorDashboard.Tests.Features.Demo;

public sealed class DemoSeederTests
{
    [Fact]
    public async Task Seed_creates_one_network_with_the_shared_framework_items()
    {
        await using var database = await SeededDatabaseAsync(Now);
        await using var db = await database.OpenAsync();

        var network = await db.Networks.SingleAsync(Cancellation);
        var items = await db.FrameworkItems.ToListAsync(Cancellation);

        Assert.All(items, item => Assert.Equal(network.Id, item.NetworkId));
        Assert.Equal(
            DemoFramework.Topics.Select(t => t.Key),
            KeysInOrder(items, FrameworkItemKind.Topic));
        Assert.Equal(
            DemoFramework.ActivityTypes.Select(t => t.Key),
            KeysInOrder(items, FrameworkItemKind.ActivityType));
    }

    [Fact]
    public async Task Seed_creates_three_programmes_with_about_forty_active_matches()
    {
        await using var database = await SeededDatabaseAsync(Now);
        await using var db = await database.OpenAsync();

        var programmes = await db.Programmes
            .OrderBy(p => p.Id)
            .Select(p => new
            {
                p.Kind,
                Active = db.Matches.Count(m => m.ProgrammeId == p.Id && m.Status == MatchStatus.Active),
            })
            .ToListAsync(Cancellation);

        Assert.Equal(
            [ProgrammeKind.Community, ProgrammeKind.SchoolBased, ProgrammeKind.Online],
            programmes.Select(p => p.Kind));
        Assert.All(programmes, p => Assert.InRange(p.Active, 35, 45));
    }

    [Fact]
    public async Task Seed_closes_about_three_quarters_of_all_matches_with_a_date_and_reason()
    {
        await using var database = await SeededDatabaseAsync(Now);
        await using var db = await database.OpenAsync();

        var matches = await db.Matches.ToListAsync(Cancellation);
        var closed = matches.Where(m => m.Status == MatchStatus.Closed).ToList();

        Assert.InRange((double)closed.Count / matches.Count, 0.7, 0.8);
        Assert.All(closed, m => Assert.InRange(m.ClosureDate!.Value, m.StartDate.AddDays(1), Today));
        Assert.All(closed, m => Assert.False(string.IsNullOrEmpty(m.ClosureReason)));
        Assert.All(matches.Except(closed), m => Assert.Null(m.ClosureDate));
        Assert.All(matches.Except(closed), m => Assert.Null(m.ClosureReason));
    }

    [Fact]
    public async Task Seed_closes_matches_for_the_roster_reasons_most_common_first()
    {
        await using var database = await SeededDatabaseAsync(Now);
        await using var db = await database.OpenAsync();

        var reasons = await db.Matches
            .Where(m => m.Status == MatchStatus.Closed)
            .GroupBy(m => m.ClosureReason)
            .OrderByDescending(g => g.Count())
            .Select(g => g.Key)
            .ToListAsync(Cancellation);

        Assert.Equal(
            [
                "Mentor: lack of time", "Mentee: changed school",
                "Mentor: moved away", "Mentee: lost interest",
            ],
            reasons.Take(4));
        Assert.Contains("Successful match closure", reasons);
    }

    [Theory]
    [InlineData(ProgrammeKind.Community, 17)]
    [InlineData(ProgrammeKind.SchoolBased, 10)]
    [InlineData(ProgrammeKind.Online, 24)]
    public async Task Seed_draws_closed_match_lengths_around_the_median_of_the_programme_kind(
        ProgrammeKind kind, double medianMonths)
    {
        await using var database = await SeededDatabaseAsync(Now);
        await using var db = await database.OpenAsync();

        var lengthsInMonths = (await db.Matches
            .Where(m => m.Status == MatchStatus.Closed && m.Programme.Kind == kind)
            .Select(m => new { m.StartDate, m.ClosureDate })
            .ToListAsync(Cancellation))
            .Select(m => (m.ClosureDate!.Value.DayNumber - m.StartDate.DayNumber) / (365.25 / 12))
            .Order()
            .ToList();

        var median = lengthsInMonths[lengthsInMonths.Count / 2];
        Assert.InRange(median, medianMonths * 0.75, medianMonths * 1.25);
    }

    [Fact]
    public async Task Seed_gives_demo_accounts_the_shared_password_and_other_people_no_account()
    {
        await using var database = await SeededDatabaseAsync(Now);
        await using var db = await database.OpenAsync();

        var people = await db.Users.ToListAsync(Cancellation);
        var demoAccounts = people.Where(p => p.IsDemo).ToList();
        var hasher = new PasswordHasher<Person>();

        Assert.Equal(DemoAccountEmails().Order(), demoAccounts.Select(p => p.Email!).Order());
        Assert.Single(demoAccounts.Select(p => p.PasswordHash).Distinct());
        Assert.All(demoAccounts, account =>
        {
            Assert.Equal(account.Email, account.UserName);
            Assert.Equal(account.Email!.ToUpperInvariant(), account.NormalizedEmail);
            Assert.Equal(account.Email!.ToUpperInvariant(), account.NormalizedUserName);
            Assert.True(account.EmailConfirmed);
            Assert.Equal(
                PasswordVerificationResult.Success,
                hasher.VerifyHashedPassword(account, account.PasswordHash!, DemoAccounts.Password));
        });
        Assert.All(people.Except(demoAccounts), person =>
        {
            Assert.Null(person.Email);
            Assert.Null(person.PasswordHash);
            Assert.Equal(person.UserName!.ToUpperInvariant(), person.NormalizedUserName);
            Assert.False(string.IsNullOrEmpty(person.SecurityStamp));
        });
        var network = await db.Networks.SingleAsync(Cancellation);
        Assert.Equal(network.Id, people.Single(p => p.Email == DemoAccounts.Admin).AdminOfNetworkId);
    }

    [Fact]
    public async Task Seed_gives_every_mentor_mentee_and_coordinator_a_membership_in_their_programme()
    {
        await using var database = await SeededDatabaseAsync(Now);
        await using var db = await database.OpenAsync();

        var memberships = (await db.Memberships.ToListAsync(Cancellation))
            .Select(m => (m.PersonId, m.ProgrammeId, m.Role))
            .ToHashSet();
        var matches = await db.Matches.ToListAsync(Cancellation);
        var coordinators = await db.Memberships
            .Where(m => m.Role == ProgrammeRole.Coordinator)
            .Select(m => m.Person.Email)
            .ToListAsync(Cancellation);

        Assert.All(matches, match =>
        {
            Assert.Contains((match.MentorId, match.ProgrammeId, ProgrammeRole.Mentor), memberships);
            Assert.Contains((match.MenteeId, match.ProgrammeId, ProgrammeRole.Mentee), memberships);
        });
        Assert.Equal(
            [DemoAccounts.CityCoordinator, DemoAccounts.JobsCoordinator, DemoAccounts.SchoolCoordinator],
            coordinators.Order());
    }

    [Fact]
    public async Task Seed_twice_changes_nothing()
    {
        await using var database = await SeededDatabaseAsync(Now);
        var before = await FingerprintAsync(database);

        await SeedAsync(database, Now.AddDays(1));

        Assert.Equal(before, await FingerprintAsync(database));
    }

    [Fact]
    public async Task Seed_on_the_same_day_creates_the_same_network()
    {
        await using var morning = await SeededDatabaseAsync(Now);
        await using var evening = await SeededDatabaseAsync(
            new DateTimeOffset(2026, 12, 4, 23, 59, 0, TimeSpan.Zero));

        Assert.Equal(await FingerprintAsync(morning), await FingerprintAsync(evening));
    }

    [Theory]
    [InlineData("2026-12-04")]
    [InlineData("2031-02-28")]
    public async Task Seed_dates_everything_relative_to_today_so_the_demo_looks_current(string today)
    {
        var day = DateOnly.Parse(today, CultureInfo.InvariantCulture);
        await using var database = await SeededDatabaseAsync(
            new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
        await using var db = await database.OpenAsync();

        var lastPost = await db.Posts.MaxAsync(p => p.Date, Cancellation);

        Assert.InRange(lastPost, day.AddDays(-3), day.AddDays(-1));
    }

    private static IEnumerable<string> KeysInOrder(
        List<FrameworkItem> items, FrameworkItemKind kind) =>
        items.Where(i => i.Kind == kind).OrderBy(i => i.SortOrder).Select(i => i.Key);

    private static string[] DemoAccountEmails() =>
    [
        DemoAccounts.Admin, DemoAccounts.CityCoordinator, DemoAccounts.SchoolCoordinator,
        DemoAccounts.JobsCoordinator, DemoAccounts.CityMentor, DemoAccounts.SchoolMentor,
        DemoAccounts.JobsMentor, DemoAccounts.CityMentee,
    ];

    /// <summary>Every seeded row a person would see, in a stable order, as one string.</summary>
    private static async Task<string> FingerprintAsync(TestDatabase database)
    {
        await using var db = await database.OpenAsync();
        var people = await db.Users.OrderBy(p => p.UserName).ToListAsync(Cancellation);
        var matches = await db.Matches.OrderBy(m => m.Id).ToListAsync(Cancellation);
        var posts = await db.Posts.Include(p => p.Topics).OrderBy(p => p.Id).ToListAsync(Cancellation);
        string[] lines =
        [
            .. people.Select(p => Invariant($"{p.Id} {p.UserName} {p.DisplayName}")),
            .. matches.Select(m => Invariant(
                $"{m.MentorId} {m.MenteeId} {m.StartDate} {m.ClosureDate} {m.ClosureReason}")),
            .. posts.Select(p => Invariant(
                $"{p.MatchId} {p.CreatedAtUtc:O} {p.Minutes} {p.ActivityTypeKey} {TopicKeys(p)} {p.Text}")),
        ];
        return string.Join('\n', lines);
    }

    private static string TopicKeys(Post post) =>
        string.Join(',', post.Topics.Select(t => t.TopicKey).Order(StringComparer.Ordinal));
}
