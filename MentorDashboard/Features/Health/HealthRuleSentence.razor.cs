using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;

namespace MentorDashboard.Features.Health;

/// <summary>
/// Shows a rule as a sentence with fields in it. Each kind has one English sentence, which is also its
/// localisation key; its placeholders mark the fields ({0} days, {1} a count, {2} the status), so a translation
/// can put them in the order its language needs.
/// </summary>
public sealed partial class HealthRuleSentence
{
    private const int DaysSlot = 0;
    private const int CountSlot = 1;
    private const int SeveritySlot = 2;

    /// <summary>The rule to show; the fields edit it in place.</summary>
    [Parameter, EditorRequired]
    public HealthRule Rule { get; set; } = null!;

    /// <summary>Greys the fields out while the rule is switched off.</summary>
    [Parameter]
    public bool Disabled { get; set; }

    private IReadOnlyList<SentencePart> Parts => Split(L[SentenceOf(Rule.Kind)]);

    /// <summary>The sentence of a kind of rule, in English.</summary>
    public static string SentenceOf(HealthRuleKind kind) => kind switch
    {
        HealthRuleKind.NoMeetingForDays => "Flag a match with no meeting for {0} days as {2}",
        HealthRuleKind.FewMeetings => "Flag a match with fewer than {1} meetings in the last {0} days as {2}",
        HealthRuleKind.ConcernScore => "Flag a match whose latest questionnaire has a score of concern as {2}",
        HealthRuleKind.QuestionnaireOverdue =>
            "Flag a match with a questionnaire unanswered {0} days after it fell due as {2}",
        HealthRuleKind.SupportContactBehind =>
            "Flag a match as {2} when it has had fewer than {1} support contacts in its first {0} days, "
            + "or none in the last {0} days after that",
        HealthRuleKind.PoorRatingsInARow =>
            "Flag a match whose last {1} meetings all went badly (rated 1 or 2) as {2}",
        _ => kind.ToString(),
    };

    /// <summary>How a rule's status reads inside its sentence.</summary>
    public static string SeverityOf(HealthStatus status) =>
        status == HealthStatus.AtRisk ? "at risk" : "needs check-in";

    /// <summary>Text and fields in the order the sentence has them; a field named twice is a field once.</summary>
    internal static IReadOnlyList<SentencePart> Split(string sentence)
    {
        var parts = new List<SentencePart>();
        var seen = new HashSet<int>();
        var at = 0;
        foreach (Match placeholder in Placeholder().Matches(sentence))
        {
            AddText(parts, sentence[at..placeholder.Index]);
            var slot = placeholder.Groups[1].Value[0] - '0';
            parts.Add(new SentencePart(null, slot, IsFirst: seen.Add(slot)));
            at = placeholder.Index + placeholder.Length;
        }

        AddText(parts, sentence[at..]);
        return parts;
    }

    private static void AddText(List<SentencePart> parts, string text)
    {
        if (text.Trim() is { Length: > 0 } trimmed)
        {
            parts.Add(new SentencePart(trimmed, null, IsFirst: true));
        }
    }

    [GeneratedRegex(@"\{([0-2])\}")]
    private static partial Regex Placeholder();

    /// <param name="Text">The words between fields; null for a field.</param>
    /// <param name="Slot">Which field: 0 days, 1 count, 2 status; null for words.</param>
    internal sealed record SentencePart(string? Text, int? Slot, bool IsFirst);
}
