using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;

namespace MentorDashboard.Features.Import;

/// <summary>One data row of a file, numbered as a spreadsheet numbers it (the header is row 1).</summary>
/// <param name="Cells">One value per header, empty where the row has none.</param>
/// <param name="Problem">Why the row cannot be trusted as read (a stray quote, values past the last column).
/// </param>
public sealed record ImportRow(int Number, string[] Cells, string? Problem);

/// <summary>
/// Reads a CSV or .xlsx file row by row without holding it in memory. Values arrive as text exactly as written:
/// nothing guesses types, so ids keep their leading zeros. Workbook cells that hold dates or numbers are written
/// as ISO dates and plain numbers.
/// </summary>
public sealed class ImportTable : IDisposable
{
    private readonly FileStream _stream;
    private readonly StreamReader? _reader;
    private readonly CsvParser? _parser;
    private readonly IEnumerator<IDictionary<string, object?>>? _workbookRows;
    private int _workbookRowNumber = 1;
    private string? _badData;

    private ImportTable(string path, ImportFormat format)
    {
        _stream = File.OpenRead(path);
        if (format.IsWorkbook)
        {
            var columns = MiniExcel.GetColumns(_stream, useHeaderRow: true).Select(c => c?.ToString() ?? "");
            Headers = UniqueHeaders(columns);
            _stream.Position = 0;
            _workbookRows = MiniExcel.Query(_stream, useHeaderRow: true)
                .Cast<IDictionary<string, object?>>()
                .GetEnumerator();
            return;
        }

        _reader = new StreamReader(_stream, format.Encoding, detectEncodingFromByteOrderMarks: true);
        _parser = new CsvParser(_reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = format.Delimiter.ToString(),
            BadDataFound = args => _badData ??= args.Field,
            IgnoreBlankLines = true,
            DetectColumnCountChanges = false,
        });
        Headers = _parser.Read() ? UniqueHeaders(_parser.Record ?? []) : [];
    }

    /// <summary>Exports with more columns than this are not rosters or contact logs.</summary>
    public const int MaxColumns = 500;

    /// <summary>The header row; empty headers become "Column N" and repeated ones get a number.</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>How far through the file reading has come, 0 to 1.</summary>
    public double Progress => _stream.Length == 0 ? 1 : Math.Min(1, (double)_stream.Position / _stream.Length);

    public static ImportTable Open(string path, ImportFormat format) => new(path, format);

    /// <summary>The data rows in order; rows with no value at all are left out.</summary>
    public IEnumerable<ImportRow> ReadRows()
    {
        while (Next() is { } row)
        {
            if (row.Cells.Any(cell => cell.Length > 0) || row.Problem is not null)
            {
                yield return row;
            }
        }
    }

    private ImportRow? Next()
    {
        if (_workbookRows is not null)
        {
            if (!_workbookRows.MoveNext())
            {
                return null;
            }

            _workbookRowNumber++;
            var values = _workbookRows.Current.Values.Select(CellText).ToArray();
            return Aligned(_workbookRowNumber, values, null);
        }

        _badData = null;
        if (!_parser!.Read())
        {
            return null;
        }

        // CsvHelper processes a row's fields, and only then reports bad data in them, when the record is read.
        var record = _parser.Record ?? [];
        var problem = _badData is null
            ? null
            : "A quotation mark in the middle of a value; the row may be split wrongly. Check its quotes.";
        for (var i = 0; i < record.Length; i++)
        {
            record[i] = WithoutFormulaEscape(record[i]);
        }

        return Aligned(_parser.Row, record, problem);
    }

    /// <summary>
    /// Our CSV exports write a quote before a value that starts like a spreadsheet formula (=, +, -, @), so that
    /// text from a post never runs as one; reading it back takes that quote off again.
    /// </summary>
    internal static string WithoutFormulaEscape(string value) =>
        value is ['\'', '=' or '+' or '-' or '@', ..] ? value[1..] : value;

    private ImportRow Aligned(int number, string[] values, string? problem)
    {
        if (values.Length == Headers.Count)
        {
            return new ImportRow(number, values, problem);
        }

        var cells = new string[Headers.Count];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = i < values.Length ? values[i] : "";
        }

        if (problem is null && values.Skip(Headers.Count).Any(v => v.Trim().Length > 0))
        {
            problem = string.Format(CultureInfo.InvariantCulture,
                "The row has {0} values but the header has {1} columns; a separator inside a value may not be quoted.",
                values.Length, Headers.Count);
        }

        return new ImportRow(number, cells, problem);
    }

    private static string CellText(object? value) => value switch
    {
        null => "",
        string text => text,
        DateTime date when date.TimeOfDay == TimeSpan.Zero =>
            date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime date => date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double number when number == Math.Floor(number) && Math.Abs(number) < 1e15 =>
            number.ToString("0", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static List<string> UniqueHeaders(IEnumerable<string> names)
    {
        var headers = new List<string>();
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        // One more than allowed, so that the import can say the file has too many columns.
        foreach (var (name, index) in names.Take(MaxColumns + 1).Select((n, i) => (n.Trim(), i)))
        {
            var header = name.Length == 0 ? $"Column {index + 1}" : name;
            var unique = header;
            for (var n = 2; !taken.Add(unique); n++)
            {
                unique = $"{header} ({n})";
            }

            headers.Add(unique);
        }

        return headers;
    }

    public void Dispose()
    {
        _workbookRows?.Dispose();
        _parser?.Dispose();
        _reader?.Dispose();
        _stream.Dispose();
    }
}
