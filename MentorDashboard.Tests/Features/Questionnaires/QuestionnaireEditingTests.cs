using MentorDashboard.Data;
using MentorDashboard.Features.Demo;
using MentorDashboard.Features.Questionnaires;
using MentorDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static MentorDashboard.Tests.Features.Questionnaires.QuestionnaireScenario;

namespace MentorDashboard.Tests.Features.Questionnaires;

public sealed class QuestionnaireEditingTests : IAsyncLifetime
{
    private readonly FixedTime _time = FixedTime.At(2026, 5, 3);
    private QuestionnaireScenario _scenario = null!;
    private FeatureServices _services = null!;

    private QuestionnaireEditingService Editing => _services.QuestionnaireEditing;

    private int NetworkId => _scenario.Network.Id;

    private int YouthId => _scenario.Youth.Id;

    public async ValueTask InitializeAsync()
    {
        _scenario = await QuestionnaireScenario.CreateAsync();
        _services = new FeatureServices(_scenario.Database, _time);
    }

    public async ValueTask DisposeAsync() => await _scenario.Database.DisposeAsync();

    [Fact]
    public async Task Created_questionnaire_is_listed_last_with_no_items()
    {
        var created = await Editing.CreateAsync(NetworkId, " questionnaire.wellbeing ", "How are you?");

        Assert.Empty(created.Errors);
        var last = (await Editing.ListAsync(NetworkId))[^1];
        Assert.Equal((created.Id!.Value, "questionnaire.wellbeing", 0), (last.Id, last.Key, last.ItemCount));
    }

    [Theory]
    [InlineData("Wellbeing", "Wellbeing is not a valid key: use lower-case dotted parts such as topic.housing.")]
    [InlineData("survey.wellbeing", "A questionnaire key starts with questionnaire..")]
    [InlineData(
        DemoQuestionnaires.YouthKey, "The key questionnaire.youth-relationship is already used in this network.")]
    public async Task Creating_with_a_bad_or_used_key_is_refused(string key, string message)
    {
        var created = await Editing.CreateAsync(NetworkId, key, "How are you?");

        Assert.Null(created.Id);
        Assert.Equal(message, Assert.Single(created.Errors).Text);
        Assert.Equal(2, (await Editing.ListAsync(NetworkId)).Count);
    }

    [Fact]
    public async Task Creating_with_a_key_a_framework_item_uses_is_refused()
    {
        await _services.FrameworkEditing.AddAsync(
            NetworkId, null, FrameworkItemKind.Topic, "questionnaire.wellbeing", "Wellbeing");

        var created = await Editing.CreateAsync(NetworkId, "questionnaire.wellbeing", "How are you?");

        Assert.Equal(QuestionnaireFields.Key, Assert.Single(created.Errors).Path);
    }

    [Fact]
    public async Task Valid_settings_are_saved()
    {
        var settings = Settings() with { Title = " Your mentor and you ", RepeatEveryDays = 60 };

        var errors = await Editing.UpdateSettingsAsync(NetworkId, YouthId, settings);

        Assert.Empty(errors);
        var saved = (await Editing.GetAsync(NetworkId, YouthId))!.Questionnaire;
        Assert.Equal(("Your mentor and you", 60), (saved.Title, saved.RepeatEveryDays));
    }

    [Theory]
    [InlineData(0, 90, 5, QuestionnaireFields.FirstDue)]
    [InlineData(30, 6, 5, QuestionnaireFields.Repeat)]
    [InlineData(3651, 90, 5, QuestionnaireFields.FirstDue)]
    [InlineData(30, int.MaxValue, 5, QuestionnaireFields.Repeat)]
    [InlineData(30, 90, 12, QuestionnaireFields.Points)]
    [InlineData(30, 90, 1, QuestionnaireFields.Points)]
    public async Task Settings_outside_the_rules_are_refused_and_change_nothing(
        int firstDue, int repeat, int points, string field)
    {
        var anchors = Enumerable.Range(1, points).Select(p => $"Point {p}").ToList();
        var settings = Settings() with
        {
            Title = "Changed",
            FirstDueAfterDays = firstDue,
            RepeatEveryDays = repeat,
            ResponseScale = new ResponseScale(points, ResponseScaleKind.Agreement, anchors),
        };

        var errors = await Editing.UpdateSettingsAsync(NetworkId, YouthId, settings);

        Assert.Equal(field, Assert.Single(errors).Path);
        Assert.Equal(DemoQuestionnaires.Youth().Title, (await YouthAsync()).Title);
    }

