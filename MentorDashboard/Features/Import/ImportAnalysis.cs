namespace MentorDashboard.Features.Import;

/// <summary>What one column holds, from a pass over the whole file.</summary>
/// <param name="Values">Its distinct values with how often each occurs, at most
/// <see cref="ImportAnalysis.MaxDistinctValues"/>; <paramref name="HasMoreValues"/> says whether there are more.
/// </param>
public sealed record ImportColumn(
    int Index,
    string Header,
    int Filled,
    IReadOnlyDictionary<string, int> Values,
    bool HasMoreValues,
    int DayFirstOnly,
    int MonthFirstOnly,
    int Dates,
    int EitherWay)
{
    /// <summary>Most of its values are dates: a candidate for the date fields.</summary>
    public bool LooksLikeDates => Filled > 0 && Dates * 10 >= Filled * 9;
}

/// <summary>A file looked at before anything is mapped: its format, first rows and what each column holds.</summary>
/// <param name="DateOrder">The order the file's dates must be read in, or null when every date reads both ways.
/// </param>
/// <param name="DateOrderConflict">Some dates can only be day-first and others only month-first.</param>
public sealed record ImportAnalysis(
    ImportFormat Format,
    IReadOnlyList<string> Headers,
    IReadOnlyList<ImportRow> Preview,
    int RowCount,
    IReadOnlyList<ImportColumn> Columns,
    DateOrder? DateOrder,
    bool DateOrderConflict)
{
    /// <summary>Some dates read both ways (03/04/2024), so the date order matters.</summary>
    public bool HasAmbiguousDates => Columns.Any(c => c.LooksLikeDates && c.EitherWay > 0);

    public const int PreviewRows = 10;

    public const int MaxDistinctValues = 200;

    /// <summary>Reads every row once; only counts and a bounded set of values per column are kept.</summary>
    public static ImportAnalysis Of(
        ImportTable table, ImportFormat format, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var columns = table.Headers.Select((header, index) => new ColumnTally(index, header)).ToArray();
        var preview = new List<ImportRow>();
        var rows = 0;
        foreach (var row in table.ReadRows())
        {
            cancellationToken.ThrowIfCancellationRequested();
            rows++;
            if (preview.Count < PreviewRows)
            {
                preview.Add(row);
            }

            foreach (var column in columns)
            {
                column.Add(row.Cells[column.Index]);
            }

            if (rows % 1000 == 0)
            {
                progress?.Report(table.Progress);
            }
        }

        var summaries = columns.Select(c => c.Summary()).ToList();
        var dated = summaries.Where(c => c.LooksLikeDates).ToList();
        var dayFirst = dated.Sum(c => c.DayFirstOnly);
        var monthFirst = dated.Sum(c => c.MonthFirstOnly);
        DateOrder? order = (dayFirst, monthFirst) switch
        {
            (0, 0) => null,
            _ when dayFirst >= monthFirst => Import.DateOrder.DayFirst,
            _ => Import.DateOrder.MonthFirst,
        };
        return new ImportAnalysis(
            format, table.Headers, preview, rows, summaries, order, dayFirst > 0 && monthFirst > 0);
    }

    private sealed class ColumnTally(int index, string header)
    {
        private readonly Dictionary<string, int> _values = new(StringComparer.Ordinal);
        private bool _hasMore;
        private int _filled;
        private int _dayFirst;
        private int _monthFirst;
        private int _dates;
        private int _eitherWay;

        public int Index => index;

        public void Add(string cell)
        {
            var value = cell.Trim();
            if (value.Length == 0)
            {
                return;
            }

            _filled++;
            if (_values.TryGetValue(value, out var count))
            {
                _values[value] = count + 1;
            }
            else if (_values.Count < MaxDistinctValues)
            {
                _values[value] = 1;
            }
            else
            {
                _hasMore = true;
            }

            switch (ImportDates.ShapeOf(value))
            {
                case DateShape.DayFirst:
                    _dayFirst++;
                    _dates++;
                    break;
                case DateShape.MonthFirst:
                    _monthFirst++;
                    _dates++;
                    break;
                case DateShape.Either:
                    _eitherWay++;
                    _dates++;
                    break;
                case DateShape.Iso:
                    _dates++;
                    break;
            }
        }

        public ImportColumn Summary() =>
            new(index, header, _filled, _values, _hasMore, _dayFirst, _monthFirst, _dates, _eitherWay);
    }
}
