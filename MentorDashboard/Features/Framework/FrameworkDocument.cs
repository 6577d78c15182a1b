using System.Text.Json;
using System.Text.Json.Serialization;
using MentorDashboard.Data;
using MentorDashboard.Features.Questionnaires;

namespace MentorDashboard.Features.Framework;

/// <summary>One topic or activity type as a framework document lists it.</summary>
public sealed record FrameworkDocumentItem(string Key, string Label, int SortOrder, bool Retired);

/// <summary>
/// A network's framework as the JSON document that exports, imports and published versions share
/// (see docs/framework-json.md). Items and questionnaires keep their order.
/// </summary>
public sealed record FrameworkDocument(
    IReadOnlyList<FrameworkDocumentItem> Topics,
    IReadOnlyList<FrameworkDocumentItem> ActivityTypes,
    IReadOnlyList<FrameworkDocumentQuestionnaire> Questionnaires)
{
    public const string Schema = "mentordashboard.framework/1";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public IEnumerable<(FrameworkItemKind Kind, FrameworkDocumentItem Item)> Items =>
        Topics.Select(t => (FrameworkItemKind.Topic, t))
            .Concat(ActivityTypes.Select(a => (FrameworkItemKind.ActivityType, a)));

    /// <summary>
    /// The network items and questionnaires of a working copy, retired ones included, in the order the editor
    /// shows.
    /// </summary>
    public static FrameworkDocument FromItems(
        IEnumerable<FrameworkItem> items, IEnumerable<Questionnaire> questionnaires)
    {
        var network = items.Where(i => i.ProgrammeId is null).ToList();
        List<FrameworkDocumentItem> OfKind(FrameworkItemKind kind) => network
            .Where(i => i.Kind == kind)
            .OrderBy(i => i.SortOrder)
            .ThenBy(i => i.Key, StringComparer.Ordinal)
            .Select(i => new FrameworkDocumentItem(i.Key, i.Label, i.SortOrder, i.IsRetired))
            .ToList();

        var inOrder = questionnaires
            .OrderBy(q => q.SortOrder)
            .ThenBy(q => q.Key, StringComparer.Ordinal)
            .Select(FrameworkDocumentQuestionnaire.From)
            .ToList();
        return new(OfKind(FrameworkItemKind.Topic), OfKind(FrameworkItemKind.ActivityType), inOrder);
    }

    public string ToJson() =>
        JsonSerializer.Serialize(new Dto(Schema, Topics, ActivityTypes, Questionnaires), Options);

    /// <summary>Reads a document this app wrote (a published version); imports go through the reader instead.</summary>
    public static FrameworkDocument FromTrustedJson(string json)
    {
        var dto = JsonSerializer.Deserialize<Dto>(json, Options)
            ?? throw new InvalidOperationException("A stored framework version is empty.");
        // Versions published before questionnaires joined the document have no such section.
        return new(dto.Topics, dto.ActivityTypes, dto.Questionnaires ?? []);
    }

    private sealed record Dto(
        string Schema,
        IReadOnlyList<FrameworkDocumentItem> Topics,
        IReadOnlyList<FrameworkDocumentItem> ActivityTypes,
        IReadOnlyList<FrameworkDocumentQuestionnaire>? Questionnaires);
}
