using System.Text;

namespace MentorDashboard.Features.Import;

/// <summary>What a file turned out to be: a workbook, or delimited text in some encoding.</summary>
/// <param name="EncodingName">For text: "UTF-8", "UTF-16" or "Windows-1252".</param>
/// <param name="Delimiter">For text: the separator between values.</param>
public sealed record ImportFormat(bool IsWorkbook, string EncodingName, bool HasByteOrderMark, char Delimiter)
{
    public static readonly ImportFormat Workbook = new(true, "", false, ',');

    public Encoding Encoding => EncodingName switch
    {
        "UTF-16" => Encoding.Unicode,
        "UTF-16BE" => Encoding.BigEndianUnicode,
        "Windows-1252" => ImportFormats.Windows1252,
        _ => new UTF8Encoding(false),
    };
}

/// <summary>Finds out how a file is written, from its bytes; the file name's extension is not trusted.</summary>
public static class ImportFormats
{
    private const int SampleBytes = 64 * 1024;

    private static readonly char[] Delimiters = [',', ';', '\t', '|'];

    static ImportFormats() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Spreadsheets and CRMs on Windows write "ANSI" text in this code page.</summary>
    public static Encoding Windows1252 => Encoding.GetEncoding(1252);

    /// <summary>
    /// Detects the format, or says in a sentence why the file cannot be read. Reads the whole file once for text,
    /// because one accented letter in the last row decides between UTF-8 and Windows-1252.
    /// </summary>
    public static async Task<(ImportFormat? Format, string? Problem)> DetectAsync(
        string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        var head = new byte[Math.Min(SampleBytes, stream.Length)];
        await stream.ReadExactlyAsync(head, cancellationToken);
        if (head.Length == 0)
        {
            return (null, "The file is empty.");
        }

        if (head is [0x50, 0x4B, 0x03, 0x04, ..])
        {
            return (ImportFormat.Workbook, null);
        }

        if (head is [0xD0, 0xCF, 0x11, 0xE0, ..])
        {
            return (null, "This is an old Excel workbook (.xls). Save it as .xlsx or as CSV and upload that.");
        }

        var (encodingName, bomLength) = head switch
        {
            [0xEF, 0xBB, 0xBF, ..] => ("UTF-8", 3),
            [0xFF, 0xFE, ..] => ("UTF-16", 2),
            [0xFE, 0xFF, ..] => ("UTF-16BE", 2),
            _ => ("", 0),
        };
        if (bomLength == 0)
        {
            stream.Position = 0;
            encodingName = await IsUtf8Async(stream, cancellationToken) ? "UTF-8" : "Windows-1252";
        }

        var format = new ImportFormat(false, encodingName, bomLength > 0, ',');
        var text = format.Encoding.GetString(head, bomLength, head.Length - bomLength);
        if (text.Contains('\0'))
        {
            return (null, "This does not look like a text or Excel file. Upload a CSV or an .xlsx file.");
        }

        return (format with { Delimiter = DelimiterOf(FirstLine(text)) }, null);
    }

    private static async Task<bool> IsUtf8Async(Stream stream, CancellationToken cancellationToken)
    {
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[SampleBytes];
        var chars = new char[SampleBytes + 4];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(bytes, cancellationToken)) > 0)
            {
                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            }

            decoder.GetChars([], 0, 0, chars, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }

    /// <summary>The separator that occurs most often outside quotes in the header line; a comma on a tie.</summary>
    internal static char DelimiterOf(string headerLine)
    {
        var counts = new int[Delimiters.Length];
        var quoted = false;
        foreach (var c in headerLine)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && Array.IndexOf(Delimiters, c) is var index and >= 0)
            {
                counts[index]++;
            }
        }

        var best = 0;
        for (var i = 1; i < counts.Length; i++)
        {
            if (counts[i] > counts[best])
            {
                best = i;
            }
        }

        return Delimiters[best];
    }
}
