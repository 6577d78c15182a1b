using System.Text.RegularExpressions;

namespace MentorDashboard.Features.PublicNewsroom;

/// <summary>
/// How people appear in a public newsroom. A mentee by the nickname chosen with them, or else by initials; a
/// mentor, an adult volunteer who chose to publish the post, by first name. Nobody by their full name.
/// </summary>
public static class PublicNames
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(250);

    /// <summary>"Selam Tesfaye" becomes "S. T."</summary>
    public static string Initials(string fullName) =>
        string.Join(" ", NameWords(fullName).Select(word => $"{char.ToUpperInvariant(word[0])}."));

    public static string Mentee(string fullName, string? nickname) =>
        string.IsNullOrWhiteSpace(nickname) ? Initials(fullName) : nickname.Trim();

    /// <summary>The first word of the name as written, even an initial, never a later name in its place.</summary>
    public static string Mentor(string fullName) =>
        fullName.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) is [var first, ..] ? first : "";

    /// <summary>
    /// The words of a name, the first and last names in it, split at any space (a non-breaking one too) and at
    /// hyphens, with a hyphenated name also kept whole; single letters are initials already.
    /// </summary>
    public static IReadOnlyList<string> NameWords(string fullName) =>
        fullName.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(word => word.Contains('-', StringComparison.Ordinal)
                ? word.Split('-', StringSplitOptions.RemoveEmptyEntries).Prepend(word)
                : [word])
            .Where(word => word.Length > 1)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

    /// <summary>
    /// The story with the mentee's real names replaced by how the public newsroom shows them, and the mentor's
    /// other names by their initials. Whole words only, in any case: "Selam's" is replaced, "Selamawit" is not.
    /// </summary>
    public static string Mask(string text, string menteeName, string menteeShownAs, string mentorName)
    {
        text = Replace(text, menteeName, menteeShownAs);
        foreach (var word in NameWords(menteeName).OrderByDescending(w => w.Length))
        {
            text = Replace(text, word, menteeShownAs);
        }

        foreach (var word in NameWords(mentorName).Skip(1))
        {
            text = Replace(text, word, $"{char.ToUpperInvariant(word[0])}.");
        }

        return text;
    }

    private static string Replace(string text, string name, string replacement) =>
        string.IsNullOrWhiteSpace(name)
            ? text
            : Regex.Replace(
                text,
                $@"(?<![\p{{L}}\p{{Nd}}]){Regex.Escape(name.Trim())}(?![\p{{L}}\p{{Nd}}])",
                replacement.Replace("$", "$$", StringComparison.Ordinal),
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
                Timeout);
}
