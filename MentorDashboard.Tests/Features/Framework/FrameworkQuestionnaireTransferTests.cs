using System.Text.Json.Nodes;
using MentorDashboard.Data;
using MentorDashboard.Features.Demo;
using MentorDashboard.Features.Framework;
using MentorDashboard.Features.Questionnaires;
using MentorDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Tests.Features.Framework;

/// <summary>
/// The questionnaires section of the framework document. The network holds the demo's two instruments:
/// <c>$.questionnaires[0]</c> is the mentee one (ten items, one scale) and <c>$.questionnaires[1]</c> the mentor
/// one (ten closeness items, then four on meeting in practice).
/// </summary>
public sealed class FrameworkQuestionnaireTransferTests : FrameworkServiceTest
{
    [Fact]
    public async Task Both_demo_instruments_survive_export_and_import_into_an_empty_network()
    {
        var youth = DemoQuestionnaires.Youth();
        youth.Items[0].Texts["es"] = "Tengo ganas de ver a mi mentor.";

        // The longest band label the editor takes.
        var band = youth.Scales[0].Bands[0];
        youth.Scales[0].Bands[0] = band with { Label = new string('b', FrameworkKeys.MaxLabelLength) };
        await AddQuestionnairesAsync(Network.Id, youth, DemoQuestionnaires.Mentor());
        var exported = await Services.FrameworkTransfer.ExportAsync(Network.Id);
        var empty = await AddEmptyNetworkAsync();

        var errors = await Services.FrameworkTransfer.ImportAsync(empty.Id, exported);

        Assert.Empty(errors);
        Assert.Equal(exported, await Services.FrameworkTransfer.ExportAsync(empty.Id));
        var imported = await ReadQuestionnairesAsync(empty.Id);
        Assert.Equal([DemoQuestionnaires.YouthKey, DemoQuestionnaires.MentorKey], imported.Select(q => q.Key));
        Assert.Equal(24, imported.Sum(q => q.Items.Count));
        Assert.Equal(12, imported.Sum(q => q.Items.Count(i => i.IsReversed)));
        var lookForward = imported[0].Items.Single(i => i.SortOrder == 1);
        Assert.Equal("Tengo ganas de ver a mi mentor.", lookForward.Texts["es"]);
        var closeness = imported[1].Scales.Single(s => s.Key == DemoQuestionnaires.MentorAffectiveScale);
        Assert.Equal(8, closeness.MinAnswered);
    }

    [Fact]
    public async Task Invalid_questionnaires_are_listed_with_their_paths_and_nothing_changes()
    {
        await AddQuestionnairesAsync(Network.Id, DemoQuestionnaires.Youth(), DemoQuestionnaires.Mentor());
        var before = await Services.FrameworkTransfer.ExportAsync(Network.Id);
        var document = JsonNode.Parse(before)!;
        var youth = document["questionnaires"]![0]!;
        var mentor = document["questionnaires"]![1]!;
        youth["responseScale"]!["anchors"]!.AsArray().RemoveAt(4);
        youth["schedule"]!["repeatEveryDays"] = 0;
        youth["scales"]![0]!["minAnswered"] = 11;
        mentor["respondent"] = "coach";
        mentor["responseScale"]!["points"] = 1;
        mentor["responseScale"]!["anchors"] = new JsonArray("Agree");
        mentor["items"]![4]!["key"] = "mentor.close";
        mentor["items"]![11]!["scale"] = "mentor.nothing";
        mentor["scales"]![0]!["minAnswered"] = 0;
        mentor["scales"]![1]!["bands"]![1]!["upTo"] = 2;
        var copy = JsonNode.Parse(youth.ToJsonString())!;
        copy["key"] = "Questionnaire.Copy";
        document["questionnaires"]!.AsArray().Add(copy);
        var twin = JsonNode.Parse(youth.ToJsonString())!;
        twin["key"] = "topic.work";
        document["questionnaires"]!.AsArray().Add(twin);

        var errors = await Services.FrameworkTransfer.ImportAsync(Network.Id, document.ToJsonString());

        Assert.Equal(
            [
                "$.questionnaires[0].responseScale.anchors",
                "$.questionnaires[0].schedule.repeatEveryDays",
                "$.questionnaires[0].scales[0].minAnswered",
                "$.questionnaires[1].respondent",
                "$.questionnaires[1].responseScale.points",
                "$.questionnaires[1].scales[0].minAnswered",
                "$.questionnaires[1].scales[1].bands[1].upTo",
                "$.questionnaires[1].items[4].key",
                "$.questionnaires[1].items[11].scale",
                "$.questionnaires[2].key",
                "$.questionnaires[2].responseScale.anchors",
                "$.questionnaires[2].schedule.repeatEveryDays",
                "$.questionnaires[2].scales[0].minAnswered",
                "$.questionnaires[3].responseScale.anchors",
                "$.questionnaires[3].schedule.repeatEveryDays",
                "$.questionnaires[3].scales[0].minAnswered",
                "$.questionnaires[3].key",
                "$.questionnaires[3].key",
            ],
            errors.Select(e => e.Path));
        Assert.Contains(errors, e => e.Text == "The key mentor.close appears more than once.");
        Assert.Contains(errors, e => e.Text == "The key topic.work already belongs to an item of the other kind.");
        Assert.Equal(before, await Services.FrameworkTransfer.ExportAsync(Network.Id));
    }

