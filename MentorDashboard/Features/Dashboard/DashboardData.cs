using MentorDashboard.Features.Framework;
using MentorDashboard.Features.Health;
using MentorDashboard.Features.Newsroom;
using MentorDashboard.Features.Questionnaires;
using MentorDashboard.Features.SupportContacts;

namespace MentorDashboard.Features.Dashboard;

/// <summary>Everything a programme's dashboard shows, read in one go so the cards agree with each other.</summary>
public sealed record DashboardData(
    DateOnly Today,
    IReadOnlyList<CardDefinition> Cards,
    Headline Headline,
    IReadOnlyList<WeekCount> MeetingsPerWeek,
    IReadOnlyList<ItemCount> Topics,
    IReadOnlyList<ItemCount> ActivityTypes,
    IReadOnlyList<MatchNeedingAttention> NeedAttention,
    IReadOnlyList<PostView> LatestPosts,
    IReadOnlyList<ProgrammeScaleScores> Scales,
    DueCounts QuestionnairesDue,
    ContactCompliance SupportContacts,
    MatchLengths MatchLengths,
    IReadOnlyList<ClosureReasonCount> ClosureReasons);

/// <param name="MeanRating">Mean "how it went" of this month's posts; null when there were none.</param>
public sealed record Headline(int ActiveMatches, int MeetingsThisMonth, double HoursThisMonth, double? MeanRating);

/// <summary>Meetings in the week that starts on Monday <paramref name="WeekStart"/>.</summary>
public sealed record WeekCount(DateOnly WeekStart, int Meetings);

public sealed record ItemCount(FrameworkOption Item, int Count);

/// <summary>A match flagged by the programme's health rules and not acknowledged since something new happened.
/// </summary>
/// <param name="Reasons">Why, most serious first.</param>
/// <param name="LastMeeting">Date of the last post; null when the pair has not met since the match started.</param>
/// <param name="DaysWithoutMeeting">Days since the last meeting, or since the start when the pair has not met.
/// </param>
public sealed record MatchNeedingAttention(
    int ProgrammeId,
    int MatchId,
    string MentorName,
    string MenteeName,
    HealthStatus Status,
    IReadOnlyList<HealthReason> Reasons,
    DateOnly? LastMeeting,
    int DaysWithoutMeeting);
