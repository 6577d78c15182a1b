using MentorDashboard.Data;
using MentorDashboard.Features.Questionnaires;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Features.Framework;

/// <summary>
/// The questionnaires part of a framework import: what responses forbid changing, and applying the section to the
/// network's questionnaires. Responses store answers by item key and scores by scale key, and keep their scores,
/// so anything that would leave them pointing nowhere or scored by other rules is refused.
/// </summary>
internal sealed class QuestionnaireImport
{
    private readonly Dictionary<string, Questionnaire> _current;

    private readonly HashSet<int> _answered;

    private readonly HashSet<(int QuestionnaireId, string ItemKey)> _answeredItems;

    private readonly HashSet<(int QuestionnaireId, string ScaleKey)> _scoredScales;

    private QuestionnaireImport(
        Dictionary<string, Questionnaire> current,
        HashSet<int> answered,
        HashSet<(int, string)> answeredItems,
        HashSet<(int, string)> scoredScales)
    {
        _current = current;
        _answered = answered;
        _answeredItems = answeredItems;
        _scoredScales = scoredScales;
    }

    /// <summary>The keys of the network's questionnaires before the import.</summary>
    public IReadOnlyCollection<string> CurrentKeys => _current.Keys;

    public static async Task<QuestionnaireImport> LoadAsync(
        AppDbContext db, int networkId, CancellationToken cancellationToken)
    {
        var current = await db.Set<Questionnaire>()
            .Where(q => q.NetworkId == networkId)
            .Include(q => q.Items)
            .Include(q => q.Scales)
            .AsSplitQuery()
            .ToDictionaryAsync(q => q.Key, StringComparer.Ordinal, cancellationToken);
        var ids = current.Values.Select(q => q.Id).ToList();
        var responses = db.Set<Response>().Where(r => ids.Contains(r.QuestionnaireId));
        var answered = await responses.Select(r => r.QuestionnaireId).Distinct().ToListAsync(cancellationToken);
        var answeredItems = await db.Set<ResponseAnswer>()
            .Join(responses, a => a.ResponseId, r => r.Id, (a, r) => new { r.QuestionnaireId, a.ItemKey })
            .Distinct()
            .ToListAsync(cancellationToken);
        var scoredScales = await db.Set<ResponseScore>()
            .Join(responses, s => s.ResponseId, r => r.Id, (s, r) => new { r.QuestionnaireId, s.ScaleKey })
            .Distinct()
            .ToListAsync(cancellationToken);
        return new(
            current,
            [.. answered],
            [.. answeredItems.Select(a => (a.QuestionnaireId, a.ItemKey))],
            [.. scoredScales.Select(s => (s.QuestionnaireId, s.ScaleKey))]);
    }

    /// <summary>Adds an error for each change the stored responses forbid.</summary>
    public void Check(QuestionnaireSection section, List<FrameworkError> errors)
    {
        // A section left out or unreadable says nothing about what it would remove.
        if (!section.IsPresent)
        {
            return;
        }

        var keysInDocument = section.Keys.Select(k => k.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var missing in _current.Values.Where(q => !keysInDocument.Contains(q.Key)))
        {
            if (_answered.Contains(missing.Id))
            {
                errors.Add(new("$.questionnaires",
                    "{0} has responses and cannot be removed: keep it in the document and mark it retired.",
                    missing.Key));
            }
        }

        foreach (var read in section.Questionnaires)
        {
            if (_current.TryGetValue(read.Questionnaire.Key, out var stored) && _answered.Contains(stored.Id))
            {
                CheckAnswered(read, stored, errors);
            }
        }
    }

    /// <summary>
    /// Makes the network's questionnaires what the section says; a section left out changes nothing.
    /// </summary>
    public (int Added, int Updated, int Removed) Apply(
        AppDbContext db, int networkId, QuestionnaireSection section, DateOnly today)
    {
        if (!section.IsPresent)
        {
            return (0, 0, 0);
        }

        var keysInDocument = section.Questionnaires
            .Select(q => q.Questionnaire.Key)
            .ToHashSet(StringComparer.Ordinal);
        var removed = _current.Values.Where(q => !keysInDocument.Contains(q.Key)).ToList();
        db.RemoveRange(removed);
        var added = 0;
        foreach (var document in section.Questionnaires.Select(q => q.Questionnaire))
        {
            if (!_current.TryGetValue(document.Key, out var target))
            {
                target = new Questionnaire
                {
                    NetworkId = networkId,
                    Key = document.Key,
                    Title = document.Title,
                    ResponseScale = ResponseScaleOf(document),
                };
                db.Add(target);
                added++;
            }

            var askedBefore = target.HasQuestions;
            Update(target, document);
            target.MarkAskedFrom(today, askedBefore);
        }

        return (added, section.Questionnaires.Count - added, removed.Count);
    }