    [Fact]
    public async Task Schedule_of_more_than_ten_years_is_refused_and_nothing_changes()
    {
        await AddQuestionnairesAsync(Network.Id, DemoQuestionnaires.Youth(), DemoQuestionnaires.Mentor());
        var before = await Services.FrameworkTransfer.ExportAsync(Network.Id);
        var document = JsonNode.Parse(before)!;
        document["questionnaires"]![0]!["schedule"]!["firstDueAfterDays"] = int.MaxValue;
        document["questionnaires"]![1]!["schedule"]!["repeatEveryDays"] = 3651;

        var errors = await Services.FrameworkTransfer.ImportAsync(Network.Id, document.ToJsonString());

        Assert.Equal(
            [
                ("$.questionnaires[0].schedule.firstDueAfterDays",
                    "The first occasion is at most 3650 days (ten years) after the match starts."),
                ("$.questionnaires[1].schedule.repeatEveryDays", "Repeat at least every 3650 days (ten years)."),
            ],
            errors.Select(e => (e.Path, e.Text)));
        Assert.Equal(before, await Services.FrameworkTransfer.ExportAsync(Network.Id));
    }

    [Fact]
    public async Task Unknown_and_repeated_properties_inside_questionnaires_are_listed_and_nothing_changes()
    {
        await AddQuestionnairesAsync(Network.Id, DemoQuestionnaires.Youth(), DemoQuestionnaires.Mentor());
        var before = await Services.FrameworkTransfer.ExportAsync(Network.Id);
        var document = JsonNode.Parse(before)!;
        var mentor = document["questionnaires"]![1]!;
        mentor["responseScale"]!["anchor"] = new JsonArray();
        mentor["schedule"]!["repeatEveryDay"] = 30;
        mentor["items"]![0]!["texts"] = new JsonObject { ["es"] = "Me siento cerca." };
        mentor["items"]![2]!["weight"] = 2;
        mentor["scales"]![1]!["bands"]![0]!["isConcerned"] = true;
        var json = document.ToJsonString().Replace(
            "\"es\":\"Me siento cerca.\"", "\"es\":\"Me siento cerca.\",\"es\":\"Cerca.\"", StringComparison.Ordinal);

        var errors = await Services.FrameworkTransfer.ImportAsync(Network.Id, json);

        Assert.Equal(
            [
                ("$.questionnaires[1].responseScale.anchor", "Unknown property 'anchor': did you mean 'anchors'?"),
                ("$.questionnaires[1].schedule.repeatEveryDay",
                    "Unknown property 'repeatEveryDay': did you mean 'repeatEveryDays'?"),
                ("$.questionnaires[1].items[0].texts.es", "This property appears more than once: keep one."),
                ("$.questionnaires[1].items[2].weight",
                    "Unknown property 'weight': no property of that name belongs here, so remove it."),
                ("$.questionnaires[1].scales[1].bands[0].isConcerned",
                    "Unknown property 'isConcerned': did you mean 'isConcern'?"),
            ],
            errors.Select(e => (e.Path, e.Text)));
        Assert.Equal(before, await Services.FrameworkTransfer.ExportAsync(Network.Id));
    }

