using System.Globalization;
using System.Text.RegularExpressions;

namespace MentorDashboard.Features.PublicNewsroom;

/// <summary>A kind of detail that could locate or identify a mentee and has no place in a public post.</summary>
public enum PrivateDetailKind
{
    EmailAddress,
    PhoneNumber,
    StreetAddress,
    Postcode,
    Date,
    Birth,
}

/// <summary>One such detail found in a post's text, with the words that matched, so the author knows what to remove.
/// </summary>
public sealed record PrivateDetail(PrivateDetailKind Kind, string Found)
{
    /// <summary>What the author is asked to remove; English text and localisation key.</summary>
    public string Description => Kind switch
    {
        PrivateDetailKind.EmailAddress => "an e-mail address",
        PrivateDetailKind.PhoneNumber => "a phone number",
        PrivateDetailKind.StreetAddress => "a street address",
        PrivateDetailKind.Postcode => "a postcode",
        PrivateDetailKind.Date => "a date other than the meeting date (it could be a date of birth)",
        _ => "a mention of when someone was born",
    };
}

/// <summary>
/// Finds what looks like an exact place or a date of birth in the text of a post meant for the public newsroom.
/// It errs on the side of asking: a false alarm costs the author a word, a missed address could cost a child's
/// safety. English and common European address and date forms only.
/// </summary>
public static partial class PrivateDetails
{
    // Every pattern runs in linear time; the timeout is a guard against a mistake in a future edit.
    private const int Timeout = 250;

    private const string MonthName = "(?<mn>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
        + "|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

    private const string StreetWord =
        "street|road|avenue|lane|drive|way|close|court|place|square|terrace|crescent|grove|gardens|boulevard";

    private const string RomanceStreetWord = "rue|via|calle|avenida|avinguda|carrer|pla[çc]a|plaza|pra[çc]a|rua"
        + "|paseo|passeig|piazza|viale|corso|largo|strada|chemin|all[ée]e|boulevard|avenue|place|travessera|ronda";

    private const string LinkingWord = "de|del|de\\s+la|de\\s+las|de\\s+los|della|delle|dei|di|do|da|dos|das|des|du"
        + "|la|le|les|d'|dell'";

    private static readonly string[] Months =
    [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ];

    public static IReadOnlyList<PrivateDetail> Find(string text, DateOnly meetingDate)
    {
        var found = new List<PrivateDetail>();

        // Each finding is blanked out before the next search, so one detail is not reported twice (a date's
        // digits would otherwise also look like a phone number).
        // Digits of other scripts (Arabic-Indic, full-width) count as the digits they are.
        var rest = Take(EmailAddress(), AsciiDigits(text), PrivateDetailKind.EmailAddress, found);
        rest = TakeDates(rest, meetingDate, found);
        rest = Take(StreetNumberFirst(), rest, PrivateDetailKind.StreetAddress, found);
        rest = Take(StreetNameFirst(), rest, PrivateDetailKind.StreetAddress, found);
        rest = Take(LowerCaseStreet(), rest, PrivateDetailKind.StreetAddress, found);
        rest = Take(Postcode(), rest, PrivateDetailKind.Postcode, found);
        rest = Take(PhoneNumber(), rest, PrivateDetailKind.PhoneNumber, found, IsLongNumber);
        Take(Birth(), rest, PrivateDetailKind.Birth, found);
        return found;
    }

    private static string Take(
        Regex pattern,
        string text,
        PrivateDetailKind kind,
        List<PrivateDetail> found,
        Func<Match, bool>? counts = null) =>
        pattern.Replace(text, match =>
        {
            if (counts is not null && !counts(match))
            {
                return match.Value;
            }

            found.Add(new PrivateDetail(kind, match.Value.Trim()));
            return new string(' ', match.Length);
        });

    // Shorter runs of digits are counts, times and scores; phone numbers have at least seven digits.
    private static bool IsLongNumber(Match match) => match.Value.Count(char.IsAsciiDigit) >= 7;

    // The meeting date itself may be written out ("we met on 3 December 2026"); any other full date may not.
    private static string TakeDates(string text, DateOnly meetingDate, List<PrivateDetail> found)
    {
        foreach (var pattern in new[] { NumericDate(), IsoDate(), DayMonthName(), MonthNameDay() })
        {
            text = pattern.Replace(text, match =>
            {
                if (!IsMeetingDate(match, meetingDate))
                {
                    found.Add(new PrivateDetail(PrivateDetailKind.Date, match.Value.Trim()));
                }

                return new string(' ', match.Length);
            });
        }

        return text;
    }

