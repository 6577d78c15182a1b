using System.Text.Json;
using MentorDashboard.Data;

namespace MentorDashboard.Features.Framework;

/// <summary>One topic or activity type as a framework document lists it.</summary>
public sealed record FrameworkDocumentItem(string Key, string Label, int SortOrder, bool Retired);

/// <summary>
/// A network's framework as the JSON document that exports, imports and published versions share
/// (see docs/framework-json.md). Items keep their order; the questionnaires section is carried as it came.
/// </summary>
public sealed record FrameworkDocument(
    IReadOnlyList<FrameworkDocumentItem> Topics,
    IReadOnlyList<FrameworkDocumentItem> ActivityTypes,
    string? QuestionnairesJson = null)
{
    public const string Schema = "mentordashboard.framework/1";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public IEnumerable<(FrameworkItemKind Kind, FrameworkDocumentItem Item)> Items =>
        Topics.Select(t => (FrameworkItemKind.Topic, t))
            .Concat(ActivityTypes.Select(a => (FrameworkItemKind.ActivityType, a)));

    /// <summary>The network items of a working copy, retired ones included, in the order the editor shows.</summary>
    public static FrameworkDocument FromItems(IEnumerable<FrameworkItem> items, string? questionnairesJson)
    {
        var network = items.Where(i => i.ProgrammeId is null).ToList();
        List<FrameworkDocumentItem> OfKind(FrameworkItemKind kind) => network
            .Where(i => i.Kind == kind)
            .OrderBy(i => i.SortOrder)
            .ThenBy(i => i.Key, StringComparer.Ordinal)
            .Select(i => new FrameworkDocumentItem(i.Key, i.Label, i.SortOrder, i.IsRetired))
            .ToList();

        return new(OfKind(FrameworkItemKind.Topic), OfKind(FrameworkItemKind.ActivityType), questionnairesJson);
    }

    public string ToJson()
    {
        JsonElement? questionnaires = QuestionnairesJson is null
            ? null
            : JsonDocument.Parse(QuestionnairesJson).RootElement.Clone();
        return JsonSerializer.Serialize(new Dto(Schema, Topics, ActivityTypes, questionnaires), Options);
    }

    /// <summary>Reads a document this app wrote (a published version); imports go through the reader instead.</summary>
    public static FrameworkDocument FromTrustedJson(string json)
    {
        var dto = JsonSerializer.Deserialize<Dto>(json, Options)
            ?? throw new InvalidOperationException("A stored framework version is empty.");
        return new(dto.Topics, dto.ActivityTypes, dto.Questionnaires?.GetRawText());
    }

    private sealed record Dto(
        string Schema,
        IReadOnlyList<FrameworkDocumentItem> Topics,
        IReadOnlyList<FrameworkDocumentItem> ActivityTypes,
        JsonElement? Questionnaires);
}