    [Fact]
    public async Task Questionnaire_with_responses_cannot_lose_an_item_or_change_its_scale_or_reversal()
    {
        await AddQuestionnairesAsync(Network.Id, DemoQuestionnaires.Youth(), DemoQuestionnaires.Mentor());
        await AddMentorResponseAsync();
        var before = await Services.FrameworkTransfer.ExportAsync(Network.Id);
        var document = JsonNode.Parse(before)!;
        var items = document["questionnaires"]![1]!["items"]!.AsArray();
        items.RemoveAt(0);
        items[0]!["reversed"] = false;
        items[12]!["scale"] = DemoQuestionnaires.MentorAffectiveScale;

        var errors = await Services.FrameworkTransfer.ImportAsync(Network.Id, document.ToJsonString());

        Assert.Equal(
            [
                ("$.questionnaires[1].items",
                    "mentor.close has answers and cannot be removed: keep it in the document and mark it retired."),
                ("$.questionnaires[1].items[0].reversed",
                    "mentor.frustrated has answers, so its reversal cannot change: that would rescore them."),
                ("$.questionnaires[1].items[12].scale",
                    "mentor.cancelled has answers, so its scale cannot change: that would rescore them."),
            ],
            errors.Select(e => (e.Path, e.Text)));
        Assert.Equal(before, await Services.FrameworkTransfer.ExportAsync(Network.Id));
    }

    [Fact]
    public async Task Questionnaire_with_responses_cannot_be_removed_but_can_be_retired()
    {
        await AddQuestionnairesAsync(Network.Id, DemoQuestionnaires.Youth(), DemoQuestionnaires.Mentor());
        await AddMentorResponseAsync();
        var document = JsonNode.Parse(await Services.FrameworkTransfer.ExportAsync(Network.Id))!;
        var questionnaires = document["questionnaires"]!.AsArray();
        var mentor = questionnaires[1]!;
        questionnaires.RemoveAt(1);

        var removing = await Services.FrameworkTransfer.ImportAsync(Network.Id, document.ToJsonString());
        mentor["retired"] = true;
        mentor["title"] = "How was your match going?";
        questionnaires.Add(mentor);
        var retiring = await Services.FrameworkTransfer.ImportAsync(Network.Id, document.ToJsonString());

        Assert.Equal(
            ("$.questionnaires", "questionnaire.mentor-relationship has responses and cannot be removed: "
                + "keep it in the document and mark it retired."),
            Assert.Single(removing.Select(e => (e.Path, e.Text))));
        Assert.Empty(retiring);
        var stored = Assert.Single(await ReadQuestionnairesAsync(Network.Id), q => q.IsRetired);
        Assert.Equal(("How was your match going?", 14), (stored.Title, stored.Items.Count));
    }

