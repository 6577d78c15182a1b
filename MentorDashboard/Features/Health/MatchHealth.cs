using System.Globalization;
using MentorDashboard.Data;
using MentorDashboard.Features.Questionnaires;

namespace MentorDashboard.Features.Health;

/// <summary>
/// The latest occasion of a questionnaire for a match, come and without a response yet from one respondent. An
/// older unanswered occasion is missed rather than overdue: once the next one has come, that is the one to chase.
/// </summary>
public sealed record OpenOccasionFact(string QuestionnaireTitle, DateOnly Occasion);

/// <summary>
/// What the health rules look at for one match. The service reads these for all matches of a programme at once;
/// the evaluator only computes, so every rule can be tested with plain values.
/// </summary>
/// <param name="LastMeeting">The date of the latest post on or before today; null when the pair has not met.</param>
/// <param name="MeetingsInLastDays">For each window N a "few meetings" rule looks at, the match's posts dated in
/// the last N days (today included).</param>
/// <param name="LatestRatings">"How it went" of the latest posts, newest first, as many as a rule needs.</param>
/// <param name="Concerns">Scale scores in a concern band on the match's latest questionnaire responses.</param>
/// <param name="ContactDates">The match's support contacts in the longest interval a rule looks at, and the last
/// one before that.</param>
public sealed record MatchHealthFacts(
    int MatchId,
    DateOnly StartDate,
    MatchStatus Status,
    DateOnly? ExpectedResumeDate,
    DateOnly? LastMeeting,
    IReadOnlyDictionary<int, int> MeetingsInLastDays,
    IReadOnlyList<int> LatestRatings,
    IReadOnlyList<ConcernScore> Concerns,
    IReadOnlyList<OpenOccasionFact> OpenOccasions,
    IReadOnlyList<DateOnly> ContactDates);

/// <summary>
/// Why a match is flagged. <see cref="Text"/> is the English text and the localisation key, with numbered
/// placeholders for <see cref="Arguments"/>: show it with <c>L[reason.Text, [.. reason.Arguments]]</c>.
/// </summary>
/// <param name="Kind">The kind of rule that was broken; null for a paused match past its expected resume date,
/// which no rule governs.</param>
public sealed record HealthReason(
    HealthRuleKind? Kind, HealthStatus Severity, string Text, IReadOnlyList<object> Arguments)
{
    /// <summary>The English sentence with its numbers, for tests and diagnostics.</summary>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, Text, [.. Arguments]);
}

/// <summary>How one match is doing by its programme's health rules today.</summary>
/// <param name="Reasons">The broken rules, most serious first; empty when the match is on track.</param>
/// <param name="DaysWithoutMeeting">Days since the last meeting, or since the start when the pair has not met.
/// </param>
public sealed record MatchHealth(
    int MatchId,
    HealthStatus Status,
    IReadOnlyList<HealthReason> Reasons,
    DateOnly? LastMeeting,
    int DaysWithoutMeeting)
{
    public bool NeedsAttention => Status != HealthStatus.OnTrack;
}
