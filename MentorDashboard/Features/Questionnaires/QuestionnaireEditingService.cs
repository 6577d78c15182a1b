using System.Globalization;
using MentorDashboard.Data;
using MentorDashboard.Features.Framework;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Features.Questionnaires;

/// <summary>
/// Edits a network's questionnaires. Every change names the network, so an admin only touches their own. Once a
/// response refers to a questionnaire, nothing that would silently rescore it may change: the number of points,
/// an item's scale or reversal, a scale's scoring. Keys are set when something is added and never change, and
/// items are retired rather than deleted, so past answers stay readable. A refusal changes nothing.
/// </summary>
/// <remarks>No <see cref="TimeProvider"/>: questionnaires keep no dates of their changes yet.</remarks>
public sealed partial class QuestionnaireEditingService(
    IDbContextFactory<AppDbContext> dbFactory,
    TimeProvider time,
    ILogger<QuestionnaireEditingService> logger)
{
    private static readonly ResponseScale DefaultScale = new(
        5, ResponseScaleKind.Agreement, ["Strongly disagree", "", "", "", "Strongly agree"]);

    public async Task<IReadOnlyList<QuestionnaireSummary>> ListAsync(
        int networkId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<Questionnaire>()
            .Where(q => q.NetworkId == networkId)
            .OrderBy(q => q.IsRetired)
            .ThenBy(q => q.SortOrder)
            .ThenBy(q => q.Key)
            .Select(q => new QuestionnaireSummary(
                q.Id, q.Key, q.Title, q.Respondent, q.Items.Count(i => !i.IsRetired), q.IsRetired,
                db.Set<Response>().Any(r => r.QuestionnaireId == q.Id)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The questionnaire with its items and scales in order, or null when it is not the network's.</summary>
    public async Task<QuestionnaireDetails?> GetAsync(
        int networkId, int questionnaireId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var questionnaire = await db.Set<Questionnaire>()
            .AsNoTracking()
            .Include(q => q.Items.OrderBy(i => i.SortOrder))
            .Include(q => q.Scales.OrderBy(s => s.SortOrder))
            .SingleOrDefaultAsync(q => q.Id == questionnaireId && q.NetworkId == networkId, cancellationToken);
        return questionnaire is null
            ? null
            : new(questionnaire, await HasResponsesAsync(db, questionnaireId, cancellationToken));
    }

    /// <summary>
    /// Creates a questionnaire nobody answers yet: given once to mentees 30 days after the match start, on a
    /// five-point agreement scale, with no items. The admin changes all of it in the editor.
    /// </summary>
    public async Task<QuestionnaireCreated> CreateAsync(
        int networkId, string? key, string? title, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        key = key?.Trim();
        var errors = new List<FrameworkError>();
        if (QuestionnaireRules.CheckKey(key) is { } keyError)
        {
            errors.Add(keyError);
        }
        else if (await IsKeyUsedAsync(db, networkId, key!, cancellationToken))
        {
            // Retired questionnaires and framework items keep their keys for good, so none can come back.
            errors.Add(new(QuestionnaireFields.Key, "The key {0} is already used in this network.", key!));
        }

        if (FrameworkKeys.CheckLabel(title, QuestionnaireFields.Title) is not null)
        {
            errors.Add(new(QuestionnaireFields.Title, "Enter a title of at most 200 characters."));
        }

        if (errors.Count > 0)
        {
            return new(null, errors);
        }

        var lastOrder = await db.Set<Questionnaire>()
            .Where(q => q.NetworkId == networkId)
            .MaxAsync(q => (int?)q.SortOrder, cancellationToken);
        var questionnaire = new Questionnaire
        {
            NetworkId = networkId,
            Key = key!,
            Title = title!.Trim(),
            Respondent = QuestionnaireRespondent.Mentee,
            ResponseScale = DefaultScale,
            FirstDueAfterDays = 30,
            SortOrder = (lastOrder ?? 0) + 1,
        };
        db.Add(questionnaire);
        await db.SaveChangesAsync(cancellationToken);
        QuestionnairesLog.Created(logger, networkId, questionnaire.Id);
        return new(questionnaire.Id, []);
    }

    public async Task<IReadOnlyList<FrameworkError>> UpdateSettingsAsync(
        int networkId, int questionnaireId, QuestionnaireSettings settings,
        CancellationToken cancellationToken = default)
    {
        var errors = QuestionnaireRules.CheckSettings(settings).ToList();
        if (errors.Count > 0)
        {
            return Refused(questionnaireId, errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var questionnaire = await FindAsync(db, networkId, questionnaireId, cancellationToken);
        if (settings.ResponseScale.Points != questionnaire.ResponseScale.Points
            && await HasResponsesAsync(db, questionnaireId, cancellationToken))
        {
            return Refused(questionnaireId, [new(QuestionnaireFields.Points,
                "People have answered on {0} points, so the number of points can no longer change.",
                questionnaire.ResponseScale.Points.ToString(CultureInfo.InvariantCulture))]);
        }

        questionnaire.Title = settings.Title!.Trim();
        questionnaire.Respondent = settings.Respondent;
        questionnaire.FirstDueAfterDays = settings.FirstDueAfterDays;
        questionnaire.RepeatEveryDays = settings.RepeatEveryDays;
        questionnaire.DueAtClosure = settings.DueAtClosure;
        questionnaire.ResponseScale = settings.ResponseScale with
        {
            Anchors = settings.ResponseScale.Anchors.Select(a => a.Trim()).ToList(),
        };
        await db.SaveChangesAsync(cancellationToken);
        QuestionnairesLog.Changed(logger, questionnaireId, "settings");
        return [];
    }

    /// <summary>Stops the questionnaire being due; its responses and scores stay readable.</summary>
    public async Task RetireAsync(int networkId, int questionnaireId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var questionnaire = await FindAsync(db, networkId, questionnaireId, cancellationToken);
        if (questionnaire.IsRetired)
        {
            return;
        }

        questionnaire.IsRetired = true;
        await db.SaveChangesAsync(cancellationToken);
        QuestionnairesLog.Changed(logger, questionnaireId, "retired");
    }

    private static async Task<Questionnaire> FindAsync(
        AppDbContext db, int networkId, int questionnaireId, CancellationToken cancellationToken) =>
        await db.Set<Questionnaire>()
            .Include(q => q.Items)
            .Include(q => q.Scales)
            .SingleOrDefaultAsync(q => q.Id == questionnaireId && q.NetworkId == networkId, cancellationToken)
        ?? throw new InvalidOperationException($"Questionnaire {questionnaireId} is not in network {networkId}.");

    private static Task<bool> HasResponsesAsync(
        AppDbContext db, int questionnaireId, CancellationToken cancellationToken) =>
        db.Set<Response>().AnyAsync(r => r.QuestionnaireId == questionnaireId, cancellationToken);

    /// <summary>Questionnaire keys share the network's key space with framework items.</summary>
    private static async Task<bool> IsKeyUsedAsync(
        AppDbContext db, int networkId, string key, CancellationToken cancellationToken) =>
        await db.FrameworkItems.AnyAsync(i => i.NetworkId == networkId && i.Key == key, cancellationToken)
        || await db.Set<Questionnaire>().AnyAsync(q => q.NetworkId == networkId && q.Key == key, cancellationToken);

    private List<FrameworkError> Refused(int questionnaireId, List<FrameworkError> errors)
    {
        QuestionnairesLog.EditRefused(logger, questionnaireId, errors.Count);
        return errors;
    }
}
