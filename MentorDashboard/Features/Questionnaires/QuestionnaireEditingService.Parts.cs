using System.Globalization;
using MentorDashboard.Features.Framework;

namespace MentorDashboard.Features.Questionnaires;

/// <summary>The scales and items of a questionnaire.</summary>
public sealed partial class QuestionnaireEditingService
{
    /// <summary>Adds a scale scored as the mean of at least one answered item, with no bands.</summary>
    public async Task<IReadOnlyList<FrameworkError>> AddScaleAsync(
        int networkId, int questionnaireId, string? key, string? name, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var questionnaire = await FindAsync(db, networkId, questionnaireId, cancellationToken);
        key = key?.Trim();
        var errors = new List<FrameworkError>();
        if (CheckPartKey(key, questionnaire.Scales.Select(s => s.Key)) is { } keyError)
        {
            errors.Add(keyError);
        }

        if (FrameworkKeys.CheckLabel(name, QuestionnaireFields.Name) is not null)
        {
            errors.Add(new(QuestionnaireFields.Name, "Enter a name of at most 200 characters."));
        }

        if (errors.Count > 0)
        {
            return Refused(questionnaireId, errors);
        }

        questionnaire.Scales.Add(new QuestionnaireScale
        {
            Key = key!,
            Name = name!.Trim(),
            SortOrder = questionnaire.Scales.Select(s => s.SortOrder).DefaultIfEmpty().Max() + 1,
        });
        await db.SaveChangesAsync(cancellationToken);
        QuestionnairesLog.Changed(logger, questionnaireId, "scale added");
        return [];
    }

    /// <summary>
    /// Changes a scale's name, scoring, minimum and bands. The minimum lies between 1 and the scale's items in
    /// use (1 while it has none). Scoring a scale differently after responses would make old and new scores
    /// incomparable, so it is refused then; bands only name scores and may always change.
    /// </summary>
    public async Task<IReadOnlyList<FrameworkError>> UpdateScaleAsync(
        int networkId, int questionnaireId, int scaleId, ScaleSettings settings,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var questionnaire = await FindAsync(db, networkId, questionnaireId, cancellationToken);
        var scale = questionnaire.Scales.SingleOrDefault(s => s.Id == scaleId)
            ?? throw new InvalidOperationException($"Scale {scaleId} is not in questionnaire {questionnaireId}.");
        var errors = new List<FrameworkError>();
        if (FrameworkKeys.CheckLabel(settings.Name, QuestionnaireFields.Name) is not null)
        {
            errors.Add(new(QuestionnaireFields.Name, "Enter a name of at most 200 characters."));
        }

        var itemCount = ItemsInUse(questionnaire, scale.Key);
        if (settings.MinAnswered < 1 || settings.MinAnswered > Math.Max(1, itemCount))
        {
            errors.Add(new(QuestionnaireFields.MinAnswered,
                "The minimum of answered questions lies between 1 and the scale's {0} questions.",
                itemCount.ToString(CultureInfo.InvariantCulture)));
        }

        if (QuestionnaireRules.CheckBands(settings.Bands) is { } bandError)
        {
            errors.Add(bandError);
        }

        if (settings.Scoring != scale.Scoring && await HasResponsesAsync(db, questionnaireId, cancellationToken))
        {
            errors.Add(new(QuestionnaireFields.Scoring,
                "People have answered this questionnaire, so the scale's scoring can no longer change."));
        }

        if (errors.Count > 0)
        {
            return Refused(questionnaireId, errors);
        }

        scale.Name = settings.Name!.Trim();
        scale.Scoring = settings.Scoring;
        scale.MinAnswered = settings.MinAnswered;
        scale.Bands = settings.Bands.Select(b => b with { Label = b.Label.Trim() }).ToList();
        await db.SaveChangesAsync(cancellationToken);
        QuestionnairesLog.Changed(logger, questionnaireId, "scale changed");
        return [];
    }

    /// <summary>Adds an item at the end of the questionnaire.</summary>
    public async Task<IReadOnlyList<FrameworkError>> AddItemAsync(
        int networkId, int questionnaireId, string? key, ItemSettings settings,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var questionnaire = await FindAsync(db, networkId, questionnaireId, cancellationToken);
        key = key?.Trim();
        var errors = new List<FrameworkError>();

        // Retired items keep their keys, so an old answer never points at a new question.
        if (CheckPartKey(key, questionnaire.Items.Select(i => i.Key)) is { } keyError)
        {
            errors.Add(keyError);
        }

        errors.AddRange(CheckItem(questionnaire, settings));
        if (errors.Count > 0)
        {
            return Refused(questionnaireId, errors);
        }

        var askedBefore = questionnaire.HasQuestions;
        questionnaire.Items.Add(new QuestionnaireItem
        {
            Key = key!,
            Text = settings.Text!.Trim(),
            ScaleKey = settings.ScaleKey!,
            IsReversed = settings.IsReversed,
            Texts = TranslationsOf(settings) ?? [],
            SortOrder = questionnaire.Items.Select(i => i.SortOrder).DefaultIfEmpty().Max() + 1,
        });
        questionnaire.MarkAskedFrom(time.Today(), askedBefore);
        await db.SaveChangesAsync(cancellationToken);
        QuestionnairesLog.Changed(logger, questionnaireId, "item added");
        return [];
    }

