namespace MentorDashboard.Features.Questionnaires;

public enum DueStatus
{
    /// <summary>The occasion has come and is still within its grace period.</summary>
    Due,

    /// <summary>The occasion is older than the grace period and still has no response.</summary>
    Overdue,
}

/// <summary>When a questionnaire is due for a match: days after its start, then at a fixed interval.</summary>
public static class QuestionnaireSchedule
{
    /// <summary>Days an occasion stays "due" before it counts as overdue: two weeks suit a weekly meeting.</summary>
    public const int GraceDays = 14;

    /// <summary>The occasions from the match start up to and including today, oldest first.</summary>
    public static IEnumerable<DateOnly> Occasions(Questionnaire questionnaire, DateOnly matchStart, DateOnly today)
    {
        // TODO: occasions at closure (DueAtClosure) wait for the closing of matches, which is not built yet:
        // today only active matches take responses, so a closure occasion could not be answered.
        var occasion = matchStart.AddDays(questionnaire.FirstDueAfterDays);
        while (occasion <= today)
        {
            yield return occasion;
            if (questionnaire.RepeatEveryDays is not > 0)
            {
                yield break;
            }

            occasion = occasion.AddDays(questionnaire.RepeatEveryDays.Value);
        }
    }

    public static DueStatus StatusOf(DateOnly occasion, DateOnly today) =>
        today.DayNumber - occasion.DayNumber > GraceDays ? DueStatus.Overdue : DueStatus.Due;
}
