using System.Globalization;
using System.Text.Json;
using MentorDashboard.Features.Questionnaires;

namespace MentorDashboard.Features.Framework;

/// <summary>A questionnaire read from an imported document, with where it stood in it.</summary>
internal sealed record ReadQuestionnaire(FrameworkDocumentQuestionnaire Questionnaire, string Path)
{
    /// <summary>The path of an item, by its place in <see cref="FrameworkDocumentQuestionnaire.Items"/>.</summary>
    public string ItemPath(int index) => string.Create(CultureInfo.InvariantCulture, $"{Path}.items[{index}]");
}

/// <summary>
/// What the reader made of the <c>questionnaires</c> section: the questionnaires without errors, and every key it
/// met with its path, so that a questionnaire with a mistake elsewhere is not taken for one the document removes.
/// </summary>
internal sealed record QuestionnaireSection(
    bool IsPresent,
    IReadOnlyList<ReadQuestionnaire> Questionnaires,
    IReadOnlyList<(string Key, string Path)> Keys);

/// <summary>Reads and checks the <c>questionnaires</c> section of an imported framework document.</summary>
internal static class QuestionnaireSectionReader
{
    public const int MaxTextLength = 500;

    // As long as the editor allows, so that anything an admin typed there exports and imports again.
    public const int MaxBandLabelLength = FrameworkKeys.MaxLabelLength;

    public static QuestionnaireSection Read(JsonElement root, List<FrameworkError> errors)
    {
        if (!root.TryGetProperty("questionnaires", out var section) || section.ValueKind == JsonValueKind.Null)
        {
            return new(false, [], []);
        }

        if (section.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new("$.questionnaires", "This must be a list of questionnaires."));
            return new(false, [], []);
        }

