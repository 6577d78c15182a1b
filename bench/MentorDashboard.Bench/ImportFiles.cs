using System.Globalization;
using System.Text;

namespace MentorDashboard.Bench;

/// <summary>The sizes of the two generated exports.</summary>
internal sealed record ImportFilesResult(
    string RosterPath, long RosterBytes, string ContactLogPath, long ContactLogBytes);

/// <summary>
/// Writes the exports of a made-up national youth-mentoring CRM: a match report (18-character ids, US dates,
/// "Who: reason" closure reasons, demographic columns the import ignores) and a contact log of a few hundred
/// characters a note, one note in five over several lines with commas, quotes and semicolons. Every id and
/// every sentence is invented; UTF-8 with a BOM and CRLF line ends, as a CRM on Windows writes them.
/// </summary>
internal static class ImportFiles
{
    public const string PendingClosure = "Pending Closure";

    private const string RosterHeader = "Match ID,Stage,Volunteer ID,Child ID,Program Name,Program Type,"
        + "Match Closure Reason,Match Activation Date,Match Closure Date,Match Length (months),Volunteer Gender,"
        + "Child Age";

    private const string ContactLogHeader = "Match ID,Completion Date,Contact Type,Match Support Contact Notes";

    private static readonly string[] Reasons =
    [
        "Volunteer: Time constraint", "Volunteer: Moved", "Child: Lost interest", "Child: Family moved",
        "Parent: Unhappy with match", "Successful match closure", "Agency: Program ended",
    ];

    private static readonly string[] ContactTypes = ["Phone Call", "In Person", "Email", "Text Message", "Video Call"];

    private static readonly string[] Sentences =
    [
        "Spoke with the volunteer about the last outings",
        "they went to the library, the park and a football match",
        "the child said the match is \"really fun\" and wants to keep meeting",
        "parent confirmed the schedule; no concerns at home",
        "volunteer asked about the activity budget and the next group event",
        "school is going better, according to the family",
        "discussed goals for the next three months: reading, confidence, cooking",
        "meetings were missed twice because of exams; agreed to meet on Saturdays instead",
        "reminded the volunteer to log their hours",
        "child's mother asked for a call back next week",
    ];

    public static async Task<ImportFilesResult> WriteAsync(
        string folder, int matches, int contacts, DateOnly today, Random random, CancellationToken cancellationToken)
    {
        var spans = new (DateOnly Start, DateOnly Last)[matches];
        var rosterPath = Path.Combine(folder, "match-report.csv");
        await using (var roster = Writer(rosterPath))
        {
            await roster.WriteAsync(RosterHeader + "\r\n");
            for (var i = 0; i < matches; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                spans[i] = await WriteMatchAsync(roster, i, matches, today, random);
            }
        }

        var contactLogPath = Path.Combine(folder, "match-support-contacts.csv");
        await using (var log = Writer(contactLogPath))
        {
            await log.WriteAsync(ContactLogHeader + "\r\n");
            for (var i = 0; i < contacts; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();

                // Contacts go round the matches, each later than the match's previous one, so no two of a match
                // share a day (a log without contact ids tells contacts apart by match, date and note).
                var match = i % matches;
                var round = i / matches;
                var rounds = (contacts + matches - 1) / matches;
                var (start, last) = spans[match];
                var date = start.AddDays((last.DayNumber - start.DayNumber) * round / rounds);
                await log.WriteAsync(string.Join(',', MatchId(match), UsDate(date),
                    ContactTypes[random.Next(ContactTypes.Length)], Quoted(Note(random))) + "\r\n");
            }
        }

        return new ImportFilesResult(
            rosterPath, new FileInfo(rosterPath).Length, contactLogPath, new FileInfo(contactLogPath).Length);
    }

    private static async Task<(DateOnly Start, DateOnly Last)> WriteMatchAsync(
        StreamWriter roster, int i, int matches, DateOnly today, Random random)
    {
        // Long enough for every match to take its contacts on days of their own.
        var start = today.AddDays(-random.Next(120, 3650));
        var closed = random.NextDouble() < 0.55;
        var closure = closed ? start.AddDays(random.Next(60, today.DayNumber - start.DayNumber)) : (DateOnly?)null;
        var stage = closed ? "Closed" : random.NextDouble() < 0.05 ? PendingClosure : "Active";
        var last = closure ?? today;
        var months = (last.DayNumber - start.DayNumber) / 30;

        // The last fifth of the matches go to volunteers who have one already.
        var mentor = i % (matches * 4 / 5);
        var site = random.Next(2) == 0;
        await roster.WriteAsync(string.Join(',',
            MatchId(i),
            stage,
            Id("0035e00", mentor, "VoL"),
            Id("0035e00", i, "ChD"),
            site ? "Girona Site" : "Barcelona Community",
            site ? "Site based" : "Community",
            closed ? Reasons[random.Next(Reasons.Length)] : "",
            UsDate(start),
            closure is { } day ? UsDate(day) : "",
            months.ToString(CultureInfo.InvariantCulture),
            random.Next(2) == 0 ? "F" : "M",
            random.Next(8, 18).ToString(CultureInfo.InvariantCulture)) + "\r\n");
        return (start, last);
    }

    private static string Note(Random random)
    {
        var note = new StringBuilder();
        var lines = random.Next(5) == 0 ? random.Next(2, 5) : 1;
        for (var line = 0; line < lines; line++)
        {
            if (line > 0)
            {
                note.Append("\r\n");
            }

            for (var sentence = random.Next(3, 6); sentence > 0; sentence--)
            {
                note.Append(Sentences[random.Next(Sentences.Length)]).Append(sentence > 1 ? ", " : ".");
            }
        }

        return note.ToString();
    }

    private static string MatchId(int i) => Id("a0B5e00", i, "MtC");

    /// <summary>An 18-character CRM id.</summary>
    private static string Id(string prefix, int number, string suffix) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}{number:D8}{suffix}");

    private static string UsDate(DateOnly date) => date.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture);

    private static string Quoted(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static StreamWriter Writer(string path) => new(path, false, new UTF8Encoding(true), 1 << 16);
}
