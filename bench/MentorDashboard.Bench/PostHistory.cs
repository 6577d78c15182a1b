using MentorDashboard.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Bench;

/// <param name="SampleSubmissionId">One written submission id, to check that EF Core finds it.</param>
internal sealed record PostHistoryResult(
    int Posts,
    int PostTopics,
    int MeasuredPosts,
    int MeasuredPostsThisMonth,
    Guid SampleSubmissionId);

/// <summary>
/// Writes years of made-up meeting reports straight into the Posts and PostTopics tables, in one
/// transaction with two reused INSERT commands: far faster than tracking 100,000 entities in EF Core.
/// Dates are bound as DateOnly and DateTime, which Microsoft.Data.Sqlite writes in the text formats EF
/// Core writes; a Guid is bound as upper-case text, as EF Core stores it (as a Guid it would be a blob).
/// </summary>
internal static class PostHistory
{
    private static readonly string[] PostColumns =
    [
        "Id", "ProgrammeId", "MatchId", "AuthorId", "Date", "Minutes", "ActivityTypeKey", "Rating",
        "Text", "CreatedAtUtc", "SubmissionId",
    ];

    private static readonly string[] PostTopicColumns = ["PostId", "TopicKey"];

    private static readonly string[] Texts =
    [
        "We walked along the river and talked about the week.",
        "Coffee after school; we planned the next steps for the application.",
        "We practised for the interview and laughed a lot.",
        "Short meeting today, we went through a letter together.",
        "We cooked together and talked about family and friends.",
        "A quiet afternoon at the library doing homework.",
    ];

    /// <summary>Mostly good meetings and some hard ones.</summary>
    private static readonly int[] Ratings = [1, 2, 3, 3, 4, 4, 4, 4, 5, 5];

    public static async Task<PostHistoryResult> WriteAsync(
        AppDbContext db,
        SampleNetworkResult network,
        int total,
        DateTimeOffset now,
        Random random,
        CancellationToken cancellationToken)
    {
        var planned = Plan(network, total, now.UtcDateTime, random);
        var topics = new List<string>(3);
        var topicRows = 0;
        var sampleSubmissionId = Guid.NewGuid();

        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await using (var transaction = connection.BeginTransaction())
        {
            using var insertPost = Insert(transaction, "Posts", PostColumns);
            using var insertTopic = Insert(transaction, "PostTopics", PostTopicColumns);
            for (var i = 0; i < planned.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (programmeId, match, date, createdAtUtc) = planned[i];
                var postId = i + 1L;
                Execute(
                    insertPost,
                    postId,
                    programmeId,
                    match.Id,
                    match.MentorId,
                    date,
                    30 + (15 * random.Next(9)),
                    SampleNetwork.ActivityKeys[Skewed(random, SampleNetwork.ActivityKeys.Length)],
                    Ratings[random.Next(Ratings.Length)],
                    Texts[random.Next(Texts.Length)],
                    createdAtUtc,
                    (i == 0 ? sampleSubmissionId : Guid.NewGuid()).ToString().ToUpperInvariant());

                PickTopics(random, topics);
                foreach (var topic in topics)
                {
                    Execute(insertTopic, postId, topic);
                }

                topicRows += topics.Count;
            }

            await transaction.CommitAsync(cancellationToken);
        }

        // Measure from a plain database file, as a server has between bursts of writes.
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)", cancellationToken);

        // The month as the dashboard counts it: in local time.
        var monthStart = new DateOnly(now.Year, now.Month, 1);
        var measured = planned.Where(p => p.ProgrammeId == network.Measured.Id).ToList();
        var measuredThisMonth = measured.Count(p => p.Date >= monthStart);
        return new PostHistoryResult(
            planned.Count, topicRows, measured.Count, measuredThisMonth, sampleSubmissionId);
    }

    /// <summary>
    /// Which match met on which day and when the post was saved, in the order of saving: ids then
    /// follow time as in a real database, so a card over the last 90 days reads neighbouring rows, not
    /// rows from all over the file.
    /// </summary>
    private static List<PlannedPost> Plan(
        SampleNetworkResult network, int total, DateTime nowUtc, Random random)
    {
        var planned = new List<PlannedPost>(total);
        foreach (var programme in network.Programmes)
        {
            var matchDays = new MatchDays(programme.Matches);
            var count = programme == network.Programmes[^1]
                ? total - planned.Count
                : (int)(total * programme.Shape.PostShare);
            for (var i = 0; i < count; i++)
            {
                var (match, date) = matchDays.Pick(random);

                // Saved on the day of the meeting between 07:00 and 22:00, and never after now.
                var savedAtUtc = date.ToDateTime(new TimeOnly(7, 0))
                    .AddMinutes(random.Next(15 * 60));
                var createdAtUtc = savedAtUtc < nowUtc ? savedAtUtc : nowUtc;
                planned.Add(new PlannedPost(programme.Id, match, date, createdAtUtc));
            }
        }

        planned.Sort((a, b) => a.CreatedAtUtc.CompareTo(b.CreatedAtUtc));
        return planned;
    }

    /// <summary>One to three different topics; a few come up far more often than others.</summary>
    private static void PickTopics(Random random, List<string> topics)
    {
        topics.Clear();
        var count = random.Next(1, 4);
        while (topics.Count < count)
        {
            var topic = SampleNetwork.TopicKeys[Skewed(random, SampleNetwork.TopicKeys.Length)];
            if (!topics.Contains(topic))
            {
                topics.Add(topic);
            }
        }
    }

    /// <summary>
    /// An index below <paramref name="count"/>, low ones more likely: the product of two uniform numbers
    /// leans towards zero.
    /// </summary>
    private static int Skewed(Random random, int count) =>
        (int)(count * random.NextDouble() * random.NextDouble());

    private static SqliteCommand Insert(
        SqliteTransaction transaction, string table, string[] columns)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) "
            + $"VALUES ({string.Join(", ", columns.Select(c => "$" + c))})";
        foreach (var column in columns)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = "$" + column });
        }

        return command;
    }

    /// <summary>Runs an INSERT with <paramref name="values"/> in its columns' order.</summary>
    private static void Execute(SqliteCommand insert, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            insert.Parameters[i].Value = values[i];
        }

        insert.ExecuteNonQuery();
    }

    private readonly record struct PlannedPost(
        int ProgrammeId, SampleMatch Match, DateOnly Date, DateTime CreatedAtUtc);

    /// <summary>
    /// Every day on which a match may have met, laid end to end; a random one of them picks a match
    /// in proportion to how long it has been meeting, and a date inside its time.
    /// </summary>
    private sealed class MatchDays
    {
        private readonly IReadOnlyList<SampleMatch> _matches;
        private readonly int[] _ends;

        public MatchDays(IReadOnlyList<SampleMatch> matches)
        {
            _matches = matches;
            _ends = new int[matches.Count];
            var days = 0;
            for (var i = 0; i < matches.Count; i++)
            {
                days += matches[i].LastMeeting.DayNumber - matches[i].Start.DayNumber + 1;
                _ends[i] = days;
            }
        }

        public (SampleMatch Match, DateOnly Date) Pick(Random random)
        {
            var day = random.Next(_ends[^1]);
            var found = Array.BinarySearch(_ends, day);
            var index = found >= 0 ? found + 1 : ~found;
            var firstDay = index == 0 ? 0 : _ends[index - 1];
            var match = _matches[index];
            return (match, match.Start.AddDays(day - firstDay));
        }
    }
}
