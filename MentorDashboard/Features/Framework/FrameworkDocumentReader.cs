using System.Globalization;
using System.Text.Json;
using MentorDashboard.Data;

namespace MentorDashboard.Features.Framework;

/// <summary>An item read from an imported document, with where it stood in it.</summary>
internal sealed record ReadItem(FrameworkItemKind Kind, FrameworkDocumentItem Item, string Path);

/// <summary>
/// What the reader made of a document: the items it could read, every topic and activity type key it met (items
/// with a mistake included, so that they are not taken for items the document removes) and every error, each with
/// its path.
/// </summary>
internal sealed record FrameworkDocumentReading(
    IReadOnlyList<ReadItem> Items,
    IReadOnlySet<string> ItemKeys,
    IReadOnlySet<FrameworkItemKind> SectionsRead,
    QuestionnaireSection Questionnaires,
    IReadOnlyList<FrameworkError> Errors);

/// <summary>
/// Reads a framework document someone uploaded and checks its shape and keys, listing every error rather than
/// stopping at the first, so an admin can fix a file in one go.
/// </summary>
internal static class FrameworkDocumentReader
{
    /// <summary>Reads an uploaded file: UTF-8, or UTF-16 or UTF-32 with a byte order mark.</summary>
    public static FrameworkDocumentReading Read(byte[] file)
    {
        var errors = new List<FrameworkError>();
        var items = new List<ReadItem>();
        var sections = new HashSet<FrameworkItemKind>();
        if (!FrameworkDocumentParser.TryParse(file, out var document, out var error))
        {
            return new([], new HashSet<string>(), sections, new(false, [], []), [error]);
        }

        using (document)
        {
            // The parser only gives documents that start with a brace, so the root is an object.
            var root = document.RootElement;
            FrameworkDocumentProperties.Check(root, errors);

            if (!root.TryGetProperty("schema", out var schema) || schema.ValueKind != JsonValueKind.String
                || schema.GetString() != FrameworkDocument.Schema)
            {
                errors.Add(new("$.schema", "The schema must be {0}.", FrameworkDocument.Schema));
            }

            ReadSection(root, "topics", FrameworkItemKind.Topic, items, sections, errors);
            ReadSection(root, "activityTypes", FrameworkItemKind.ActivityType, items, sections, errors);
            var questionnaires = QuestionnaireSectionReader.Read(root, errors);

            // Topics, activity types and questionnaires share one set of keys.
            var keys = items.Select(i => (i.Item.Key, Path: i.Path + ".key")).Concat(questionnaires.Keys);
            foreach (var duplicate in keys.GroupBy(k => k.Key).SelectMany(g => g.Skip(1)))
            {
                errors.Add(new(duplicate.Path, "The key {0} appears more than once.", duplicate.Key));
            }

            var itemKeys = KeysIn(root, "topics")
                .Concat(KeysIn(root, "activityTypes"))
                .ToHashSet(StringComparer.Ordinal);
            return new(items, itemKeys, sections, questionnaires, errors);
        }
    }

    private static void ReadSection(
        JsonElement root,
        string name,
        FrameworkItemKind kind,
        List<ReadItem> items,
        HashSet<FrameworkItemKind> sections,
        List<FrameworkError> errors)
    {
        if (!root.TryGetProperty(name, out var section) || section.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new($"$.{name}", "This must be a list of items."));
            return;
        }

        sections.Add(kind);
        var index = 0;
        foreach (var element in section.EnumerateArray())
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"$.{name}[{index++}]");
            if (element.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new(path, "Each item must be a JSON object."));
                continue;
            }

            var before = errors.Count;
            var key = StringOf(element, "key");
            if (FrameworkKeys.Check(key, programmeKey: null, path + ".key") is { } keyError)
            {
                errors.Add(keyError);
            }

            var label = StringOf(element, "label");
            if (FrameworkKeys.CheckLabel(label, path + ".label") is { } labelError)
            {
                errors.Add(labelError);
            }

            var sortOrder = 0;
            if (!element.TryGetProperty("sortOrder", out var order) || order.ValueKind != JsonValueKind.Number
                || !order.TryGetInt32(out sortOrder))
            {
                errors.Add(new(path + ".sortOrder", "The sort order must be a whole number."));
            }

            var retired = false;
            if (element.TryGetProperty("retired", out var retiredValue))
            {
                if (retiredValue.ValueKind is JsonValueKind.True or JsonValueKind.False)
                {
                    retired = retiredValue.GetBoolean();
                }
                else
                {
                    errors.Add(new(path + ".retired", "Retired must be true or false."));
                }
            }

            if (errors.Count == before)
            {
                items.Add(new(kind, new FrameworkDocumentItem(key!, label!.Trim(), sortOrder, retired), path));
            }
        }
    }

    private static IEnumerable<string> KeysIn(JsonElement root, string name) =>
        root.TryGetProperty(name, out var section) && section.ValueKind == JsonValueKind.Array
            ? section.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.Object)
                .Select(e => StringOf(e, "key"))
                .OfType<string>()
            : [];

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
