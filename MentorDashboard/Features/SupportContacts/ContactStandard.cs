namespace MentorDashboard.Features.SupportContacts;

/// <summary>Where a match stands against the contact standard today.</summary>
/// <param name="IsBehind">Fewer contacts than the standard expects by today.</param>
/// <param name="LastContact">The latest contact on or before today; null when there was none.</param>
/// <param name="NextDue">The day by which the next contact is expected (in the past when behind).</param>
public sealed record ContactCheck(bool IsBehind, DateOnly? LastContact, DateOnly NextDue);

/// <summary>
/// How often coordinators are expected to contact each pair: good practice asks for two contacts in the first
/// month and one a month after that. A programme sets both numbers through its support-contact health rule; this
/// is the one place that says what they mean, for the health rules and the compliance card alike.
/// </summary>
public static class ContactStandard
{
    public const int DefaultFirstPeriodContacts = 2;

    public const int DefaultIntervalDays = 30;

    /// <summary>
    /// Checks a match that started on <paramref name="matchStart"/>. In the first
    /// <paramref name="intervalDays"/> days the expected contacts grow evenly (with 2 in 30 days: one by day 15,
    /// two by day 30), so a new match is not flagged on its first day. After that the latest contact must be at
    /// most <paramref name="intervalDays"/> days old; a shortfall in the first month is not held against the
    /// match for ever.
    /// </summary>
    public static ContactCheck Check(
        DateOnly matchStart,
        IEnumerable<DateOnly> contactDates,
        DateOnly today,
        int firstPeriodContacts = DefaultFirstPeriodContacts,
        int intervalDays = DefaultIntervalDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(firstPeriodContacts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(intervalDays, 1);

        var counted = contactDates.Where(d => d >= matchStart && d <= today).ToList();
        DateOnly? last = counted.Count == 0 ? null : counted.Max();
        var elapsed = today.DayNumber - matchStart.DayNumber;
        if (elapsed < 0)
        {
            return new ContactCheck(false, null, matchStart.AddDays(intervalDays));
        }

        if (elapsed <= intervalDays)
        {
            var made = counted.Count;
            var expected = firstPeriodContacts * elapsed / intervalDays;
            if (made >= firstPeriodContacts)
            {
                return new ContactCheck(false, last, last!.Value.AddDays(intervalDays));
            }

            // The day on which the growing expectation first exceeds the contacts made so far.
            var nextDue = matchStart.AddDays(
                (int)Math.Ceiling((double)(made + 1) * intervalDays / firstPeriodContacts));
            return new ContactCheck(made < expected, last, nextDue);
        }

        var since = last ?? matchStart;
        var due = since.AddDays(intervalDays);
        return new ContactCheck(today > due, last, due);
    }
}