    [Fact]
    public async Task Response_scale_needs_one_label_per_point_and_labelled_ends()
    {
        var tooFew = Settings() with { ResponseScale = new(3, ResponseScaleKind.Agreement, ["No", "Yes"]) };
        var openEnd = Settings() with { ResponseScale = new(3, ResponseScaleKind.Agreement, ["No", "Maybe", " "]) };
        var middleOpen = Settings() with { ResponseScale = new(3, ResponseScaleKind.Agreement, ["No", "", "Yes"]) };

        Assert.Equal("Give one label per point.",
            Assert.Single(await Editing.UpdateSettingsAsync(NetworkId, YouthId, tooFew)).Text);
        Assert.Equal("Label at least the first and the last point.",
            Assert.Single(await Editing.UpdateSettingsAsync(NetworkId, YouthId, openEnd)).Text);
        Assert.Empty(await Editing.UpdateSettingsAsync(NetworkId, YouthId, middleOpen));
    }

    [Fact]
    public async Task Points_cannot_change_once_someone_has_answered()
    {
        await AnswerYouthAsync();
        var sevenPoints = Settings() with
        {
            ResponseScale = new(7, ResponseScaleKind.Frequency, ["Never", "", "", "", "", "", "Always"]),
        };

        var errors = await Editing.UpdateSettingsAsync(NetworkId, YouthId, sevenPoints);

        Assert.Equal("People have answered on 5 points, so the number of points can no longer change.",
            Assert.Single(errors).Text);
        Assert.Equal(5, (await YouthAsync()).ResponseScale.Points);
    }

    [Fact]
    public async Task Anchor_labels_and_title_may_change_after_answers()
    {
        await AnswerYouthAsync();
        var relabelled = Settings() with
        {
            Title = "Changed",
            ResponseScale = new(5, ResponseScaleKind.Frequency, ["Not at all", "", "", "", "All the time"]),
        };

        Assert.Empty(await Editing.UpdateSettingsAsync(NetworkId, YouthId, relabelled));
        Assert.Equal("Not at all", (await YouthAsync()).ResponseScale.Anchors[0]);
    }

    [Fact]
    public async Task Added_item_comes_last_on_its_scale()
    {
        var errors = await Editing.AddItemAsync(NetworkId, YouthId, "youth.laugh",
            new ItemSettings("We laugh together.", DemoQuestionnaires.YouthScale, IsReversed: false));

        Assert.Empty(errors);
        var last = (await YouthAsync()).Items[^1];
        Assert.Equal(("youth.laugh", "We laugh together."), (last.Key, last.Text));
    }

    [Theory]
    [InlineData("youth.trust", "Some text", DemoQuestionnaires.YouthScale, QuestionnaireFields.Key)]
    [InlineData("Laugh", "Some text", DemoQuestionnaires.YouthScale, QuestionnaireFields.Key)]
    [InlineData("youth.laugh", " ", DemoQuestionnaires.YouthScale, QuestionnaireFields.Text)]
    [InlineData("youth.laugh", "Some text", "youth.missing", QuestionnaireFields.Scale)]
    public async Task Adding_an_item_against_the_rules_is_refused(string key, string text, string scale, string field)
    {
        var errors = await Editing.AddItemAsync(NetworkId, YouthId, key, new ItemSettings(text, scale, false));

        Assert.Equal(field, Assert.Single(errors).Path);
        Assert.Equal(10, (await YouthAsync()).Items.Count);
    }

    [Fact]
    public async Task Item_text_longer_than_500_characters_is_refused()
    {
        var errors = await Editing.AddItemAsync(NetworkId, YouthId, "youth.long",
            new ItemSettings(new string('a', 501), DemoQuestionnaires.YouthScale, false));

        Assert.Equal("A question is at most 500 characters long.", Assert.Single(errors).Text);
    }

