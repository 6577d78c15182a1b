using MentorDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Tests.Features.Framework;

public sealed class FrameworkTransferTests : FrameworkServiceTest
{
    [Fact]
    public async Task Export_imported_into_an_empty_network_exports_the_same_document()
    {
        var housing = (await Services.FrameworkEditing.ListAsync(Network.Id, null))[0];
        await Services.FrameworkEditing.RetireAsync(Network.Id, housing.Id);
        var exported = await Services.FrameworkTransfer.ExportAsync(Network.Id);
        var empty = await AddEmptyNetworkAsync();

        var errors = await Services.FrameworkTransfer.ImportAsync(empty.Id, exported);

        Assert.Empty(errors);
        Assert.Equal(exported, await Services.FrameworkTransfer.ExportAsync(empty.Id));
        Assert.Contains("\"schema\": \"mentordashboard.framework/1\"", exported);
        Assert.Contains("\"retired\": true", exported);
    }

    [Fact]
    public async Task Invalid_import_lists_every_error_with_its_path_and_changes_nothing()
    {
        var before = await Services.FrameworkTransfer.ExportAsync(Network.Id);
        const string Document = """
            {
              "schema": "mentordashboard.framework/0",
              "topics": [
                { "key": "topic.housing", "label": "Housing", "sortOrder": 1 },
                { "key": "Topic.Boats", "label": "Boats", "sortOrder": 2 },
                { "key": "topic.housing", "label": "Homes", "sortOrder": 3 },
                { "key": "activity.walk", "label": "Walk", "sortOrder": 4 },
                { "key": "topic.sea", "label": "", "sortOrder": "five", "retired": "no" },
                { "key": "local.harbour.topic.x", "label": "X", "sortOrder": 6 }
              ],
              "activityTypes": "none",
              "questionnaires": [3]
            }
            """;

        var errors = await Services.FrameworkTransfer.ImportAsync(Network.Id, Document);

        Assert.Equal(
            [
                "$.schema", "$.topics[1].key", "$.topics[4].label", "$.topics[4].sortOrder", "$.topics[4].retired",
                "$.topics[5].key", "$.activityTypes", "$.questionnaires[0]",
                "$.topics[2].key", "$.topics[3].key", "$.topics", "$.topics",
            ],
            errors.Select(e => e.Path));
        Assert.Contains(errors, e => e.Text == "topic.language is in use and cannot be removed: "
            + "keep it in the document and mark it retired.");
        Assert.Equal(before, await Services.FrameworkTransfer.ExportAsync(Network.Id));
    }

    [Fact]
    public async Task Import_updates_adds_and_removes_items_nobody_relies_on()
    {
        await Services.FrameworkEditing.AddAsync(Network.Id, null, FrameworkItemKind.Topic, "topic.draft", "Draft");
        var document = """
            {
              "schema": "mentordashboard.framework/1",
              "topics": [
                { "key": "topic.work", "label": "Work", "sortOrder": 1 },
                { "key": "topic.housing", "label": "Housing", "sortOrder": 2 },
                { "key": "topic.language", "label": "Language", "sortOrder": 3, "retired": true },
                { "key": "topic.boats", "label": "Boats", "sortOrder": 4 }
              ],
              "activityTypes": [
                { "key": "activity.walk", "label": "Walk", "sortOrder": 1 },
                { "key": "activity.coffee", "label": "Coffee", "sortOrder": 2 }
              ]
            }
            """;

        var errors = await Services.FrameworkTransfer.ImportAsync(Network.Id, document);

        Assert.Empty(errors);
        var topics = (await Services.FrameworkEditing.ListAsync(Network.Id, null))
            .Where(i => i.Kind == FrameworkItemKind.Topic)
            .ToList();
        Assert.Equal(
            [("topic.work", false), ("topic.housing", false), ("topic.language", true), ("topic.boats", false)],
            topics.Select(t => (t.Key, t.IsRetired)));
    }

    [Fact]
    public async Task Import_that_is_not_json_says_so_at_the_root()
    {
        var errors = await Services.FrameworkTransfer.ImportAsync(Network.Id, "{ not json");

        Assert.Equal("$", Assert.Single(errors).Path);
    }

    private async Task<Network> AddEmptyNetworkAsync()
    {
        await using var db = await Database.OpenAsync();
        var network = new Network { Name = "Empty Network" };
        db.Networks.Add(network);
        await db.SaveChangesAsync();
        Assert.False(await db.FrameworkItems.AnyAsync(i => i.NetworkId == network.Id));
        return network;
    }
}
