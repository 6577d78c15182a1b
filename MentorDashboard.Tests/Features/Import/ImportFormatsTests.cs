using System.IO.Compression;
using System.Text;
using MentorDashboard.Features.Import;

namespace MentorDashboard.Tests.Features.Import;

public sealed class ImportFormatsTests : IAsyncLifetime
{
    private ImportScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await ImportScenario.CreateAsync();

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Utf8_file_without_a_byte_order_mark_is_read_as_utf8_with_tabs()
    {
        var analysis = await AnalyseSampleAsync(ImportSamples.OwnExportRoster);

        Assert.Equal(new ImportFormat(false, "UTF-8", false, '\t'), analysis.Format);
        Assert.Equal("Match id", analysis.Headers[0]);
        Assert.Equal(5, analysis.RowCount);
    }

    [Fact]
    public async Task Byte_order_mark_is_recognised_and_kept_out_of_the_first_header()
    {
        var analysis = await AnalyseSampleAsync(ImportSamples.CrmRoster);

        Assert.Equal(new ImportFormat(false, "UTF-8", true, ','), analysis.Format);
        Assert.Equal("Match ID", analysis.Headers[0]);
        Assert.Equal(6, analysis.RowCount);
    }

    [Fact]
    public async Task Windows1252_file_is_recognised_and_its_accents_read_right()
    {
        var analysis = await AnalyseSampleAsync(ImportSamples.CatalanRoster);

        Assert.Equal(new ImportFormat(false, "Windows-1252", false, ';'), analysis.Format);
        var names = analysis.Preview.SelectMany(row => new[] { row.Cells[3], row.Cells[5] }).ToList();
        Assert.Contains("Núria Puigdomènech i Vidal", names);
        Assert.Contains("Iñaki Etxeberria", names);
        Assert.Contains("Begoña Martínez", names);
        Assert.Contains("Martí Çanals", names);
        Assert.Contains("Marcel·lí Ferré", names);
    }

    [Fact]
    public async Task One_accented_letter_after_64_kilobytes_of_plain_text_still_means_windows1252()
    {
        var text = new StringBuilder("Match id,Mentor,Mentee\r\n");
        for (var row = 0; text.Length < 100_000; row++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"M-{row},Laia Serra,Amina Diallo\r\n");
        }

        text.Append("M-last,Iñaki Etxeberria,Begoña Martínez\r\n");
        var upload = await _scenario.UploadTextAsync(text.ToString(), encoding: ImportFormats.Windows1252);

        var (format, problem) = await ImportFormats.DetectAsync(upload.Path, CancellationToken.None);

        Assert.Null(problem);
        Assert.Equal("Windows-1252", format!.EncodingName);
    }

    [Fact]
    public async Task Unicode_text_from_a_spreadsheet_is_read_as_utf16()
    {
        var text = "Match id\tMentor\r\nBCN-0001\tNúria Puigdomènech\r\n";
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray();
        var upload = await _scenario.UploadBytesAsync(bytes, "roster.txt");

        var analysis = await _scenario.AnalyseAsync(upload);

        Assert.Equal(new ImportFormat(false, "UTF-16", true, '\t'), analysis.Format);
        Assert.Equal(["BCN-0001", "Núria Puigdomènech"], analysis.Preview.Single().Cells);
    }

    [Theory]
    [InlineData("Match id,Mentor id,Mentee id", ',')]
    [InlineData("Match id;Mentor id;Mentee id", ';')]
    [InlineData("Match id\tMentor id\tMentee id", '\t')]
    [InlineData("Match id|Mentor id|Mentee id", '|')]
    [InlineData("\"Match id, as in the CRM\";\"Mentor; id\";Mentee id", ';')]
    [InlineData("Match id", ',')]
    public async Task Separator_is_the_one_the_header_uses_most_outside_quotes(string header, char expected)
    {
        var upload = await _scenario.UploadTextAsync(header + "\r\n");

        var (format, _) = await ImportFormats.DetectAsync(upload.Path, CancellationToken.None);

        Assert.Equal(expected, format!.Delimiter);
    }

    [Fact]
    public async Task Workbook_is_recognised_by_its_bytes_whatever_its_name()
    {
        var upload = await _scenario.UploadBytesAsync(ImportSamples.RosterWorkbook(), "roster.csv");

        var analysis = await _scenario.AnalyseAsync(upload);

        Assert.Equal(ImportFormat.Workbook, analysis.Format);
        Assert.Equal("Match Id", analysis.Headers[0]);
        Assert.Equal(3, analysis.RowCount);
    }

    [Fact]
    public async Task Workbook_keeps_text_ids_and_writes_date_cells_as_iso_dates()
    {
        var upload = await _scenario.UploadBytesAsync(ImportSamples.RosterWorkbook(), "roster.xlsx");

        var analysis = await _scenario.AnalyseAsync(upload);

        var first = analysis.Preview[0];
        Assert.Equal(2, first.Number);
        Assert.Equal("003000000012345678", first.Cells[0]);
        Assert.Equal("2024-03-25", first.Cells[4]);
        Assert.Equal("", first.Cells[5]);
        Assert.Matches("^3\\.0+12345[0-9]*E\\+17$", analysis.Preview[2].Cells[0]);
    }

    [Fact]
    public async Task Old_excel_workbook_is_refused_with_what_to_do()
    {
        byte[] header = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        var upload = await _scenario.UploadBytesAsync([.. header, .. new byte[512]], "roster.xls");

        var (analysis, problem) = await _scenario.Import.AnalyseAsync(upload);

        Assert.Null(analysis);
        Assert.Equal("This is an old Excel workbook (.xls). Save it as .xlsx or as CSV and upload that.", problem);
    }

    [Fact]
    public async Task Empty_file_is_refused()
    {
        var upload = await _scenario.UploadBytesAsync([], "roster.csv");

        var (analysis, problem) = await _scenario.Import.AnalyseAsync(upload);

        Assert.Null(analysis);
        Assert.Equal("The file is empty.", problem);
    }

    [Fact]
    public async Task Binary_file_is_refused()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];
        var upload = await _scenario.UploadBytesAsync([.. png, .. new byte[200]], "roster.csv");

        var (analysis, problem) = await _scenario.Import.AnalyseAsync(upload);

        Assert.Null(analysis);
        Assert.Equal("This does not look like a text or Excel file. Upload a CSV or an .xlsx file.", problem);
    }

    [Fact]
    public async Task Zip_that_is_not_a_workbook_is_refused_without_an_exception()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var entry = await archive.CreateEntry("notes.txt").OpenAsync();
            await entry.WriteAsync("not a workbook"u8.ToArray());
        }

        var upload = await _scenario.UploadBytesAsync(zip.ToArray(), "roster.xlsx");

        var (analysis, problem) = await _scenario.Import.AnalyseAsync(upload);

        Assert.Null(analysis);
        Assert.StartsWith("The workbook cannot be read.", problem);
    }

    [Fact]
    public async Task File_with_only_blank_lines_has_no_header_row()
    {
        var upload = await _scenario.UploadTextAsync("\r\n\r\n");

        var (analysis, problem) = await _scenario.Import.AnalyseAsync(upload);

        Assert.Null(analysis);
        Assert.Equal("The file has no header row.", problem);
    }

    private async Task<ImportAnalysis> AnalyseSampleAsync(string sample) =>
        await _scenario.AnalyseAsync(await _scenario.UploadSampleAsync(sample));
}