    [Fact]
    public async Task Reversal_can_change_before_anyone_answers()
    {
        var trust = await ItemAsync("youth.trust");

        var errors = await Editing.UpdateItemAsync(NetworkId, YouthId, trust.Id,
            new ItemSettings("I trust my mentor.", trust.ScaleKey, IsReversed: true));

        Assert.Empty(errors);
        var saved = await ItemAsync("youth.trust");
        Assert.Equal(("I trust my mentor.", true), (saved.Text, saved.IsReversed));
    }

    [Fact]
    public async Task Reversal_and_scale_cannot_change_once_someone_has_answered_but_the_text_can()
    {
        await AnswerYouthAsync();
        await Editing.AddScaleAsync(NetworkId, YouthId, "youth.other", "Other");
        var trust = await ItemAsync("youth.trust");

        var reversed = await Editing.UpdateItemAsync(NetworkId, YouthId, trust.Id,
            new ItemSettings(trust.Text, trust.ScaleKey, IsReversed: true));
        var moved = await Editing.UpdateItemAsync(NetworkId, YouthId, trust.Id,
            new ItemSettings(trust.Text, "youth.other", IsReversed: false));
        var reworded = await Editing.UpdateItemAsync(NetworkId, YouthId, trust.Id,
            new ItemSettings("I trust my mentor.", trust.ScaleKey, IsReversed: false));

        Assert.Equal(QuestionnaireFields.Reversed, Assert.Single(reversed).Path);
        Assert.Equal(QuestionnaireFields.Scale, Assert.Single(moved).Path);
        Assert.Empty(reworded);
        var saved = await ItemAsync("youth.trust");
        Assert.Equal(("I trust my mentor.", DemoQuestionnaires.YouthScale, false),
            (saved.Text, saved.ScaleKey, saved.IsReversed));
    }

    [Fact]
    public async Task Translations_are_saved_and_a_blank_one_falls_back_to_the_text()
    {
        var trust = await ItemAsync("youth.trust");
        var texts = new Dictionary<string, string?> { ["es-ES"] = " Confío en mi mentor. ", ["fr"] = " " };

        var errors = await Editing.UpdateItemAsync(NetworkId, YouthId, trust.Id,
            new ItemSettings(trust.Text, trust.ScaleKey, trust.IsReversed, texts));

        Assert.Empty(errors);
        var saved = await ItemAsync("youth.trust");
        Assert.Equal(("Confío en mi mentor.", trust.Text), (saved.TextFor("es-ES"), saved.TextFor("fr")));
    }

    [Fact]
    public async Task Moving_an_item_up_swaps_it_with_the_one_before()
    {
        var trust = await ItemAsync("youth.trust");

        await Editing.MoveItemAsync(NetworkId, YouthId, trust.Id, up: true);

        Assert.Equal(["youth.look-forward", "youth.trust", "youth.listens"],
            (await YouthAsync()).Items.Take(3).Select(i => i.Key));
    }

    [Fact]
    public async Task Retired_item_is_no_longer_asked_but_stays_stored()
    {
        var trust = await ItemAsync("youth.trust");

        Assert.Empty(await Editing.RetireItemAsync(NetworkId, YouthId, trust.Id));

        Assert.True((await ItemAsync("youth.trust")).IsRetired);
        var form = await _services.Questionnaires.GetFormAsync(
            _scenario.Programme.Id, _scenario.Mentee.Id, YouthId, _scenario.Match.Id, FirstOccasion);
        Assert.DoesNotContain("youth.trust", form!.Items.Select(i => i.Key));
    }

    [Fact]
    public async Task Retiring_an_item_the_scale_minimum_needs_is_refused()
    {
        // The youth scale counts from 8 of its 10 items: two may go, a third may not.
        var items = (await YouthAsync()).Items;
        await Editing.RetireItemAsync(NetworkId, YouthId, items[0].Id);
        await Editing.RetireItemAsync(NetworkId, YouthId, items[1].Id);

        var errors = await Editing.RetireItemAsync(NetworkId, YouthId, items[2].Id);

        Assert.Equal(QuestionnaireFields.Scale, Assert.Single(errors).Path);
        Assert.False((await YouthAsync()).Items[2].IsRetired);
    }