        var read = new List<ReadQuestionnaire>();
        var keys = new List<(string, string)>();
        var index = 0;
        foreach (var element in section.EnumerateArray())
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"$.questionnaires[{index++}]");
            if (element.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new(path, "Each questionnaire must be a JSON object."));
                continue;
            }

            if (StringOf(element, "key") is { } key)
            {
                keys.Add((key, path + ".key"));
            }

            var before = errors.Count;
            var questionnaire = ReadQuestionnaire(element, path, errors);
            if (errors.Count == before)
            {
                read.Add(new(questionnaire, path));
            }
        }

        return new(true, read, keys);
    }

    private static FrameworkDocumentQuestionnaire ReadQuestionnaire(
        JsonElement element, string path, List<FrameworkError> errors)
    {
        var key = CheckedKey(element, path, errors);
        var title = CheckedText(element, "title", path, FrameworkKeys.MaxLabelLength, errors);
        var respondent = EnumOf<QuestionnaireRespondent>(element, "respondent", path, errors,
            "The respondent must be mentor, mentee or both.");
        var scale = ReadResponseScale(element, path + ".responseScale", errors);
        var schedule = ReadSchedule(element, path + ".schedule", errors);
        var retired = BoolOf(element, "retired", path, errors);
        var sortOrder = IntOf(element, "sortOrder", path, errors) ?? 0;
        var scales = ReadList(element, "scales", path, errors, ReadScale);
        var items = ReadList(element, "items", path, errors, ReadItem);
        CheckUnique(items.Select((i, n) => (i.Key, ItemPath(path, n))), errors);
        CheckUnique(scales.Select((s, n) => (s.Key, ListPath(path, "scales", n))), errors);

        var scaleKeys = scales.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        for (var n = 0; n < items.Count; n++)
        {
            if (items[n].Scale.Length > 0 && !scaleKeys.Contains(items[n].Scale))
            {
                errors.Add(new(ItemPath(path, n) + ".scale", "There is no scale {0} in this questionnaire.",
                    items[n].Scale));
            }
        }

        for (var n = 0; n < scales.Count; n++)
        {
            var itemCount = items.Count(i => i.Scale == scales[n].Key);
            if (scales[n].MinAnswered > itemCount)
            {
                errors.Add(new(ListPath(path, "scales", n) + ".minAnswered",
                    "The minimum answered is more than the scale's {0} items.",
                    itemCount.ToString(CultureInfo.InvariantCulture)));
            }
        }

        return new(key, title, respondent, scale, schedule, retired, sortOrder, items, scales);
    }

    private static FrameworkDocumentResponseScale ReadResponseScale(
        JsonElement parent, string path, List<FrameworkError> errors)
    {
        if (!parent.TryGetProperty("responseScale", out var element) || element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(path, "The response scale must be a JSON object."));
            return new(0, [], default);
        }

        var points = IntOf(element, "points", path, errors) ?? 0;
        if (points is < ResponseScale.MinPoints or > ResponseScale.MaxPoints && HasInt(element, "points"))
        {
            errors.Add(new(path + ".points", "A response scale has 2 to 11 points."));
        }

        var kind = EnumOf<ResponseScaleKind>(element, "kind", path, errors,
            "The kind must be agreement, frequency or faces.");
        var anchors = new List<string>();
        if (!element.TryGetProperty("anchors", out var list) || list.ValueKind != JsonValueKind.Array
            || list.EnumerateArray().Any(a => a.ValueKind != JsonValueKind.String))
        {
            errors.Add(new(path + ".anchors", "The anchors must be a list of texts, one for each point."));
        }
        else
        {
            anchors.AddRange(list.EnumerateArray().Select(a => a.GetString()!));
            if (anchors.Count != points)
            {
                errors.Add(new(path + ".anchors",
                    "Give one anchor for each of the {0} points; an empty text leaves a point unlabelled.",
                    points.ToString(CultureInfo.InvariantCulture)));
            }
            else if (anchors.Any(a => a.Length > FrameworkKeys.MaxLabelLength))
            {
                errors.Add(new(path + ".anchors", "An anchor is at most 200 characters long."));
            }
        }

        return new(points, anchors, kind);
    }

    private static FrameworkDocumentSchedule ReadSchedule(
        JsonElement parent, string path, List<FrameworkError> errors)
    {
        if (!parent.TryGetProperty("schedule", out var element) || element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(path, "The schedule must be a JSON object."));
            return new(0, null, false);
        }

        var first = IntOf(element, "firstDueAfterDays", path, errors);
        if (first < 0)
        {
            errors.Add(new(path + ".firstDueAfterDays", "The days before the first occasion cannot be negative."));
        }
        else if (first > QuestionnaireRules.MaxScheduleDays)
        {
            errors.Add(new(path + ".firstDueAfterDays", "The first occasion is at most 3650 days (ten years) after "
                + "the match starts."));
        }

        int? repeat = null;
        if (element.TryGetProperty("repeatEveryDays", out var value) && value.ValueKind != JsonValueKind.Null)
        {
            repeat = IntOf(element, "repeatEveryDays", path, errors);
            if (repeat < 1)
            {
                errors.Add(new(path + ".repeatEveryDays",
                    "Repeat after at least one day, or leave this out for a questionnaire given once."));
            }
            else if (repeat > QuestionnaireRules.MaxScheduleDays)
            {
                errors.Add(new(path + ".repeatEveryDays", "Repeat at least every 3650 days (ten years)."));
            }
        }

        return new(first ?? 0, repeat, BoolOf(element, "dueAtClosure", path, errors));
    }

    private static FrameworkDocumentQuestionnaireItem ReadItem(
        JsonElement element, string path, List<FrameworkError> errors)
    {
        var key = CheckedKey(element, path, errors);
        var text = CheckedText(element, "text", path, MaxTextLength, errors);
        var texts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (element.TryGetProperty("texts", out var translations) && translations.ValueKind != JsonValueKind.Null)
        {
            if (translations.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new(path + ".texts", "The texts must be an object of culture names and texts."));
            }
            else
            {
                foreach (var translation in translations.EnumerateObject())
                {
                    var translationPath = FrameworkDocumentProperties.PathOf(path + ".texts", translation.Name);
                    if (!IsCultureName(translation.Name))
                    {
                        errors.Add(new(translationPath, "{0} is not a culture name such as es-ES or fr.",
                            translation.Name));
                    }
                    else if (translation.Value.ValueKind != JsonValueKind.String
                        || string.IsNullOrWhiteSpace(translation.Value.GetString())
                        || translation.Value.GetString()!.Length > MaxTextLength)
                    {
                        errors.Add(new(translationPath, "Enter a text of at most 500 characters."));
                    }
                    else
                    {
                        texts[translation.Name] = translation.Value.GetString()!.Trim();
                    }
                }
            }
        }

        var scale = StringOf(element, "scale");
        if (string.IsNullOrEmpty(scale))
        {
            errors.Add(new(path + ".scale", "Each item names the key of its scale."));
        }

        return new(key, text, texts, scale ?? "", BoolOf(element, "reversed", path, errors),
            IntOf(element, "sortOrder", path, errors) ?? 0, BoolOf(element, "retired", path, errors));
    }

    private static FrameworkDocumentScale ReadScale(JsonElement element, string path, List<FrameworkError> errors)
    {
        var key = CheckedKey(element, path, errors);
        var name = CheckedText(element, "name", path, FrameworkKeys.MaxLabelLength, errors);
        var scoring = EnumOf<ScaleScoring>(element, "scoring", path, errors, "The scoring must be mean or sum.");
        var minAnswered = IntOf(element, "minAnswered", path, errors) ?? 1;
        if (minAnswered < 1)
        {
            errors.Add(new(path + ".minAnswered", "A score needs at least one answered item."));
        }

        var bands = ReadList(element, "bands", path, errors, ReadBand);
        for (var n = 1; n < bands.Count; n++)
        {
            if (bands[n - 1].UpTo is not { } previous || bands[n].UpTo is { } upTo && upTo <= previous)
            {
                errors.Add(new(ListPath(path, "bands", n) + ".upTo",
                    "Bands go from low to high: each upTo is above the one before, and only the last is open."));
            }
        }

        var sortOrder = element.TryGetProperty("sortOrder", out _) ? IntOf(element, "sortOrder", path, errors) : 0;
        return new(key, name, scoring, Math.Max(minAnswered, 1), bands, sortOrder ?? 0);
    }

    private static FrameworkDocumentBand ReadBand(JsonElement element, string path, List<FrameworkError> errors)
    {
        double? upTo = null;
        if (element.TryGetProperty("upTo", out var value) && value.ValueKind != JsonValueKind.Null)
        {
            if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var bound))
            {
                upTo = bound;
            }
            else
            {
                errors.Add(new(path + ".upTo", "The upper bound must be a number, or null for the highest band."));
            }
        }

        var label = CheckedText(element, "label", path, MaxBandLabelLength, errors);
        return new(upTo, label, BoolOf(element, "isConcern", path, errors));
    }

    private static List<T> ReadList<T>(
        JsonElement parent,
        string name,
        string path,
        List<FrameworkError> errors,
        Func<JsonElement, string, List<FrameworkError>, T> read)
    {
        var result = new List<T>();
        if (!parent.TryGetProperty(name, out var list) || list.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new($"{path}.{name}", "This must be a list."));
            return result;
        }

        var index = 0;
        foreach (var element in list.EnumerateArray())
        {
            var elementPath = ListPath(path, name, index++);
            if (element.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new(elementPath, "Each entry must be a JSON object."));
                continue;
            }

            result.Add(read(element, elementPath, errors));
        }

        return result;
    }

    private static void CheckUnique(IEnumerable<(string Key, string Path)> keys, List<FrameworkError> errors)
    {
        foreach (var duplicate in keys.Where(k => k.Key.Length > 0).GroupBy(k => k.Key).SelectMany(g => g.Skip(1)))
        {
            errors.Add(new(duplicate.Path + ".key", "The key {0} appears more than once.", duplicate.Key));
        }
    }

    private static string CheckedKey(JsonElement element, string path, List<FrameworkError> errors)
    {
        var key = StringOf(element, "key");
        if (FrameworkKeys.Check(key, programmeKey: null, path + ".key") is { } error)
        {
            errors.Add(error);
            return "";
        }

        return key!;
    }

    private static string CheckedText(
        JsonElement element, string name, string path, int maxLength, List<FrameworkError> errors)
    {
        var text = StringOf(element, name);
        if (string.IsNullOrWhiteSpace(text) || text.Length > maxLength)
        {
            errors.Add(new($"{path}.{name}", "Enter a text of at most {0} characters.",
                maxLength.ToString(CultureInfo.InvariantCulture)));
            return "";
        }

        return text.Trim();
    }

    private static TEnum EnumOf<TEnum>(
        JsonElement element, string name, string path, List<FrameworkError> errors, string message)
        where TEnum : struct, Enum
    {
        var text = StringOf(element, name);
        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (JsonNamingPolicy.CamelCase.ConvertName(value.ToString()) == text)
            {
                return value;
            }
        }

        errors.Add(new($"{path}.{name}", message));
        return default;
    }

    private static int? IntOf(JsonElement element, string name, string path, List<FrameworkError> errors)
    {
        if (element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            && value.TryGetInt32(out var number))
        {
            return number;
        }

        errors.Add(new($"{path}.{name}", "This must be a whole number."));
        return null;
    }

    private static bool HasInt(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
        && value.TryGetInt32(out _);

    private static bool BoolOf(JsonElement element, string name, string path, List<FrameworkError> errors)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return false;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        errors.Add(new($"{path}.{name}", "This must be true or false."));
        return false;
    }

    private static bool IsCultureName(string name) =>
        name.Length is > 0 and <= 20 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
        && char.IsAsciiLetter(name[0]);

    private static string ItemPath(string path, int index) => ListPath(path, "items", index);

    private static string ListPath(string path, string name, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{path}.{name}[{index}]");

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
