using MentorDashboard.Data;
using MentorDashboard.Features.Framework;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Features.Demo;

/// <summary>Fills an empty database with a believable, made-up demo network.</summary>
public sealed partial class DemoSeeder(
    IDbContextFactory<AppDbContext> dbFactory,
    IPasswordHasher<Person> passwordHasher,
    TimeProvider time,
    ILogger<DemoSeeder> logger)
{
    /// <summary>Fixed, so that the same today always gives the same demo network.</summary>
    private const int RandomSeed = 2026;

    /// <summary>Responses draw from a generator of their own, so adding them left the network's draws as they were.
    /// </summary>
    private const int ResponsesRandomSeed = 2027;

    /// <summary>So do the closure reasons, pauses and status history of the matches.</summary>
    private const int MatchHistoryRandomSeed = 2028;

    /// <summary>And the support contacts coordinators logged.</summary>
    private const int ContactsRandomSeed = 2029;

    /// <summary>And the matches made to slip or struggle, so the health rules have something to show.</summary>
    private const int HealthRandomSeed = 2031;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Networks.AnyAsync(cancellationToken))
        {
            return;
        }

        var today = time.Today();
        var demo = DemoHealth.Shape(new DemoNetworkBuilder(RandomSeed, today).Build(), HealthRandomSeed, today);

        // Hashing is slow on purpose, so the shared password is hashed once for all demo accounts.
        var passwordHash = passwordHasher.HashPassword(demo.Admin, DemoAccounts.Password);
        foreach (var person in demo.People.Where(person => person.IsDemo))
        {
            person.PasswordHash = passwordHash;
        }

        // One transaction: a failed seed leaves an empty database that the next start seeds again.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Networks.Add(demo.Network);
        await db.SaveChangesAsync(cancellationToken);

        // Closure reasons need the programmes' ids, and closed matches need the reasons' ids.
        var history = new DemoMatchHistoryBuilder(MatchHistoryRandomSeed, today, demo);
        var reasons = history.BuildReasons();
        db.AddRange(reasons);
        await db.SaveChangesAsync(cancellationToken);
        history.PauseAndLinkClosures(reasons);

        // These two keys have no navigation to fix them up, so they are copied once the ids exist.
        demo.Admin.AdminOfNetworkId = demo.Network.Id;
        foreach (var post in demo.Posts)
        {
            post.ProgrammeId = post.Match.Programme.Id;
        }

        db.Users.AddRange(demo.People);
        db.Memberships.AddRange(demo.Memberships);
        db.Matches.AddRange(demo.Matches);
        db.Posts.AddRange(demo.Posts);
        var youth = DemoQuestionnaires.Youth();
        var mentor = DemoQuestionnaires.Mentor();
        youth.NetworkId = mentor.NetworkId = demo.Network.Id;
        db.AddRange(youth, mentor);
        db.Set<FrameworkVersion>().Add(FrameworkVersionService.FirstVersionOf(
            demo.Network,
            demo.Admin.Id,
            "The shared framework of the demo network.",
            time.GetUtcNow().UtcDateTime,
            [youth, mentor]));
        await db.SaveChangesAsync(cancellationToken);

        // Responses and status changes refer to matches by id only, so they wait for the save above.
        var responses = new DemoResponseBuilder(ResponsesRandomSeed, today)
            .Build(demo.Matches, demo.StoppedMatches, youth, mentor);
        db.AddRange(responses);
        db.AddRange(history.BuildHistory());
        var contacts = new DemoContactsBuilder(ContactsRandomSeed, today).Build(demo.Matches, demo.Memberships);
        db.AddRange(contacts);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var elapsed = time.GetElapsedTime(started);
        LogSeeded(
            logger,
            demo.Network.Programmes.Count,
            demo.Matches.Count,
            demo.Posts.Count,
            responses.Count,
            (long)elapsed.TotalMilliseconds);
    }

    [LoggerMessage(EventId = 9001, Level = LogLevel.Information,
        Message = "Demo network seeded: {Programmes} programmes, {Matches} matches, {Posts} posts, "
            + "{Responses} questionnaire responses in {ElapsedMs} ms")]
    private static partial void LogSeeded(
        ILogger logger, int programmes, int matches, int posts, int responses, long elapsedMs);
}