    private static bool IsMeetingDate(Match match, DateOnly meetingDate)
    {
        var year = Number(match.Groups["y"].Value);
        year = year < 100 ? year + meetingDate.Year / 100 * 100 : year;
        var day = Number(match.Groups["d"].Value);
        var month = match.Groups["mn"].Success
            ? Array.FindIndex(Months, m => m.StartsWith(match.Groups["mn"].Value, StringComparison.OrdinalIgnoreCase))
                + 1
            : Number(match.Groups["m"].Value);

        // 03/12/2026 reads as 3 December in Europe and 12 March in the United States; either may be the meeting.
        return year == meetingDate.Year
            && ((day == meetingDate.Day && month == meetingDate.Month)
                || (!match.Groups["mn"].Success && month == meetingDate.Day && day == meetingDate.Month));
    }

    private static int Number(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"[\p{L}\p{Nd}._%+-]+@[\p{L}\p{Nd}-]+(?:\.[\p{L}\p{Nd}-]+)+", RegexOptions.None, Timeout)]
    private static partial Regex EmailAddress();

    [GeneratedRegex(@"\b(?<d>\d{1,2})[./-](?<m>\d{1,2})[./-](?<y>\d{4}|\d{2})\b", RegexOptions.None, Timeout)]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"\b(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})\b", RegexOptions.None, Timeout)]
    private static partial Regex IsoDate();

    [GeneratedRegex(
        @"\b(?<d>\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?" + MonthName + @"\.?,?\s+(?<y>\d{4})\b",
        RegexOptions.IgnoreCase, Timeout)]
    private static partial Regex DayMonthName();

    [GeneratedRegex(
        @"\b" + MonthName + @"\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y>\d{4})\b",
        RegexOptions.IgnoreCase, Timeout)]
    private static partial Regex MonthNameDay();

    // "12 Harbour Road", "4b Elm St." The street's name is capitalised, which keeps "2 hours on the way" out.
    [GeneratedRegex(
        @"\b\d{1,4}[a-z]?,?\s+(?:\p{Lu}[\p{L}'-]*\s+){1,3}(?i:(?:" + StreetWord + @")\b|(?:st|rd|ave|ln|blvd)\b\.?)",
        RegexOptions.None, Timeout)]
    private static partial Regex StreetNumberFirst();

    private static string AsciiDigits(string text) =>
        string.Create(text.Length, text, (chars, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var digit = CharUnicodeInfo.GetDecimalDigitValue(source[i]);
                chars[i] = digit >= 0 ? (char)('0' + digit) : source[i];
            }
        });

    // "12 baker street": written in lower case, but "street", "road" and "avenue" leave no doubt.
    [GeneratedRegex(
        @"\b\d{1,4}[a-z]?,?\s+(?:[\p{L}'-]+\s+){1,3}(?:street|road|avenue)\b", RegexOptions.IgnoreCase, Timeout)]
    private static partial Regex LowerCaseStreet();

    // "Harbour Road 12", "Lindenstraße 4", "Keizersgracht 101", "rue Voltaire 3", and the Romance forms whose
    // name follows a linking word: "Rue de la Paix 3", "Carrer de Sants 45", "Plaça de Catalunya 1".
    [GeneratedRegex(
        @"\b(?:\p{Lu}[\p{L}'-]*\s+(?i:" + StreetWord + @")"
        + @"|\p{Lu}[\p{L}-]*(?:straße|strasse|str\.|weg|gasse|platz|allee|damm|straat|laan|gracht|plein|vej|gatan)"
        + @"|(?i:" + RomanceStreetWord + @")\s+(?:(?i:" + LinkingWord + @")\s+)*\p{Lu}[\p{L}'-]*)"
        + @"\s+\d{1,4}[a-z]?\b",
        RegexOptions.None, Timeout)]
    private static partial Regex StreetNameFirst();

    // UK (SW1A 1AA), Dutch (1012 AB), five digits (most of Europe; a US ZIP code with its optional four).
    [GeneratedRegex(
        @"\b(?:[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|\d{4}\s?[A-Z]{2}|\d{5}(?:-\d{4})?)\b",
        RegexOptions.None, Timeout)]
    private static partial Regex Postcode();

    [GeneratedRegex(@"(?<![\p{L}\p{Nd}])\+?\(?\d[\d\s()./-]{5,}\d(?![\p{L}\p{Nd}])", RegexOptions.None, Timeout)]
    private static partial Regex PhoneNumber();

    [GeneratedRegex(
        @"\b(?:born|birth\s*date|date\s+of\s+birth|dob|birthdays?|turns?\s+\d{1,2})\b|\bd\.o\.b\b\.?",
        RegexOptions.IgnoreCase, Timeout)]
    private static partial Regex Birth();
}
