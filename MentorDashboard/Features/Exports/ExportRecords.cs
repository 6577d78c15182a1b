using MentorDashboard.Data;

namespace MentorDashboard.Features.Exports;

/// <summary>The tables a coordinator can download.</summary>
public enum ExportTable
{
    Matches,
    Posts,
    Contacts,
    Responses,
}

public enum ExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>Which matches an export covers, as the page that offers it filters them.</summary>
/// <param name="Status">Only matches in this status; all of them when null.</param>
/// <param name="Search">Part of the mentor's or mentee's name, as the matches list searches; ignored when blank.
/// </param>
/// <param name="MatchId">Only this match, for the match page's downloads.</param>
public sealed record ExportFilter(MatchStatus? Status = null, string? Search = null, int? MatchId = null);

/// <summary>
/// One table ready to write: its header row in the reader's language and its rows, read from the database as they
/// are written. A cell is text, a whole number, a decimal number or null; dates are ISO text already.
/// </summary>
/// <param name="FileStem">The file name without its extension, such as <c>harbour-mentors-matches-2026-12-04</c>.
/// </param>
/// <param name="SheetName">The name of the workbook's one sheet.</param>
public sealed record ExportSheet(
    string FileStem, string SheetName, IReadOnlyList<string> Headers, IAsyncEnumerable<object?[]> Rows);
