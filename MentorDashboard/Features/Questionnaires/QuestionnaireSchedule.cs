namespace MentorDashboard.Features.Questionnaires;

public enum DueStatus
{
    /// <summary>The occasion has come and is still within its grace period.</summary>
    Due,

    /// <summary>The occasion is older than the grace period and still has no response.</summary>
    Overdue,
}

/// <summary>
/// When a questionnaire is due for a match: days after its start, then at a fixed interval while the match is
/// active (not while it is paused), and on the closure date when the questionnaire asks for it.
/// </summary>
public static class QuestionnaireSchedule
{
    /// <summary>Days an occasion stays "due" before it counts as overdue: two weeks suit a weekly meeting.</summary>
    public const int GraceDays = 14;

    /// <summary>
    /// Days after the closure date that a closure questionnaire can still be answered: due, then overdue, then
    /// no longer asked. The pair no longer meets, so a much later answer would measure memory, not the match,
    /// and a closed match must not stay on the overdue list for ever.
    /// </summary>
    public const int ClosureAnswerDays = 2 * GraceDays;

    /// <summary>
    /// The occasions that can take a response today: the regular ones of an active match, or the closure one of
    /// a match closed in the last <see cref="ClosureAnswerDays"/> days. Regular occasions a closed match left
    /// unanswered are missed, not open.
    /// </summary>
    /// <remarks>
    /// A paused match has nothing open: the pair is not meeting, so an answer would describe the pause rather
    /// than the match, and nothing turns overdue while the pause lasts. When the match resumes, its schedule
    /// carries on from the start as before; an occasion that fell inside the pause and is still unanswered is
    /// open again, and overdue once past its grace period, so the coordinator sees what the pause left out.
    /// </remarks>
    public static IEnumerable<DateOnly> OpenOccasions(
        Questionnaire questionnaire, DateOnly matchStart, DateOnly? closureDate, DateOnly today,
        bool isPaused = false)
    {
        if (isPaused)
        {
            return [];
        }

        if (closureDate is not { } closed)
        {
            return Occasions(questionnaire, matchStart, today);
        }

        var answerable = questionnaire.DueAtClosure && closed <= today
            && today.DayNumber - closed.DayNumber <= ClosureAnswerDays;
        return answerable ? [closed] : [];
    }

    /// <summary>
    /// The regular occasions from the match start up to and including today, oldest first; of those before the
    /// questionnaire's <see cref="Questionnaire.AskedFrom"/> day only the latest.
    /// </summary>
    public static IEnumerable<DateOnly> Occasions(Questionnaire questionnaire, DateOnly matchStart, DateOnly today)
    {
        var all = AllOccasions(questionnaire, matchStart, today).ToList();
        if (questionnaire.AskedFrom is not { } askedFrom)
        {
            return all;
        }

        var latestBefore = all.Where(o => o <= askedFrom).DefaultIfEmpty(DateOnly.MinValue).Max();
        return all.Where(o => o >= latestBefore);
    }

    // Counted in day numbers as long: a schedule stored before its days had an upper bound may lie beyond the
    // last date a DateOnly holds, and must leave nothing due rather than fail every page that lists due occasions.
    private static IEnumerable<DateOnly> AllOccasions(Questionnaire questionnaire, DateOnly matchStart, DateOnly today)
    {
        var occasion = (long)matchStart.DayNumber + questionnaire.FirstDueAfterDays;
        while (occasion <= today.DayNumber)
        {
            yield return DateOnly.FromDayNumber((int)occasion);
            if (questionnaire.RepeatEveryDays is not > 0)
            {
                yield break;
            }

            occasion += questionnaire.RepeatEveryDays.Value;
        }
    }

    public static DueStatus StatusOf(DateOnly occasion, DateOnly today) =>
        today.DayNumber - occasion.DayNumber > GraceDays ? DueStatus.Overdue : DueStatus.Due;
}
