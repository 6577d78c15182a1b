using System.Text;
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

        // Compared without accents, case, spaces or hyphens, so "Khaléd Khalíl" and "KhaledKhalil" are the real
        // name too; a real name of three letters or more anywhere inside the nickname gives it away.
        var realWords = PublicNames.NameWords(realName).Select(Plain).Where(word => word.Length > 0).ToList();
        var nicknameWords = clean.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Select(Plain).ToList();
        var nicknameWhole = string.Concat(nicknameWords);
        var usesRealName = nicknameWords.Any(word => realWords.Contains(word))
            || realWords.Any(word => word.Length >= 3 && nicknameWhole.Contains(word, StringComparison.Ordinal));
        return usesRealName ? "A nickname cannot be the mentee's real first or last name." : null;
    }

    /// <summary>Lower-case letters and digits only, accents removed.</summary>
    private static string Plain(string word) =>
        string.Concat(word.Normalize(NormalizationForm.FormD)
            .Where(char.IsLetterOrDigit)
            .Select(char.ToLowerInvariant));

    /// <summary>The nickname as stored: trimmed, single spaces, null when empty.</summary>
    public static string? Clean(string? nickname) =>
        string.IsNullOrWhiteSpace(nickname) ? null : Spaces().Replace(nickname.Trim(), " ");

    [GeneratedRegex(@"^[\p{L}\p{M}\p{Nd}][\p{L}\p{M}\p{Nd} -]*$")]
    private static partial Regex Allowed();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
