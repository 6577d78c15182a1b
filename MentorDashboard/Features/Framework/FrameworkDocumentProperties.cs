using System.Globalization;
using System.Text.Json;

namespace MentorDashboard.Features.Framework;

/// <summary>
/// Checks the property names of every object in a framework document. A property given twice, or one the document
/// does not know (a typo, a field of a later version), is an error with its path: otherwise the last one would win,
/// or the property would be ignored without a word. Whether the values are right is the readers' business.
/// </summary>
internal static class FrameworkDocumentProperties
{
    private static readonly ObjectShape Item = new(["key", "label", "sortOrder", "retired"]);

    private static readonly ObjectShape QuestionnaireItem = new(
        ["key", "text", "scale", "reversed", "sortOrder", "retired"],
        new() { ["texts"] = new([], anyName: true) });

    private static readonly ObjectShape Scale = new(
        ["key", "name", "scoring", "minAnswered", "sortOrder"],
        new() { ["bands"] = new(["upTo", "label", "isConcern"]) });

    private static readonly ObjectShape Questionnaire = new(
        ["key", "title", "respondent", "retired", "sortOrder"],
        new()
        {
            ["responseScale"] = new(["points", "anchors", "kind"]),
            ["schedule"] = new(["firstDueAfterDays", "repeatEveryDays", "dueAtClosure"]),
            ["items"] = QuestionnaireItem,
            ["scales"] = Scale,
        });

    private static readonly ObjectShape Document = new(
        ["schema"],
        new() { ["topics"] = Item, ["activityTypes"] = Item, ["questionnaires"] = Questionnaire });

    public static void Check(JsonElement root, List<FrameworkError> errors) =>
        CheckObject(root, "$", Document, errors);

    /// <summary>The path of a property: dotted for plain names, bracketed and quoted for any other.</summary>
    public static string PathOf(string path, string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? $"{path}.{name}"
            : $"{path}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    private static void CheckObject(JsonElement element, string path, ObjectShape shape, List<FrameworkError> errors)
    {
        var properties = element.EnumerateObject().ToList();
        var last = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var n = 0; n < properties.Count; n++)
        {
            last[properties[n].Name] = n;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var n = 0; n < properties.Count; n++)
        {
            var (name, value) = (properties[n].Name, properties[n].Value);
            var propertyPath = PathOf(path, name);
            if (!seen.Add(name))
            {
                errors.Add(new(propertyPath, "This property appears more than once: keep one."));
            }
            else if (!shape.Knows(name))
            {
                errors.Add(Unknown(propertyPath, name, shape));
                continue;
            }

            // The readers take the last of a repeated property, so its contents are the ones to check.
            if (last[name] == n && shape.Nested.TryGetValue(name, out var nested))
            {
                CheckValue(value, propertyPath, nested, errors);
            }
        }
    }

    /// <summary>Checks an object, or each object of a list; other values are left to the readers.</summary>
    private static void CheckValue(JsonElement value, string path, ObjectShape shape, List<FrameworkError> errors)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            CheckObject(value, path, shape, errors);
        }
        else if (value.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var entry in value.EnumerateArray())
            {
                var entryPath = string.Create(CultureInfo.InvariantCulture, $"{path}[{index++}]");
                if (entry.ValueKind == JsonValueKind.Object)
                {
                    CheckObject(entry, entryPath, shape, errors);
                }
            }
        }
    }

    private static FrameworkError Unknown(string path, string name, ObjectShape shape)
    {
        var plain = Plain(name);
        var nearest = shape.Names
            .Where(known => Math.Abs(Plain(known).Length - plain.Length) <= 2)
            .Select(known => (Known: known, Distance: Distance(plain, Plain(known))))
            .Where(k => k.Distance <= (k.Known.Length <= 4 ? 1 : 2))
            .OrderBy(k => k.Distance)
            .Select(k => k.Known)
            .FirstOrDefault();
        return nearest is null
            ? new(path, "Unknown property '{0}': no property of that name belongs here, so remove it.", name)
            : new(path, "Unknown property '{0}': did you mean '{1}'?", name, nearest);
    }

    /// <summary>A name without case, hyphens or underscores: <c>Sort_Order</c> is taken for <c>sortOrder</c>.</summary>
    private static string Plain(string name) =>
        new([.. name.Where(c => c is not ('-' or '_' or ' ')).Select(char.ToLowerInvariant)]);

    /// <summary>
    /// The edits (insert, delete, replace, swap two neighbours) from one name to another, so that <c>lable</c> is
    /// one edit from <c>label</c>.
    /// </summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    /// <summary>
    /// What an object may hold: properties with plain values, and properties holding an object or a list of
    /// objects of a known shape. An object of translations by culture name takes any name, once.
    /// </summary>
    private sealed class ObjectShape(
        string[] values, Dictionary<string, ObjectShape>? nested = null, bool anyName = false)
    {
        public IReadOnlyDictionary<string, ObjectShape> Nested { get; } =
            nested ?? new Dictionary<string, ObjectShape>();

        public IEnumerable<string> Names => values.Concat(Nested.Keys);

        public bool Knows(string name) => anyName || values.Contains(name) || Nested.ContainsKey(name);
    }
}
