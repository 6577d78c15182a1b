using MentorDashboard.Data;
using MentorDashboard.Features.Newsroom;

namespace MentorDashboard.Features.Matches;

/// <summary>One thing that happened to a match, placed on its timeline by <see cref="Date"/>.</summary>
public abstract record TimelineEntry(DateOnly Date, DateTime RecordedAtUtc);

/// <summary>A meeting report, shown as the newsroom shows it.</summary>
public sealed record PostEntry(PostView Post) : TimelineEntry(Post.Date, Post.CreatedAtUtc);

/// <summary>A questionnaire response with its scale scores, placed on the day it was answered.</summary>
public sealed record ResponseEntry(
    long Id,
    string QuestionnaireTitle,
    string RespondentName,
    DateOnly Occasion,
    DateTime SubmittedAtUtc,
    IReadOnlyList<ScoreView> Scores)
    : TimelineEntry(DateOnly.FromDateTime(SubmittedAtUtc), SubmittedAtUtc);

/// <param name="Score">Null when too few of the scale's items were answered.</param>
public sealed record ScoreView(string ScaleName, double? Score, string? Band, bool IsConcern);

/// <summary>A creation, pause, resumption or closure.</summary>
/// <param name="ChangedByName">Who recorded it; null when the app or an import did.</param>
public sealed record StatusEntry(
    long Id,
    MatchStatus? From,
    MatchStatus To,
    DateOnly EffectiveDate,
    string? Reason,
    string? Note,
    string? ChangedByName,
    DateTime ChangedAtUtc)
    : TimelineEntry(EffectiveDate, ChangedAtUtc);

/// <summary>The newest entries of a match's timeline, newest first.</summary>
/// <param name="HasMore">True when older entries were left out.</param>
public sealed record MatchTimeline(IReadOnlyList<TimelineEntry> Entries, bool HasMore);

/// <summary>The figures the match page draws: meetings per month and each scale's scores over time.</summary>
public sealed record MatchActivity(
    IReadOnlyList<MonthMeetings> MeetingsPerMonth, IReadOnlyList<ScaleHistory> Scales)
{
    public int Meetings => MeetingsPerMonth.Sum(m => m.Meetings);
}

public sealed record MonthMeetings(int Year, int Month, int Meetings);

/// <summary>One scale's scores, as one person answered it for the match, oldest first.</summary>
/// <param name="Key">Unique per questionnaire, scale and respondent, for the element's id.</param>
public sealed record ScaleHistory(
    string Key, string ScaleName, string RespondentName, IReadOnlyList<ScorePoint> Points);

public sealed record ScorePoint(DateOnly Occasion, double Score);
