namespace MentorDashboard.Features.Live;

public enum ProgrammeEventKind
{
    PostSaved,

    /// <summary>A questionnaire response was saved and scored.</summary>
    ResponseSaved,

    /// <summary>An admin changed which data cards the programme's dashboard shows.</summary>
    DashboardLayoutChanged,

    /// <summary>A match was created, paused, resumed or closed.</summary>
    MatchChanged,

    /// <summary>A coordinator logged a support contact.</summary>
    SupportContactSaved,

    /// <summary>
    /// The health of some match changed without new data: time passed a rule's threshold, a rule was edited, or
    /// a flag was acknowledged.
    /// </summary>
    HealthChanged,
}

/// <summary>Something changed in a programme's data; subscribers re-read what they show.</summary>
public sealed record ProgrammeEvent(int ProgrammeId, ProgrammeEventKind Kind, DateTime OccurredAtUtc);

/// <summary>
/// Carries programme events from the service that saved a change to every circuit showing that programme.
/// Services publish only after their save has committed. The in-process hub serves one server; a Redis-backed
/// implementation of this interface can connect several servers without any component changing.
/// </summary>
public interface IProgrammeEvents
{
    Task PublishAsync(ProgrammeEvent programmeEvent, CancellationToken cancellationToken = default);

    /// <summary>
    /// Calls <paramref name="handler"/> for the programme's events, coalesced: at most one call per
    /// <paramref name="minInterval"/>, never two at once, and the last event of a burst is always delivered.
    /// Dispose the subscription to stop.
    /// </summary>
    IDisposable Subscribe(int programmeId, Func<ProgrammeEvent, Task> handler, TimeSpan minInterval);
}
