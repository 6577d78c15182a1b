using System.Globalization;
using System.Text.RegularExpressions;

namespace MentorDashboard.Features.Import;

/// <summary>How a date value could be read.</summary>
public enum DateShape
{
    Empty,
    NotADate,

    /// <summary>2024-03-01: unambiguous.</summary>
    Iso,

    /// <summary>Only day first can be right (25/03/2024).</summary>
    DayFirst,

    /// <summary>Only month first can be right (03/25/2024).</summary>
    MonthFirst,

    /// <summary>Both readings are dates (03/04/2024).</summary>
    Either,
}

/// <summary>
/// Reads the dates exports carry: ISO, and day/month/year or month/day/year with slashes, dots or dashes, with
/// two- or four-digit years and an optional time (which is dropped).
/// </summary>
public static partial class ImportDates
{
    public const string AcceptedForms = "2024-03-25, 25/03/2024 or 03/25/2024";

    /// <summary>Dates before this are almost always a misread format or a placeholder such as 01/01/1900.</summary>
    public static readonly DateOnly Earliest = new(1990, 1, 1);

    public static DateShape ShapeOf(string text)
    {
        var value = text.Trim();
        if (value.Length == 0)
        {
            return DateShape.Empty;
        }

        if (IsoPattern().Match(value) is { Success: true } iso)
        {
            return ToDate(Number(iso, 1), Number(iso, 2), Number(iso, 3)) is null ? DateShape.NotADate : DateShape.Iso;
        }

        if (SeparatedPattern().Match(value) is not { Success: true } separated)
        {
            return DateShape.NotADate;
        }

        var year = Year(separated.Groups[3].Value);
        var dayFirst = ToDate(year, Number(separated, 2), Number(separated, 1)) is not null;
        var monthFirst = ToDate(year, Number(separated, 1), Number(separated, 2)) is not null;
        return (dayFirst, monthFirst) switch
        {
            (true, true) => DateShape.Either,
            (true, false) => DateShape.DayFirst,
            (false, true) => DateShape.MonthFirst,
            _ => DateShape.NotADate,
        };
    }

    public static bool TryParse(string text, DateOrder order, out DateOnly date)
    {
        var value = text.Trim();
        DateOnly? parsed = null;
        if (IsoPattern().Match(value) is { Success: true } iso)
        {
            parsed = ToDate(Number(iso, 1), Number(iso, 2), Number(iso, 3));
        }
        else if (SeparatedPattern().Match(value) is { Success: true } separated)
        {
            var (first, second) = (Number(separated, 1), Number(separated, 2));
            var year = Year(separated.Groups[3].Value);
            parsed = order == DateOrder.DayFirst ? ToDate(year, second, first) : ToDate(year, first, second);
        }

        date = parsed ?? default;
        return parsed is not null;
    }

    private static int Number(Match match, int group) =>
        int.Parse(match.Groups[group].Value, NumberStyles.None, CultureInfo.InvariantCulture);

    // Two-digit years as spreadsheets write them: 00-49 are this century, 50-99 the last.
    private static int Year(string text)
    {
        var year = int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        return text.Length == 2 ? (year < 50 ? 2000 + year : 1900 + year) : year;
    }

    private static DateOnly? ToDate(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    [GeneratedRegex(@"^([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})(?:[T ].*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoPattern();

    [GeneratedRegex(@"^([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4}|[0-9]{2})(?: .*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex SeparatedPattern();
}
