using MentorDashboard.Data;
using MentorDashboard.Features.SupportContacts;

namespace MentorDashboard.Features.Import;

/// <summary>How dates written with slashes, dots or dashes read; ISO dates (2024-03-01) are always understood.
/// </summary>
public enum DateOrder
{
    DayFirst,
    MonthFirst,
}

/// <summary>
/// Everything the coordinator decided about a file: which column fills which field, how its dates read, and what
/// its stages and closure reasons mean here. Saved by name as an <see cref="ImportMapping"/>.
/// </summary>
public sealed class ImportSettings
{
    /// <summary>Field → the header of the column that fills it. Columns not named here are ignored.</summary>
    public Dictionary<ImportField, string> Columns { get; set; } = [];

    public DateOrder DateOrder { get; set; }

    /// <summary>The file's stage → our match status (only Active and Closed are offered).</summary>
    public Dictionary<string, MatchStatus> Stages { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The file's closure reason → the label of one of the programme's reasons, new ones included.
    /// </summary>
    public Dictionary<string, string> ClosureReasons { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The channel of contacts whose file has no channel column.</summary>
    public ContactChannel DefaultChannel { get; set; } = ContactChannel.Phone;

    /// <summary>Who the contact was with, for files that do not say.</summary>
    public ContactPerson DefaultWith { get; set; } = ContactPerson.Mentor;
}