    private void CheckAnswered(ReadQuestionnaire read, Questionnaire stored, List<FrameworkError> errors)
    {
        var document = read.Questionnaire;
        if (document.ResponseScale.Points != stored.ResponseScale.Points)
        {
            errors.Add(new(read.Path + ".responseScale.points",
                "{0} has responses, so its number of points cannot change: that would rescore them.", document.Key));
        }

        var items = document.Items.Select((item, index) => (item, index)).ToDictionary(
            i => i.item.Key, StringComparer.Ordinal);
        var answered = stored.Items
            .Where(i => _answeredItems.Contains((stored.Id, i.Key)))
            .OrderBy(i => i.SortOrder)
            .ThenBy(i => i.Key, StringComparer.Ordinal);
        foreach (var item in answered)
        {
            if (!items.TryGetValue(item.Key, out var match))
            {
                errors.Add(new(read.Path + ".items",
                    "{0} has answers and cannot be removed: keep it in the document and mark it retired.",
                    item.Key));
                continue;
            }

            if (match.item.Scale != item.ScaleKey)
            {
                errors.Add(new(read.ItemPath(match.index) + ".scale",
                    "{0} has answers, so its scale cannot change: that would rescore them.", item.Key));
            }

            if (match.item.Reversed != item.IsReversed)
            {
                errors.Add(new(read.ItemPath(match.index) + ".reversed",
                    "{0} has answers, so its reversal cannot change: that would rescore them.", item.Key));
            }
        }

        var scales = document.Scales.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var scored = stored.Scales
            .Where(s => _scoredScales.Contains((stored.Id, s.Key)))
            .OrderBy(s => s.SortOrder)
            .ThenBy(s => s.Key, StringComparer.Ordinal);
        foreach (var scale in scored)
        {
            if (!scales.Contains(scale.Key))
            {
                errors.Add(new(read.Path + ".scales", "{0} has scores and cannot be removed.", scale.Key));
            }
        }
    }

    private static void Update(Questionnaire target, FrameworkDocumentQuestionnaire document)
    {
        target.Title = document.Title;
        target.Respondent = document.Respondent;
        target.ResponseScale = ResponseScaleOf(document);
        target.FirstDueAfterDays = document.Schedule.FirstDueAfterDays;
        target.RepeatEveryDays = document.Schedule.RepeatEveryDays;
        target.DueAtClosure = document.Schedule.DueAtClosure;
        target.IsRetired = document.Retired;
        target.SortOrder = document.SortOrder;

        var items = target.Items.ToDictionary(i => i.Key, StringComparer.Ordinal);
        target.Items.RemoveAll(i => document.Items.All(d => d.Key != i.Key));
        foreach (var item in document.Items)
        {
            if (!items.TryGetValue(item.Key, out var stored))
            {
                stored = new QuestionnaireItem { Key = item.Key, Text = item.Text, ScaleKey = item.Scale };
                target.Items.Add(stored);
            }

            stored.Text = item.Text;
            stored.Texts = new Dictionary<string, string>(item.Texts, StringComparer.Ordinal);
            stored.ScaleKey = item.Scale;
            stored.IsReversed = item.Reversed;
            stored.SortOrder = item.SortOrder;
            stored.IsRetired = item.Retired;
        }

        var scales = target.Scales.ToDictionary(s => s.Key, StringComparer.Ordinal);
        target.Scales.RemoveAll(s => document.Scales.All(d => d.Key != s.Key));
        foreach (var scale in document.Scales)
        {
            if (!scales.TryGetValue(scale.Key, out var stored))
            {
                stored = new QuestionnaireScale { Key = scale.Key, Name = scale.Name };
                target.Scales.Add(stored);
            }

            stored.Name = scale.Name;
            stored.Scoring = scale.Scoring;
            stored.MinAnswered = scale.MinAnswered;
            stored.Bands = scale.Bands.Select(b => new ScoreBand(b.UpTo, b.Label, b.IsConcern)).ToList();
            stored.SortOrder = scale.SortOrder;
        }
    }

    private static ResponseScale ResponseScaleOf(FrameworkDocumentQuestionnaire document) =>
        new(document.ResponseScale.Points, document.ResponseScale.Kind, [.. document.ResponseScale.Anchors]);
}