    /// <summary>Changes an item's text, and its scale and reversal while nobody has answered.</summary>
    public async Task<IReadOnlyList<FrameworkError>> UpdateItemAsync(
        int networkId, int questionnaireId, int itemId, ItemSettings settings,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var questionnaire = await FindAsync(db, networkId, questionnaireId, cancellationToken);
        var item = FindItem(questionnaire, itemId);
        var errors = CheckItem(questionnaire, settings).ToList();
        var rescores = settings.ScaleKey != item.ScaleKey || settings.IsReversed != item.IsReversed;
        if (errors.Count == 0 && rescores && await HasResponsesAsync(db, questionnaireId, cancellationToken))
        {
            var field = settings.ScaleKey != item.ScaleKey ? QuestionnaireFields.Scale : QuestionnaireFields.Reversed;
            errors.Add(new(field,
                "People have answered this question, so its scale and reverse-scoring can no longer change."));
        }

        if (errors.Count == 0 && settings.ScaleKey != item.ScaleKey && !item.IsRetired
            && LeavesTooFewItems(questionnaire, item.ScaleKey) is { } tooFew)
        {
            errors.Add(tooFew);
        }

        if (errors.Count > 0)
        {
            return Refused(questionnaireId, errors);
        }

        item.Text = settings.Text!.Trim();
        item.ScaleKey = settings.ScaleKey!;
        item.IsReversed = settings.IsReversed;
        item.Texts = TranslationsOf(settings) ?? item.Texts;
        await db.SaveChangesAsync(cancellationToken);
        QuestionnairesLog.Changed(logger, questionnaireId, "item changed");
        return [];
    }

    /// <summary>Swaps the item with its neighbour, one place up or down.</summary>
    public async Task MoveItemAsync(
        int networkId, int questionnaireId, int itemId, bool up, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var questionnaire = await FindAsync(db, networkId, questionnaireId, cancellationToken);
        var items = questionnaire.Items.OrderBy(i => i.SortOrder).ThenBy(i => i.Key).ToList();
        var index = items.IndexOf(FindItem(questionnaire, itemId));
        var other = up ? index - 1 : index + 1;
        if (other < 0 || other >= items.Count)
        {
            return;
        }

        (items[index], items[other]) = (items[other], items[index]);

        // Renumbering the whole list mends orders that seeding or old data left equal.
        for (var i = 0; i < items.Count; i++)
        {
            items[i].SortOrder = i + 1;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Stops asking the item; answers already given keep their meaning. Refused while the item's scale
    /// would be left with fewer items than its minimum of answered ones.</summary>
    public async Task<IReadOnlyList<FrameworkError>> RetireItemAsync(
        int networkId, int questionnaireId, int itemId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var questionnaire = await FindAsync(db, networkId, questionnaireId, cancellationToken);
        var item = FindItem(questionnaire, itemId);
        if (item.IsRetired)
        {
            return [];
        }

        if (LeavesTooFewItems(questionnaire, item.ScaleKey) is { } tooFew)
        {
            return Refused(questionnaireId, [tooFew]);
        }

        item.IsRetired = true;
        await db.SaveChangesAsync(cancellationToken);
        QuestionnairesLog.Changed(logger, questionnaireId, "item retired");
        return [];
    }

    /// <summary>An item or scale key: the framework's key rules, unique within the questionnaire.</summary>
    private static FrameworkError? CheckPartKey(string? key, IEnumerable<string> keysInUse) =>
        FrameworkKeys.Check(key, programmeKey: null, QuestionnaireFields.Key)
        ?? (keysInUse.Contains(key, StringComparer.Ordinal)
            ? new(QuestionnaireFields.Key, "The key {0} is already used in this questionnaire.", key!)
            : null);

    private static IEnumerable<FrameworkError> CheckItem(Questionnaire questionnaire, ItemSettings settings)
    {
        if (QuestionnaireRules.CheckText(settings.Text) is { } textError)
        {
            yield return textError;
        }

        if (settings.Texts?.Values.Any(t => t?.Trim().Length > QuestionnaireRules.MaxTextLength) == true)
        {
            yield return new(QuestionnaireFields.Text, "A translation is at most 500 characters long.");
        }

        if (!questionnaire.Scales.Any(s => s.Key == settings.ScaleKey))
        {
            yield return new(QuestionnaireFields.Scale, "Choose one of the questionnaire's scales.");
        }
    }

    private static Dictionary<string, string>? TranslationsOf(ItemSettings settings) =>
        settings.Texts?
            .Where(t => !string.IsNullOrWhiteSpace(t.Value))
            .ToDictionary(t => t.Key, t => t.Value!.Trim(), StringComparer.Ordinal);

    private static int ItemsInUse(Questionnaire questionnaire, string scaleKey) =>
        questionnaire.Items.Count(i => i.ScaleKey == scaleKey && !i.IsRetired);

    /// <summary>A refusal when taking one item away would leave the scale unable to reach its minimum.</summary>
    private static FrameworkError? LeavesTooFewItems(Questionnaire questionnaire, string scaleKey)
    {
        var scale = questionnaire.Scales.Single(s => s.Key == scaleKey);
        return ItemsInUse(questionnaire, scaleKey) - 1 < scale.MinAnswered && scale.MinAnswered > 1
            ? new(QuestionnaireFields.Scale,
                "{0} needs more questions than would be left; lower its minimum of answered questions first.",
                scale.Name)
            : null;
    }

    private static QuestionnaireItem FindItem(Questionnaire questionnaire, int itemId) =>
        questionnaire.Items.SingleOrDefault(i => i.Id == itemId)
        ?? throw new InvalidOperationException($"Item {itemId} is not in questionnaire {questionnaire.Id}.");
}
