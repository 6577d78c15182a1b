using System.Text;
using System.Text.RegularExpressions;

namespace MentorDashboard.Features.Framework;

/// <summary>
/// The rules of framework keys. Keys are lower case in dotted parts (<c>topic.housing</c>); network keys never
/// start with <c>local.</c>, and a programme's local keys all start with <c>local.&lt;programme-key&gt;.</c>, so a
/// local item can never redefine a network key.
/// </summary>
public static partial class FrameworkKeys
{
    public const int MaxLength = 120;

    public const int MaxLabelLength = 200;

    public const string LocalRoot = "local.";

    public static string LocalPrefix(string programmeKey) => LocalRoot + programmeKey + ".";

    public static bool IsLocal(string key) => key.StartsWith(LocalRoot, StringComparison.Ordinal);

    /// <summary>
    /// What is wrong with a key, or null when it is fine. <paramref name="programmeKey"/> is null for a network
    /// item and the programme's key for a local one.
    /// </summary>
    public static FrameworkError? Check(string? key, string? programmeKey, string path)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return new(path, "Enter a key.");
        }

        if (key.Length > MaxLength)
        {
            return new(path, "A key is at most 120 characters long.");
        }

        if (!KeyPattern().IsMatch(key))
        {
            return new(path, "{0} is not a valid key: use lower-case dotted parts such as topic.housing.", key);
        }

        if (programmeKey is null && IsLocal(key))
        {
            return new(path, "{0} starts with local., which is kept for programmes' own items.", key);
        }

        if (programmeKey is not null && !key.StartsWith(LocalPrefix(programmeKey), StringComparison.Ordinal))
        {
            return new(
                path, "A local key must start with {0} (the programme's own namespace).", LocalPrefix(programmeKey));
        }

        return null;
    }

    public static FrameworkError? CheckLabel(string? label, string path) => label switch
    {
        null or "" => new(path, "Enter a label."),
        _ when string.IsNullOrWhiteSpace(label) => new(path, "Enter a label."),
        { Length: > MaxLabelLength } => new(path, "A label is at most 200 characters long."),
        _ => null,
    };

    /// <summary>A programme key made from its name: "Welcome Neighbours" gives <c>welcome-neighbours</c>.</summary>
    public static string ProgrammeKeyOf(string name)
    {
        var slug = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                slug.Append(c);
            }
            else if (char.IsWhiteSpace(c) || c is '-' or '_' or '.')
            {
                if (slug.Length > 0 && slug[^1] != '-')
                {
                    slug.Append('-');
                }
            }
        }

        var key = slug.ToString().Trim('-');
        return key.Length == 0 ? "programme" : key;
    }

    [GeneratedRegex(@"^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
