using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;

namespace MentorDashboard.Features.Exports;

/// <summary>Writes an <see cref="ExportSheet"/> as a file, row by row as the rows are read.</summary>
internal static class ExportWriters
{
    private static readonly CsvConfiguration Csv = new(CultureInfo.InvariantCulture)
    {
        // A cell that starts with = + - or @ would run as a formula in a spreadsheet, and posts are written by
        // mentors: such a cell gets a leading apostrophe, so it stays text. Whoever reads the file back drops it
        // (see Exports in docs/architecture.md).
        InjectionOptions = InjectionOptions.Escape,
    };

    /// <summary>
    /// CSV in UTF-8 with a byte order mark, so that spreadsheets read accented names, quoted as RFC 4180 says.
    /// Everything is written asynchronously: the server refuses synchronous writes to a response.
    /// </summary>
    /// <returns>How many rows were written, the header row not counted.</returns>
    public static async Task<int> WriteCsvAsync(Stream output, ExportSheet sheet, CancellationToken cancellationToken)
    {
        var rows = 0;
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
            leaveOpen: true);
        await using var csv = new CsvWriter(writer, Csv);
        foreach (var header in sheet.Headers)
        {
            csv.WriteField(header);
        }

        await csv.NextRecordAsync();
        await foreach (var row in sheet.Rows.WithCancellation(cancellationToken))
        {
            foreach (var cell in row)
            {
                csv.WriteField(TextOf(cell));
            }

            await csv.NextRecordAsync();
            rows++;
        }

        await csv.FlushAsync();
        return rows;
    }

    /// <summary>
    /// An .xlsx workbook with one sheet. MiniExcel seeks back in what it has written and closes the archive with
    /// synchronous writes (MiniExcel issue #904), which a response refuses; so the workbook is written to a
    /// temporary file that is deleted when closed, then copied to <paramref name="output"/>.
    /// </summary>
    /// <returns>How many rows were written, the header row not counted.</returns>
    public static async Task<int> WriteXlsxAsync(Stream output, ExportSheet sheet, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"md-export-{Guid.NewGuid():N}.xlsx");
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None,
            bufferSize: 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var counter = new RowCounter();
        await file.SaveAsAsync(
            CellsOf(sheet, counter, cancellationToken),
            printHeader: false,
            sheetName: SheetNameOf(sheet.SheetName),
            excelType: ExcelType.XLSX,
            cancellationToken: cancellationToken);
        file.Position = 0;
        await file.CopyToAsync(output, cancellationToken);
        return counter.Rows;
    }

    /// <summary>
    /// The header row and then each row, keyed by column: the headers go in as the first row rather than as
    /// MiniExcel's header so that an empty table still has them, and two columns may share a header.
    /// </summary>
    private static async IAsyncEnumerable<Dictionary<string, object?>> CellsOf(
        ExportSheet sheet,
        RowCounter counter,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return RowOf(sheet.Headers.ToArray<object?>());
        await foreach (var row in sheet.Rows.WithCancellation(cancellationToken))
        {
            counter.Rows++;
            yield return RowOf(row);
        }
    }

    private static Dictionary<string, object?> RowOf(object?[] cells)
    {
        var row = new Dictionary<string, object?>(cells.Length);
        for (var i = 0; i < cells.Length; i++)
        {
            row[i.ToString(CultureInfo.InvariantCulture)] = cells[i];
        }

        return row;
    }

    private static string TextOf(object? cell) => cell switch
    {
        null => "",
        string text => text,
        double number => number.ToString("0.##", CultureInfo.InvariantCulture),
        IFormattable value => value.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    // Excel refuses sheet names longer than 31 characters or holding any of : \ / ? * [ ].
    private static string SheetNameOf(string name)
    {
        var clean = new string(name.Select(c => ":\\/?*[]".Contains(c, StringComparison.Ordinal) ? ' ' : c).ToArray());
        return clean.Length > 31 ? clean[..31] : clean;
    }

    private sealed class RowCounter
    {
        public int Rows { get; set; }
    }
}
