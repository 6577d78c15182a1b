namespace MentorDashboard.Features.Questionnaires;

/// <summary>One part of a questionnaire (a scale, an item) as the admin edits it, saved when they press its Save.
/// </summary>
/// <param name="source">The part as it was read when the row was made.</param>
internal abstract class EditedRow<TSource>(TSource source)
{
    public TSource Source { get; } = source;

    /// <summary>Whether the admin has typed something that is not saved.</summary>
    public bool IsChanged => !Matches(Source);

    /// <summary>Whether the row shows exactly what <paramref name="read"/> holds.</summary>
    public abstract bool Matches(TSource read);

    /// <summary>Whether what the admin typed still applies to the part as read now.</summary>
    public virtual bool AppliesTo(TSource read) => true;

    /// <summary>Whether a typed text is what was read, once the spaces saving trims are gone.</summary>
    protected static bool SameText(string? typed, string? read) => (typed ?? "").Trim() == (read ?? "").Trim();

    /// <summary>
    /// Rows for the parts as read now. The editor reads the questionnaire again after every save, of any section;
    /// a row the admin changed and has not saved keeps what they typed instead of falling back to what was read.
    /// </summary>
    public static List<TRow> Refresh<TRow>(
        IEnumerable<TRow> rows, IEnumerable<TSource> read, Func<TSource, int> idOf, Func<TSource, TRow> rowOf)
        where TRow : EditedRow<TSource>
    {
        var unsaved = rows.Where(row => row.IsChanged).ToDictionary(row => idOf(row.Source));
        return read.Select(RowFor).ToList();

        TRow RowFor(TSource part) =>
            unsaved.TryGetValue(idOf(part), out var row) && row.AppliesTo(part) && !row.Matches(part)
                ? row
                : rowOf(part);
    }
}
