using MentorDashboard.Features.SupportContacts;

namespace MentorDashboard.Features.Health;

/// <summary>
/// One refusal of a rule set. <see cref="Message"/> is the English text and localisation key, with numbered
/// placeholders for <see cref="Arguments"/>.
/// </summary>
/// <param name="RuleIndex">The position of the rule it is about, or null for the set as a whole.</param>
public sealed record HealthRuleError(int? RuleIndex, string Message, params object[] Arguments);

/// <summary>A programme's rules as the editor shows them.</summary>
/// <param name="IsDefault">The programme has saved no rules, so these are the defaults, not yet stored.</param>
public sealed record ProgrammeHealthRules(string ProgrammeName, IReadOnlyList<HealthRule> Rules, bool IsDefault);

/// <summary>The default rules, and what a rule set must satisfy before it is stored.</summary>
public static class HealthRuleSet
{
    public const int MaxRules = 20;

    public const int MaxDays = 365;

    public const int MaxMeetings = 31;

    public const int MaxContacts = 10;

    public const int MaxRatingsInARow = 10;

    /// <summary>
    /// The rules of a programme that has stored none, after the field's anchors: a coordinator checks in after
    /// 15 days without contact and worries after 21, and good practice asks for two support contacts in the
    /// first month and one a month after that.
    /// </summary>
    public static IReadOnlyList<HealthRule> Defaults(int programmeId)
    {
        HealthRule[] rules =
        [
            new() { Kind = HealthRuleKind.NoMeetingForDays, Days = 15, Severity = HealthStatus.NeedsCheckIn },
            new() { Kind = HealthRuleKind.NoMeetingForDays, Days = 21, Severity = HealthStatus.AtRisk },
            new() { Kind = HealthRuleKind.FewMeetings, Count = 2, Days = 30, Severity = HealthStatus.NeedsCheckIn },
            new() { Kind = HealthRuleKind.ConcernScore, Severity = HealthStatus.AtRisk },
            new() { Kind = HealthRuleKind.QuestionnaireOverdue, Days = 14, Severity = HealthStatus.NeedsCheckIn },
            new()
            {
                Kind = HealthRuleKind.SupportContactBehind,
                Count = ContactStandard.DefaultFirstPeriodContacts,
                Days = ContactStandard.DefaultIntervalDays,
                Severity = HealthStatus.NeedsCheckIn,
            },
            new() { Kind = HealthRuleKind.PoorRatingsInARow, Count = 2, Severity = HealthStatus.AtRisk },
        ];
        for (var i = 0; i < rules.Length; i++)
        {
            rules[i].ProgrammeId = programmeId;
            rules[i].SortOrder = i;
        }

        return rules;
    }

    /// <summary>A new rule of the kind, with the numbers of its default, for the editor's "add" menu.</summary>
    public static HealthRule NewRule(int programmeId, HealthRuleKind kind)
    {
        var template = Defaults(programmeId).First(rule => rule.Kind == kind);
        return new HealthRule
        {
            ProgrammeId = programmeId,
            Kind = kind,
            Days = template.Days,
            Count = template.Count,
            Severity = template.Severity,
        };
    }

    /// <summary>Which numbers a rule of the kind has: days, a count, both or neither.</summary>
    public static (bool Days, bool Count) FieldsOf(HealthRuleKind kind) => kind switch
    {
        HealthRuleKind.NoMeetingForDays or HealthRuleKind.QuestionnaireOverdue => (true, false),
        HealthRuleKind.FewMeetings or HealthRuleKind.SupportContactBehind => (true, true),
        HealthRuleKind.PoorRatingsInARow => (false, true),
        _ => (false, false),
    };

    /// <summary>Every reason the set cannot be stored; empty when it can.</summary>
    public static IReadOnlyList<HealthRuleError> Validate(IReadOnlyList<HealthRule> rules)
    {
        var errors = new List<HealthRuleError>();
        if (rules.Count == 0)
        {
            errors.Add(new(null, "Keep at least one rule; switch off the rules you do not want."));
        }
        else if (rules.Count > MaxRules)
        {
            errors.Add(new(null, "A programme can have at most {0} rules.", MaxRules));
        }

        for (var index = 0; index < rules.Count; index++)
        {
            if (RefusalOf(rules[index]) is { } refusal)
            {
                errors.Add(new(index, refusal.Message, refusal.Arguments));
            }
        }

        return errors;
    }

    private static (string Message, object[] Arguments)? RefusalOf(HealthRule rule)
    {
        if (!Enum.IsDefined(rule.Kind))
        {
            return ("This kind of rule does not exist.", []);
        }

        if (rule.Severity is not (HealthStatus.NeedsCheckIn or HealthStatus.AtRisk))
        {
            return ("Choose \"needs check-in\" or \"at risk\".", []);
        }

        if (FieldsOf(rule.Kind).Days && rule.Days is not (>= 1 and <= MaxDays))
        {
            return ("Enter a number of days from 1 to {0}.", [MaxDays]);
        }

        return rule.Kind switch
        {
            HealthRuleKind.FewMeetings when rule.Count is not (>= 1 and <= MaxMeetings) =>
                ("Enter a number of meetings from 1 to {0}.", [MaxMeetings]),
            HealthRuleKind.FewMeetings when rule.Count > rule.Days =>
                ("Expect at most one meeting a day.", []),
            HealthRuleKind.SupportContactBehind when rule.Count is not (>= 1 and <= MaxContacts) =>
                ("Enter a number of support contacts from 1 to {0}.", [MaxContacts]),
            HealthRuleKind.SupportContactBehind when rule.Count > rule.Days =>
                ("Expect at most one support contact a day.", []),
            HealthRuleKind.PoorRatingsInARow when rule.Count is not (>= 2 and <= MaxRatingsInARow) =>
                ("Enter a number of meetings from 2 to {0}.", [MaxRatingsInARow]),
            _ => null,
        };
    }
}
