namespace MentorDashboard.Features.Import;

/// <summary>A value of ours that a column of an imported file can fill.</summary>
public enum ImportField
{
    MatchId,
    MentorId,
    MenteeId,
    Stage,
    StartDate,
    ClosureDate,
    ClosureReason,
    MentorName,
    MenteeName,
    MentorEmail,
    MenteeEmail,
    ContactId,
    ContactDate,
    ContactNote,
    ContactChannel,
    ContactWith,
}

/// <summary>
/// One field of an import: <paramref name="Header"/> is the English column header our exports write (and its
/// localisation key); <paramref name="Aliases"/> are lower-case headers other systems use for it, so that a
/// column is mapped on its own when its name says what it holds. Aliases go from specific to general: when
/// several columns fit a field, the one named earlier in the list is taken.
/// </summary>
public sealed record ImportFieldDefinition(
    ImportField Field,
    string Header,
    bool Required,
    bool IsDate,
    IReadOnlyList<string> Aliases);

/// <summary>Which fields each kind of import reads, in the order the mapping step shows them.</summary>
public static class ImportFields
{
    public static IReadOnlyList<ImportFieldDefinition> Roster { get; } =
    [
        new(ImportField.MatchId, "Match id", true, false, ["match id", "matchid", "match number", "match"]),
        new(ImportField.MentorId, "Mentor id", true, false, ["mentor id", "volunteer id", "big id", "mentorid"]),
        new(ImportField.MenteeId, "Mentee id", true, false,
            ["mentee id", "child id", "little id", "youth id", "menteeid"]),
        new(ImportField.Stage, "Status", false, false, ["stage", "status", "match stage", "match status"]),
        new(ImportField.StartDate, "Start date", true, true,
            ["start date", "activation date", "match activation date", "match start date", "start"]),
        new(ImportField.ClosureDate, "Closure date", false, true,
            ["closure date", "match closure date", "end date", "close date", "closed date", "end"]),
        new(ImportField.ClosureReason, "Closure reason", false, false,
            ["closure reason", "match closure reason", "close reason", "reason"]),
        new(ImportField.MentorName, "Mentor", false, false, ["mentor", "mentor name", "volunteer name"]),
        new(ImportField.MenteeName, "Mentee", false, false, ["mentee", "mentee name", "child name"]),
        new(ImportField.MentorEmail, "Mentor e-mail", false, false, ["mentor email", "mentor e-mail"]),
        new(ImportField.MenteeEmail, "Mentee e-mail", false, false, ["mentee email", "mentee e-mail"]),
    ];

    public static IReadOnlyList<ImportFieldDefinition> ContactLog { get; } =
    [
        new(ImportField.MatchId, "Match id", true, false, ["match id", "matchid", "match"]),
        new(ImportField.ContactId, "Contact id", false, false, ["contact id", "activity id", "support contact id"]),
        new(ImportField.ContactDate, "Date", true, true,
            ["completion date", "completed date", "contact date", "completed", "date"]),
        new(ImportField.ContactNote, "Note", false, false,
            ["match support contact notes", "contact note", "note", "notes", "comments", "description"]),
        new(ImportField.ContactChannel, "Channel", false, false, ["channel", "contact type", "contact method"]),
        new(ImportField.ContactWith, "With", false, false, ["with", "contact with", "contacted"]),
    ];

    public static IReadOnlyList<ImportFieldDefinition> Of(ImportKind kind) =>
        kind == ImportKind.Roster ? Roster : ContactLog;
}

/// <summary>
/// The ids our exports write for matches and contacts created here: prefixed, so that they never collide with a
/// source system's numeric ids when the file is imported again.
/// </summary>
public static class OwnIds
{
    public const string Prefix = "md-";

    public static string Of(long id) => Prefix + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static bool TryParse(string value, out long id)
    {
        id = 0;
        return value.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
            && long.TryParse(value.AsSpan(Prefix.Length), System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out id);
    }
}
