using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace MentorDashboard.Tests.Features.Import;

/// <summary>
/// The sample exports in <c>TestData/Import</c> (described in its README) and the larger files tests generate:
/// a roster of hundreds of rows with chosen rows broken, and workbooks.
/// </summary>
internal static class ImportSamples
{
    public const string CrmRoster = "roster-crm-us-dates.csv";

    public const string CatalanRoster = "roster-catalan-1252.csv";

    public const string OwnExportRoster = "roster-own-export.tsv";

    public const string RoundedIdRoster = "roster-rounded-id.csv";

    public const string ProblemRoster = "roster-problems.csv";

    public const string ContactLog = "contacts-multiline.csv";

    public const string ProblemContactLog = "contacts-problems.csv";

    /// <summary>The header of our own roster export, from the import's field definitions.</summary>
    public const string OwnRosterHeader =
        "Match id,Mentor id,Mentee id,Status,Start date,Closure date,Closure reason";

    private static readonly string[] Reasons =
        ["Volunteer: Time constraint", "Child: Lost interest", "Successful match closure"];

    public static string PathOf(string sample) =>
        Path.Combine(AppContext.BaseDirectory, "TestData", "Import", sample);

    /// <summary>
    /// A roster in our own export's columns with <paramref name="rows"/> matches on spreadsheet rows 2 onwards,
    /// one in four of them closed for one of three CRM reasons. The rows numbered in <paramref name="badRows"/>
    /// each carry one problem: a closure before the start, a 31 February or a missing mentor id, in turn.
    /// </summary>
    public static string Roster(int rows, params int[] badRows)
    {
        var text = new StringBuilder(OwnRosterHeader).Append("\r\n");
        for (var row = 2; row < rows + 2; row++)
        {
            var start = new DateOnly(2022, 1, 3).AddDays(row * 7 % 1200);
            var closed = row % 4 == 0;
            var closure = closed ? start.AddDays(200).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";
            var startText = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var mentor = MentorId(row);
            if (Array.IndexOf(badRows, row) is var bad and >= 0)
            {
                (startText, closure, mentor) = (bad % 3) switch
                {
                    0 => (startText, start.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), mentor),
                    1 => ("2024-02-31", closure, mentor),
                    _ => (startText, closure, ""),
                };
                closed = closure.Length > 0;
            }

            text.Append(CultureInfo.InvariantCulture, $"{MatchId(row)},{mentor},{MenteeId(row)},")
                .Append(closed ? "Closed" : "Active")
                .Append(CultureInfo.InvariantCulture, $",{startText},{closure},")
                .Append(closed ? Reasons[row % Reasons.Length] : "")
                .Append("\r\n");
        }

        return text.ToString();
    }

    /// <summary>An 18-character CRM id for the match on a spreadsheet row.</summary>
    public static string MatchId(int row) => string.Create(CultureInfo.InvariantCulture, $"a0B5e00000{row:D5}MaT");

    public static string MentorId(int row) => string.Create(CultureInfo.InvariantCulture, $"0035e00000{row:D5}VoL");

    public static string MenteeId(int row) => string.Create(CultureInfo.InvariantCulture, $"0035e00000{row:D5}ChD");

    /// <summary>
    /// A roster workbook as a spreadsheet saves it: ids typed as text, except one that was typed as a number and
    /// is stored rounded; dates as date cells.
    /// </summary>
    public static byte[] RosterWorkbook()
    {
        var rows = new List<Dictionary<string, object?>>
        {
            Row("003000000012345678", "V-7001", "C-8001", "Active", new DateTime(2024, 3, 25), null, null),
            Row("003000000012345679", "V-7002", "C-8002", "Closed", new DateTime(2023, 2, 1),
                new DateTime(2024, 6, 30), "Volunteer: Time constraint"),
            Row(300000000012345680d, "V-7003", "C-8003", "Active", new DateTime(2025, 1, 15), null, null),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        return stream.ToArray();
    }

    private static Dictionary<string, object?> Row(
        object matchId, string mentorId, string menteeId, string stage, DateTime start, DateTime? closure,
        string? reason) =>
        new()
        {
            ["Match Id"] = matchId,
            ["Volunteer Id"] = mentorId,
            ["Child Id"] = menteeId,
            ["Stage"] = stage,
            ["Match Activation Date"] = start,
            ["Match Closure Date"] = closure,
            ["Match Closure Reason"] = reason,
        };
}