    [Fact]
    public async Task Valid_scale_settings_are_saved()
    {
        var scale = (await YouthAsync()).Scales.Single();
        ScoreBand[] bands = [new(2.5, "Concern", IsConcern: true), new(4.0, "Fair"), new(null, "Good")];

        var errors = await Editing.UpdateScaleAsync(NetworkId, YouthId, scale.Id,
            new ScaleSettings("Quality", ScaleScoring.Mean, 10, bands));

        Assert.Empty(errors);
        var saved = (await YouthAsync()).Scales.Single();
        Assert.Equal(("Quality", 10, 3), (saved.Name, saved.MinAnswered, saved.Bands.Count));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public async Task Minimum_answered_outside_one_to_the_item_count_is_refused(int minAnswered)
    {
        var scale = (await YouthAsync()).Scales.Single();

        var errors = await Editing.UpdateScaleAsync(NetworkId, YouthId, scale.Id,
            new ScaleSettings(scale.Name, ScaleScoring.Mean, minAnswered, scale.Bands));

        Assert.Equal(QuestionnaireFields.MinAnswered, Assert.Single(errors).Path);
    }

    [Fact]
    public async Task Bands_must_rise_and_only_the_last_may_be_open()
    {
        var scale = (await YouthAsync()).Scales.Single();
        ScoreBand[] falling = [new(3.0, "Concern"), new(3.0, "Fair")];
        ScoreBand[] openFirst = [new(null, "Concern"), new(4.0, "Fair")];

        var fallingErrors = await Editing.UpdateScaleAsync(NetworkId, YouthId, scale.Id,
            new ScaleSettings(scale.Name, ScaleScoring.Mean, 8, falling));
        var openErrors = await Editing.UpdateScaleAsync(NetworkId, YouthId, scale.Id,
            new ScaleSettings(scale.Name, ScaleScoring.Mean, 8, openFirst));

        Assert.Equal("Each band's upper bound must be above the one before.", Assert.Single(fallingErrors).Text);
        Assert.Equal("Only the last band may have no upper bound.", Assert.Single(openErrors).Text);
    }

    [Fact]
    public async Task Scoring_cannot_change_once_someone_has_answered()
    {
        await AnswerYouthAsync();
        var scale = (await YouthAsync()).Scales.Single();

        var errors = await Editing.UpdateScaleAsync(NetworkId, YouthId, scale.Id,
            new ScaleSettings(scale.Name, ScaleScoring.Sum, scale.MinAnswered, scale.Bands));

        Assert.Equal(QuestionnaireFields.Scoring, Assert.Single(errors).Path);
        Assert.Equal(ScaleScoring.Mean, (await YouthAsync()).Scales.Single().Scoring);
    }

    [Fact]
    public async Task Retired_questionnaire_keeps_its_responses()
    {
        await AnswerYouthAsync();

        await Editing.RetireAsync(NetworkId, YouthId);

        var summary = (await Editing.ListAsync(NetworkId)).Single(q => q.Id == YouthId);
        Assert.True(summary.IsRetired && summary.HasResponses);
        await using var db = await _scenario.Database.OpenAsync();
        Assert.Equal(1, await db.Set<Response>().CountAsync(r => r.QuestionnaireId == YouthId));
    }

    [Fact]
    public async Task Another_network_cannot_read_the_questionnaire()
    {
        var other = await _scenario.Data.AddNetworkAsync("Other Network");

        Assert.Null(await Editing.GetAsync(other.Id, YouthId));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Editing.RetireAsync(other.Id, YouthId));
    }

    private static QuestionnaireSettings Settings()
    {
        var youth = DemoQuestionnaires.Youth();
        return new(youth.Title, youth.Respondent, youth.FirstDueAfterDays, youth.RepeatEveryDays, youth.DueAtClosure,
            youth.ResponseScale);
    }

    private async Task<Questionnaire> YouthAsync() => (await Editing.GetAsync(NetworkId, YouthId))!.Questionnaire;

    private async Task<QuestionnaireItem> ItemAsync(string key) => (await YouthAsync()).Items.Single(i => i.Key == key);

    private async Task AnswerYouthAsync()
    {
        var result = await _services.Questionnaires.SubmitAsync(_scenario.Programme.Id, _scenario.Mentee.Id, new()
        {
            QuestionnaireId = YouthId,
            MatchId = _scenario.Match.Id,
            Occasion = FirstOccasion,
            Answers = AllAnswered(_scenario.Youth, 4),
        });
        Assert.True(result.Saved);
    }
}
