using System.Text.RegularExpressions;
using MentorDashboard.Data;

namespace MentorDashboard.Features.Import;

/// <summary>Whether a row brings something new, changes what is stored, or matches it already.</summary>
public enum RowEffect
{
    Created,
    Updated,
    Unchanged,
}

/// <summary>
/// The part of an import that knows one kind of row: what it needs to know from the database, how it checks a
/// row, and how a checked row changes the database. <see cref="ImportService"/> drives it over the file, once to
/// check and once more, inside one transaction, to import.
/// </summary>
internal abstract partial class RowImporter(
    AppDbContext db, int programmeId, ImportColumns columns, DateTime nowUtc, DateOnly today) : IDisposable
{
    /// <summary>Rows applied between saves; each save clears the change tracker so memory stays flat.</summary>
    public const int BatchSize = 2000;

    protected AppDbContext Db => db;

    protected int ProgrammeId => programmeId;

    protected ImportColumns Columns => columns;

    protected DateOnly Today => today;

    protected DateTime NowUtc => nowUtc;

    /// <summary>Closure reasons the import adds to the programme's list.</summary>
    public virtual IReadOnlyList<string> NewClosureReasons => [];

    public abstract Task LoadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Checks one row against the file so far and the database. Adds the row's problems and returns null, or
    /// returns what applying it would do (and remembers it, so that later rows see it).
    /// </summary>
    public abstract RowPlan? Check(ImportRow row, List<ImportProblem> problems);

    public abstract Task ApplyAsync(RowPlan plan, CancellationToken cancellationToken);

    /// <summary>Saves what was applied since the last flush and forgets the tracked entities.</summary>
    public abstract Task FlushAsync(CancellationToken cancellationToken);

    /// <summary>Releases the prepared commands rows were inserted with.</summary>
    public abstract void Dispose();

    /// <summary>Checks an id value: present, not too long, and not a number a spreadsheet has rounded.</summary>
    protected bool CheckId(ImportRow row, ImportField field, List<ImportProblem> problems, out string id)
    {
        id = columns.Value(row, field);
        var header = columns.HeaderOf(field);
        if (id.Length == 0)
        {
            problems.Add(new(row.Number, header, "The value is missing."));
            return false;
        }

        if (id.Length > Data.Match.ExternalIdMaxLength)
        {
            problems.Add(new(row.Number, header, "The id is {0} characters long; at most {1} are allowed.",
                id.Length, Data.Match.ExternalIdMaxLength));
            return false;
        }

        if (RoundedNumber().IsMatch(id))
        {
            problems.Add(new(row.Number, header,
                "The id {0} looks like a spreadsheet turned it into a number and rounded it. Format the column as "
                + "text in the spreadsheet and export the file again.", id));
            return false;
        }

        return true;
    }

    /// <summary>Reads a date field; an empty optional date is null and no problem.</summary>
    protected DateOnly? ReadDate(
        ImportRow row, ImportField field, DateOrder order, List<ImportProblem> problems, bool required)
    {
        var text = columns.Value(row, field);
        if (text.Length == 0)
        {
            if (required)
            {
                problems.Add(new(row.Number, columns.HeaderOf(field), "The date is missing."));
            }

            return null;
        }

        if (!ImportDates.TryParse(text, order, out var date))
        {
            problems.Add(new(row.Number, columns.HeaderOf(field),
                "\"{0}\" is not a date in the chosen format; write dates as {1}.", text, ImportDates.AcceptedForms));
            return null;
        }

        if (date < ImportDates.Earliest)
        {
            problems.Add(new(row.Number, columns.HeaderOf(field),
                "{0} is before {1}; check the date and the chosen date format.", date, ImportDates.Earliest));
            return null;
        }

        return date;
    }

    // 3.00000000012346E+17 or 1.2E+15: what a spreadsheet shows for a long numeric id.
    [GeneratedRegex("^[0-9]+(\\.[0-9]+)?[eE][+-]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex RoundedNumber();
}

/// <summary>What a checked row will do when applied; each importer keeps its own details.</summary>
internal abstract record RowPlan(int Row, RowEffect Effect);

/// <summary>The file's columns chosen for each field, by position.</summary>
internal sealed class ImportColumns(IReadOnlyDictionary<ImportField, int> indexes, IReadOnlyList<string> headers)
{
    public bool Has(ImportField field) => indexes.ContainsKey(field);

    public string Value(ImportRow row, ImportField field) =>
        indexes.TryGetValue(field, out var index) ? row.Cells[index].Trim() : "";

    public string HeaderOf(ImportField field) => indexes.TryGetValue(field, out var index) ? headers[index] : "";
}

/// <summary>
/// A programme's stored matches, found by a file's match id: the source system's id of an imported match, or
/// the <see cref="OwnIds"/> id our exports write for a match created here.
/// </summary>
internal sealed class StoredMatches<T>(Func<T, int> idOf, Func<T, string?> externalIdOf)
{
    private readonly Dictionary<string, T> _byExternalId = new(StringComparer.Ordinal);
    private readonly Dictionary<long, T> _ownById = [];

    public void AddRange(IEnumerable<T> matches)
    {
        foreach (var match in matches)
        {
            if (externalIdOf(match) is { } externalId)
            {
                _byExternalId[externalId] = match;
            }
            else
            {
                _ownById[idOf(match)] = match;
            }
        }
    }

    public T? Find(string matchId) =>
        _byExternalId.TryGetValue(matchId, out var match)
        || (OwnIds.TryParse(matchId, out var id) && _ownById.TryGetValue(id, out match))
            ? match
            : default;
}
