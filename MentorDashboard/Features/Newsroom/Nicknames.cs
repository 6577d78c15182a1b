using System.Text.RegularExpressions;
using MentorDashboard.Features.PublicNewsroom;

namespace MentorDashboard.Features.Newsroom;

/// <summary>
/// The rule for a mentee's nickname in the public newsroom: short, plain letters, digits, spaces and hyphens, and
/// not the person's real first or last name, which it exists to hide.
/// </summary>
public static partial class Nicknames
{
    public const int MaxLength = 40;

    /// <summary>The reason the nickname is refused, or null; an empty nickname means "show the initials".</summary>
    public static string? Check(string? nickname, string realName)
    {
        var clean = Clean(nickname);
        if (clean is null)
        {
            return null;
        }

        if (clean.Length > MaxLength)
        {
            return "A nickname can be at most 40 characters long.";
        }

        if (!Allowed().IsMatch(clean))
        {
            return "A nickname can hold only letters, digits, spaces and hyphens.";
        }

        var realWords = PublicNames.NameWords(realName);
        var usesRealName = clean.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Any(word => realWords.Contains(word, StringComparer.OrdinalIgnoreCase));
        return usesRealName ? "A nickname cannot be the mentee's real first or last name." : null;
    }

    /// <summary>The nickname as stored: trimmed, single spaces, null when empty.</summary>
    public static string? Clean(string? nickname) =>
        string.IsNullOrWhiteSpace(nickname) ? null : Spaces().Replace(nickname.Trim(), " ");

    [GeneratedRegex(@"^[\p{L}\p{M}\p{Nd}][\p{L}\p{M}\p{Nd} -]*$")]
    private static partial Regex Allowed();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