    [Fact]
    public async Task Answered_item_can_be_retired_by_import_and_the_retirement_is_exported()
    {
        await AddQuestionnairesAsync(Network.Id, DemoQuestionnaires.Youth(), DemoQuestionnaires.Mentor());
        await AddMentorResponseAsync();
        var document = JsonNode.Parse(await Services.FrameworkTransfer.ExportAsync(Network.Id))!;
        var item = document["questionnaires"]![1]!["items"]![0]!;
        item["retired"] = true;

        var errors = await Services.FrameworkTransfer.ImportAsync(Network.Id, document.ToJsonString());
        var exported = JsonNode.Parse(await Services.FrameworkTransfer.ExportAsync(Network.Id))!;

        Assert.Empty(errors);
        var stored = Assert.Single(
            await ReadQuestionnairesAsync(Network.Id), q => q.Key == DemoQuestionnaires.MentorKey);
        Assert.True(stored.Items.Single(i => i.Key == item["key"]!.GetValue<string>()).IsRetired);
        Assert.True(exported["questionnaires"]![1]!["items"]![0]!["retired"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Import_without_responses_adds_updates_and_removes_items_and_questionnaires()
    {
        await AddQuestionnairesAsync(Network.Id, DemoQuestionnaires.Youth(), DemoQuestionnaires.Mentor());
        var document = JsonNode.Parse(await Services.FrameworkTransfer.ExportAsync(Network.Id))!;
        var questionnaires = document["questionnaires"]!.AsArray();
        questionnaires.RemoveAt(0);
        var items = questionnaires[0]!["items"]!.AsArray();
        items.RemoveAt(13);
        items[0]!["reversed"] = true;
        items[0]!["texts"] = new JsonObject { ["fr"] = "Je me sens proche de mon mentoré." };

        var errors = await Services.FrameworkTransfer.ImportAsync(Network.Id, document.ToJsonString());

        Assert.Empty(errors);
        var stored = Assert.Single(await ReadQuestionnairesAsync(Network.Id));
        Assert.Equal(DemoQuestionnaires.MentorKey, stored.Key);
        Assert.Equal(13, stored.Items.Count);
        var close = stored.Items.Single(i => i.Key == "mentor.close");
        Assert.True(close.IsReversed);
        Assert.Equal("Je me sens proche de mon mentoré.", close.TextFor("fr-FR"));
    }

    [Fact]
    public async Task Publishing_a_version_includes_the_questionnaires()
    {
        await AddQuestionnairesAsync(Network.Id, DemoQuestionnaires.Youth(), DemoQuestionnaires.Mentor());
        var exported = await Services.FrameworkTransfer.ExportAsync(Network.Id);

        var published = await Services.FrameworkVersions.PublishAsync(Network.Id, null, "With questionnaires");

        await using var db = await Database.OpenAsync();
        var json = await db.Set<FrameworkVersion>()
            .Where(v => v.Id == published.Id)
            .Select(v => v.DocumentJson)
            .SingleAsync();
        Assert.Equal(exported, json);
        var document = FrameworkDocument.FromTrustedJson(json);
        Assert.Equal([DemoQuestionnaires.YouthKey, DemoQuestionnaires.MentorKey],
            document.Questionnaires.Select(q => q.Key));
        Assert.Equal(3, document.Questionnaires.Sum(q => q.Scales.Count));
    }

    [Fact]
    public async Task Comparing_versions_lists_questionnaire_and_item_changes()
    {
        await AddQuestionnairesAsync(Network.Id, DemoQuestionnaires.Youth());
        var first = await Services.FrameworkVersions.PublishAsync(Network.Id, null, "First");
        var document = JsonNode.Parse(await Services.FrameworkTransfer.ExportAsync(Network.Id))!;
        var youth = document["questionnaires"]![0]!;
        youth["title"] = "How are things with your mentor?";
        youth["items"]![0]!["retired"] = true;
        var mentor = JsonNode.Parse(await ExportOfAsync(DemoQuestionnaires.Mentor()))!;
        document["questionnaires"]!.AsArray().Add(mentor.DeepClone());
        Assert.Empty(await Services.FrameworkTransfer.ImportAsync(Network.Id, document.ToJsonString()));
        var second = await Services.FrameworkVersions.PublishAsync(Network.Id, null, "Second");

        var changes = await Services.FrameworkVersions.CompareAsync(Network.Id, first.Id, second.Id);

        Assert.Contains(changes.Added, c => c.Kind == FrameworkChangeKind.Questionnaire
            && c.Key == DemoQuestionnaires.MentorKey);
        Assert.Contains(changes.Renamed, c => c.Kind == FrameworkChangeKind.Questionnaire
            && c.Label == "How are things with your mentor?" && c.OldLabel == "How is it going with your mentor?");
        Assert.Equal(
            [(FrameworkChangeKind.QuestionnaireItem, youth["items"]![0]!["key"]!.GetValue<string>())],
            changes.Retired.Select(c => (c.Kind, c.Key)));
    }

    [Fact]
    public async Task Import_dates_the_asking_of_new_questionnaires_only_and_keeps_every_occasion_of_the_others()
    {
        // The youth instrument predates asking days: its running matches keep every occasion since their start.
        await AddQuestionnairesAsync(Network.Id, DemoQuestionnaires.Youth());
        var document = JsonNode.Parse(await Services.FrameworkTransfer.ExportAsync(Network.Id))!;
        document["questionnaires"]!.AsArray().Add(JsonNode.Parse(await ExportOfAsync(DemoQuestionnaires.Mentor())));

        var errors = await Services.FrameworkTransfer.ImportAsync(Network.Id, document.ToJsonString());

        Assert.Empty(errors);
        Assert.Equal(
            [(DemoQuestionnaires.YouthKey, null), (DemoQuestionnaires.MentorKey, (DateOnly?)Time.Today())],
            (await ReadQuestionnairesAsync(Network.Id)).Select(q => (q.Key, q.AskedFrom)));
    }

    private async Task<string> ExportOfAsync(Questionnaire questionnaire)
    {
        var other = await new TestData(Database).AddNetworkAsync("Elsewhere");
        await AddQuestionnairesAsync(other.Id, questionnaire);
        var exported = JsonNode.Parse(await Services.FrameworkTransfer.ExportAsync(other.Id))!;
        return exported["questionnaires"]![0]!.ToJsonString();
    }

    private async Task AddQuestionnairesAsync(int networkId, params Questionnaire[] questionnaires)
    {
        await using var db = await Database.OpenAsync();
        foreach (var questionnaire in questionnaires)
        {
            questionnaire.NetworkId = networkId;
        }

        db.AddRange(questionnaires);
        await db.SaveChangesAsync();
    }

    /// <summary>The mentor's answers to every item of the mentor instrument, stored with their scores.</summary>
    private async Task AddMentorResponseAsync()
    {
        var match = await AddMatchAsync();
        await using var db = await Database.OpenAsync();
        var mentor = await db.Set<Questionnaire>()
            .Include(q => q.Items)
            .SingleAsync(q => q.NetworkId == Network.Id && q.Key == DemoQuestionnaires.MentorKey);
        db.Add(new Response
        {
            QuestionnaireId = mentor.Id,
            MatchId = match.Id,
            ProgrammeId = Programme.Id,
            RespondentId = match.MentorId,
            Occasion = new DateOnly(2026, 3, 31),
            SubmittedAtUtc = new DateTime(2026, 4, 1, 9, 0, 0, DateTimeKind.Utc),
            SubmissionId = Guid.NewGuid(),
            Answers = [.. mentor.Items.Select(i => new ResponseAnswer { ItemKey = i.Key, Value = 4 })],
            Scores =
            [
                new ResponseScore { ScaleKey = DemoQuestionnaires.MentorAffectiveScale, Score = 3, Band = "Fair" },
                new ResponseScore { ScaleKey = DemoQuestionnaires.MentorLogisticalScale, Score = 3, Band = "Fair" },
            ],
        });
        await db.SaveChangesAsync();
    }

    private async Task<List<Questionnaire>> ReadQuestionnairesAsync(int networkId)
    {
        await using var db = await Database.OpenAsync();
        return await db.Set<Questionnaire>()
            .Where(q => q.NetworkId == networkId)
            .Include(q => q.Items)
            .Include(q => q.Scales)
            .OrderBy(q => q.SortOrder)
            .ToListAsync();
    }

    private async Task<Network> AddEmptyNetworkAsync()
    {
        await using var db = await Database.OpenAsync();
        var network = new Network { Name = "Empty Network" };
        db.Networks.Add(network);
        await db.SaveChangesAsync();
        return network;
    }
}
