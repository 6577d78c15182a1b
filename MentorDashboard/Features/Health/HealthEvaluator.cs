using MentorDashboard.Data;
using MentorDashboard.Features.SupportContacts;

namespace MentorDashboard.Features.Health;

/// <summary>
/// Applies a programme's health rules to the facts of one match. Pure: the same facts, rules and day always give
/// the same status, so every boundary is tested without a database or a clock.
/// </summary>
/// <remarks>
/// Closed matches are not evaluated, nor are paused ones: the pair agreed not to meet. A paused match whose
/// expected resume date has passed is the one exception: it needs a check-in (whatever the rules say), because
/// nobody has resumed or extended the pause.
/// </remarks>
public static class HealthEvaluator
{
    /// <summary>A post rated this or lower "went badly".</summary>
    public const int PoorRating = 2;

    /// <summary>The status of the match today, or null when the match is not evaluated (closed, or paused).
    /// </summary>
    public static MatchHealth? Evaluate(MatchHealthFacts facts, IReadOnlyList<HealthRule> rules, DateOnly today)
    {
        var daysWithoutMeeting = Math.Max(0, today.DayNumber - (facts.LastMeeting ?? facts.StartDate).DayNumber);
        List<HealthReason> reasons;
        switch (facts.Status)
        {
            case MatchStatus.Closed:
                return null;
            case MatchStatus.Paused when facts.ExpectedResumeDate is { } resume && resume < today:
                reasons = [new(null, HealthStatus.NeedsCheckIn, "Paused; expected back {0} days ago",
                    [today.DayNumber - resume.DayNumber])];
                break;
            case MatchStatus.Paused:
                return null;
            default:
                reasons = rules
                    .Where(rule => rule.IsEnabled)
                    .OrderBy(rule => rule.SortOrder)
                    .SelectMany(rule => Check(rule, facts, today, daysWithoutMeeting))
                    .ToList();
                break;
        }

        // Two rules of one kind (15 days: check in, 21 days: at risk) give the same sentence; it shows once, at
        // its most serious.
        var distinct = reasons
            .GroupBy(reason => reason.ToString())
            .Select(same => same.MaxBy(reason => reason.Severity)!)
            .OrderByDescending(reason => reason.Severity)
            .ToList();
        var status = distinct.Count == 0 ? HealthStatus.OnTrack : distinct[0].Severity;
        return new MatchHealth(facts.MatchId, status, distinct, facts.LastMeeting, daysWithoutMeeting);
    }

    /// <summary>The windows, in days, over which the enabled "few meetings" rules count meetings.</summary>
    public static IReadOnlyList<int> MeetingWindows(IEnumerable<HealthRule> rules) =>
        rules
            .Where(r => r.IsEnabled && r.Kind == HealthRuleKind.FewMeetings && r.Days is not null)
            .Select(r => r.Days!.Value)
            .Distinct()
            .ToList();

    /// <summary>How many days of support contacts the enabled rules look at (besides the last contact).</summary>
    public static int ContactWindowDays(IEnumerable<HealthRule> rules) =>
        rules.Where(r => r.IsEnabled && r.Kind == HealthRuleKind.SupportContactBehind).Max(r => r.Days) ?? 0;

    /// <summary>How many of the latest ratings the enabled rules look at.</summary>
    public static int RatingsNeeded(IEnumerable<HealthRule> rules) =>
        rules.Where(r => r.IsEnabled && r.Kind == HealthRuleKind.PoorRatingsInARow).Max(r => r.Count) ?? 0;

    private static IEnumerable<HealthReason> Check(
        HealthRule rule, MatchHealthFacts facts, DateOnly today, int daysWithoutMeeting)
    {
        switch (rule.Kind)
        {
            case HealthRuleKind.NoMeetingForDays when rule.Days is { } days && daysWithoutMeeting >= days:
                yield return facts.LastMeeting is null
                    ? Reason(rule, "No meeting since the match started {0} days ago", daysWithoutMeeting)
                    : Reason(rule, "No meeting for {0} days", daysWithoutMeeting);
                break;
            case HealthRuleKind.FewMeetings when rule is { Days: { } days, Count: { } count }:
                // A match younger than the window has not had the time to meet that often.
                var meetings = facts.MeetingsInLastDays.GetValueOrDefault(days);
                if (facts.StartDate <= today.AddDays(-days) && meetings < count)
                {
                    yield return Reason(
                        rule, "{0} meetings in the last {1} days, fewer than {2}", meetings, days, count);
                }

                break;
            case HealthRuleKind.ConcernScore:
                foreach (var concern in facts.Concerns)
                {
                    yield return Reason(rule, "{0} score {1:0.0} is of concern", concern.ScaleName, concern.Score);
                }

                break;
            case HealthRuleKind.QuestionnaireOverdue when rule.Days is { } days:
                var overdue = facts.OpenOccasions
                    .Where(open => today.DayNumber - open.Occasion.DayNumber >= days)
                    .GroupBy(open => open.QuestionnaireTitle, StringComparer.Ordinal)
                    .Select(same => same.MinBy(open => open.Occasion)!);
                foreach (var open in overdue)
                {
                    yield return Reason(rule, "{0} unanswered {1} days after it fell due",
                        open.QuestionnaireTitle, today.DayNumber - open.Occasion.DayNumber);
                }

                break;
            case HealthRuleKind.SupportContactBehind when rule is { Days: { } days, Count: { } count }:
                var check = ContactStandard.Check(facts.StartDate, facts.ContactDates, today, count, days);
                if (check.IsBehind)
                {
                    yield return check.LastContact is { } last
                        ? Reason(rule, "Behind on support contacts; the last was {0} days ago",
                            today.DayNumber - last.DayNumber)
                        : Reason(rule, "No support contact since the match started {0} days ago",
                            today.DayNumber - facts.StartDate.DayNumber);
                }

                break;
            case HealthRuleKind.PoorRatingsInARow when rule.Count is { } count:
                var latest = facts.LatestRatings.Take(count).ToList();
                if (latest.Count == count && latest.All(rating => rating <= PoorRating))
                {
                    yield return Reason(rule, "The last {0} meetings went badly", count);
                }

                break;
        }
    }

    private static HealthReason Reason(HealthRule rule, string text, params object[] arguments) =>
        new(rule.Kind, rule.Severity, text, arguments);
}
