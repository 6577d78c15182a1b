namespace MentorDashboard.Tests.Support;

/// <summary>A clock stopped at one instant, so rules about days give the same answer every run.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
