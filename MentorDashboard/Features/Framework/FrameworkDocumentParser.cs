using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MentorDashboard.Features.Framework;

/// <summary>
/// Turns an uploaded file into a JSON document, or into one error an admin can act on. The parser's own messages
/// speak of tokens and reader options, so the usual mistakes of a hand-edited file are named here instead, each
/// with its line and position counted from 1 (positions in characters, as editors show them).
/// </summary>
internal static class FrameworkDocumentParser
{
    private const string Root = "$";

    private static readonly SearchValues<byte> Whitespace = SearchValues.Create(" \t\r\n"u8);

    public static bool TryParse(
        byte[] file,
        [NotNullWhen(true)] out JsonDocument? document,
        [NotNullWhen(false)] out FrameworkError? error)
    {
        document = null;
        if (!TryReadUtf8(file, out var utf8, out error))
        {
            return false;
        }

        var content = utf8.Span;
        var start = content.IndexOfAnyExcept(Whitespace);
        if (start < 0)
        {
            error = new(Root, "The file is empty.");
            return false;
        }

        // A spreadsheet or a PDF chosen by mistake is best told by its first character, before its encoding.
        var invalid = FirstInvalidByte(content);
        if (content[start] != (byte)'{' && invalid != start)
        {
            var (line, position) = LineAndPosition(content, start);
            error = new(Root, "The file is not a framework document: it should start with an opening brace, "
                + "not {0} (line {1}, position {2}).", CharacterAt(content, start), line, position);
            return false;
        }

        if (invalid >= 0)
        {
            var (line, position) = LineAndPosition(content, invalid);
            error = new(Root,
                "The file is not saved as UTF-8: line {0}, position {1} holds a character in another encoding. "
                + "Save it as UTF-8 and import again.", line, position);
            return false;
        }

        try
        {
            document = JsonDocument.Parse(utf8);
        }
        catch (JsonException exception)
        {
            error = Explain(content, OffsetOf(content, exception));
            return false;
        }

        var halfCharacter = FirstHalfCharacter(content);
        if (halfCharacter >= 0)
        {
            document.Dispose();
            document = null;
            var (line, position) = LineAndPosition(content, halfCharacter);
            error = new(Root, "The text at line {0}, position {1} escapes half of a character (such as \\ud800 "
                + "without the \\udc00 that completes it). Write the whole character and import again.",
                line, position);
            return false;
        }

        return true;
    }

    /// <summary>
    /// The offset of the first text or property name whose <c>\u</c> escapes leave half of a surrogate pair on
    /// its own, or -1. The parser lets such a text through, but it stands for no character and reading it throws.
    /// </summary>
    private static int FirstHalfCharacter(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
            {
                try
                {
                    reader.GetString();
                }
                catch (InvalidOperationException)
                {
                    return (int)reader.TokenStartIndex;
                }
            }
        }

        return -1;
    }

    /// <summary>
    /// Gives the file as UTF-8 without a byte order mark. Files saved as UTF-16 or UTF-32 carry a byte order mark
    /// (Windows editors call them "Unicode") and are read as such; any other file must be UTF-8, since reading it
    /// with a guessed encoding would store wrong letters without a word.
    /// </summary>
    private static bool TryReadUtf8(
        byte[] file, out ReadOnlyMemory<byte> utf8, [NotNullWhen(false)] out FrameworkError? error)
    {
        error = null;
        utf8 = file;
        if (file is [0xEF, 0xBB, 0xBF, ..])
        {
            utf8 = file.AsMemory(3);
        }
        else if (EncodingOf(file) is { } encoding)
        {
            try
            {
                utf8 = Encoding.UTF8.GetBytes(encoding.GetString(file.AsSpan(encoding.Preamble.Length)));
            }
            catch (DecoderFallbackException)
            {
                error = new(Root, "The file's text is damaged: save it as UTF-8 and import again.");
                return false;
            }
        }

        return true;
    }

    private static Encoding? EncodingOf(ReadOnlySpan<byte> file) => file switch
    {
        [0xFF, 0xFE, 0x00, 0x00, ..] => new UTF32Encoding(false, true, throwOnInvalidCharacters: true),
        [0x00, 0x00, 0xFE, 0xFF, ..] => new UTF32Encoding(true, true, throwOnInvalidCharacters: true),
        [0xFF, 0xFE, ..] => new UnicodeEncoding(false, true, throwOnInvalidBytes: true),
        [0xFE, 0xFF, ..] => new UnicodeEncoding(true, true, throwOnInvalidBytes: true),
        _ => null,
    };

    /// <summary>
    /// The offset of the first byte that is not UTF-8, or -1. A zero byte counts as one: JSON never holds it, and
    /// a file full of them is UTF-16 saved without a byte order mark.
    /// </summary>
    private static int FirstInvalidByte(ReadOnlySpan<byte> utf8)
    {
        var index = 0;
        while (index < utf8.Length)
        {
            if (Rune.DecodeFromUtf8(utf8[index..], out var rune, out var length) != OperationStatus.Done
                || rune.Value == 0)
            {
                return index;
            }

            index += length;
        }

        return -1;
    }

    private static FrameworkError Explain(ReadOnlySpan<byte> content, int offset)
    {
        var end = content.LastIndexOfAnyExcept(Whitespace) + 1;
        if (offset >= end)
        {
            var (endLine, endPosition) = LineAndPosition(content, end);
            return new(Root, "The file ends too early, at line {0}, position {1}: a closing bracket, brace or quote "
                + "is missing, or the file was cut short.", endLine, endPosition);
        }

        var comma = content[..offset].LastIndexOfAnyExcept(Whitespace);
        if (content[offset] is (byte)'}' or (byte)']' && comma >= 0 && content[comma] == (byte)',')
        {
            var (commaLine, commaPosition) = LineAndPosition(content, comma);
            return new(Root, "Remove the comma at line {0}, position {1}: JSON allows no comma before a closing "
                + "bracket or brace.", commaLine, commaPosition);
        }

        var (line, position) = LineAndPosition(content, offset);
        return content[offset] == (byte)'/'
            ? new(Root, "Remove the comment at line {0}, position {1}: JSON allows no comments.", line, position)
            : new(Root, "The file is not valid JSON at line {0}, position {1}: {2} is not expected there.",
                line, position, CharacterAt(content, offset));
    }

    /// <summary>Where the parser stopped, from its line (counted from 0) and byte in that line.</summary>
    private static int OffsetOf(ReadOnlySpan<byte> content, JsonException exception)
    {
        var offset = 0;
        for (var line = 0L; line < exception.LineNumber; line++)
        {
            var next = content[offset..].IndexOf((byte)'\n');
            if (next < 0)
            {
                break;
            }

            offset += next + 1;
        }

        return (int)Math.Min(offset + (exception.BytePositionInLine ?? 0), content.Length);
    }

    private static (string Line, string Position) LineAndPosition(ReadOnlySpan<byte> content, int offset)
    {
        var before = content[..offset];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var line = before.Count((byte)'\n') + 1;
        var position = Encoding.UTF8.GetCharCount(before[lineStart..]) + 1;
        return (line.ToString(CultureInfo.InvariantCulture), position.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The character at an offset as people can read it, with code points for invisible ones.</summary>
    private static string CharacterAt(ReadOnlySpan<byte> content, int offset)
    {
        Rune.DecodeFromUtf8(content[offset..], out var rune, out _);
        return Rune.IsControl(rune) || Rune.IsWhiteSpace(rune)
            ? string.Create(CultureInfo.InvariantCulture, $"U+{rune.Value:X4}")
            : $"\u201C{rune}\u201D";
    }
}
