using System.Globalization;
using MentorDashboard.Data;

namespace MentorDashboard.Features.Matches;

/// <summary>The fields a match change can be refused for, so a dialog shows each error at its input.</summary>
public static class MatchFields
{
    public const string Match = "match";

    public const string Mentor = "mentor";

    public const string Mentee = "mentee";

    public const string Date = "date";

    public const string Reason = "reason";

    public const string ExpectedResumeDate = "expectedResumeDate";

    public const string Note = "note";

    public const string Label = "label";
}

/// <summary>
/// One reason a change was refused. <see cref="Message"/> is the English text and localisation key, with
/// <see cref="Argument"/> (a date or a number) in its <c>{0}</c>.
/// </summary>
public sealed record MatchError(string Field, string Message, object? Argument = null)
{
    public string Text => string.Format(CultureInfo.InvariantCulture, Message, Argument);
}

/// <summary>Either the match that was saved or every reason it was refused; nothing is stored when refused.</summary>
public sealed record MatchResult(int? MatchId, IReadOnlyList<MatchError> Errors)
{
    public bool Saved => Errors.Count == 0;

    public static MatchResult Rejected(params MatchError[] errors) => new(null, errors);
}

/// <summary>What the "New match" dialog sends; dates are <see cref="DateTime"/>, as MudBlazor's picker gives.
/// </summary>
public sealed class NewMatchInput
{
    public string? MentorId { get; set; }

    public string? MenteeId { get; set; }

    public DateTime? StartDate { get; set; }
}

public sealed class PauseInput
{
    public DateTime? PausedOn { get; set; }

    public string? Reason { get; set; }

    public DateTime? ExpectedResumeDate { get; set; }
}

public sealed class ResumeInput
{
    public DateTime? ResumedOn { get; set; }
}

public sealed class CloseInput
{
    public int? ClosureReasonId { get; set; }

    public DateTime? ClosureDate { get; set; }

    public string? Note { get; set; }
}

/// <summary>A mentor or mentee of the programme, offered in the "New match" dialog.</summary>
public sealed record PersonOption(string Id, string Name);

/// <summary>Which matches the list shows, one page at a time.</summary>
/// <param name="Search">Part of the mentor's or mentee's name; ignored when blank.</param>
/// <param name="Page">Zero-based.</param>
public sealed record MatchQuery(MatchStatus Status, string? Search, int Page, int PageSize);

public sealed record MatchCounts(int Active, int Paused, int Closed)
{
    public int Of(MatchStatus status) => status switch
    {
        MatchStatus.Active => Active,
        MatchStatus.Paused => Paused,
        _ => Closed,
    };
}

/// <param name="Total">How many matches fit the query, over all pages.</param>
/// <param name="Counts">The programme's matches per status, whatever the query.</param>
public sealed record MatchListPage(IReadOnlyList<MatchRow> Rows, int Total, MatchCounts Counts);

/// <summary>One match in the list.</summary>
/// <param name="Since">The start of an active match, the pause of a paused one, the closure of a closed one.
/// </param>
/// <param name="Reason">The pause or closure reason.</param>
/// <param name="LastMeeting">The date of the pair's latest post; null when they have none.</param>
public sealed record MatchRow(
    int Id,
    string MentorName,
    string MenteeName,
    MatchStatus Status,
    DateOnly StartDate,
    DateOnly Since,
    string? Reason,
    DateOnly? ExpectedResumeDate,
    DateOnly? LastMeeting);

/// <summary>The match page's header: who, since when, and where the match stands.</summary>
/// <param name="ExternalId">The id of an imported match in the system it came from, to look it up there.</param>
public sealed record MatchDetails(
    int Id,
    int ProgrammeId,
    string ProgrammeName,
    string MentorName,
    string MenteeName,
    MatchStatus Status,
    DateOnly StartDate,
    DateOnly? PausedOn,
    string? PauseReason,
    DateOnly? ExpectedResumeDate,
    DateOnly? ClosureDate,
    string? ClosureReason,
    string? ClosureNote,
    string? ExternalId = null)
{
    /// <summary>Days from the start to the closure, or to today while the match goes on; 0 before it starts.
    /// </summary>
    public int LengthInDays(DateOnly today) =>
        Math.Max(0, (ClosureDate ?? today).DayNumber - StartDate.DayNumber);
}

/// <summary>A closure reason as the admin's list and the close dialog show it.</summary>
/// <param name="Matches">How many matches were closed for it.</param>
public sealed record ClosureReasonView(int Id, string Label, int SortOrder, bool IsRetired, int Matches);
