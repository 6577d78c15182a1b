using System.Security.Claims;
using MentorDashboard.Features.Accounts;

namespace MentorDashboard.Features.Live;

/// <summary>
/// The way a circuit listens to a programme: through the same programme policy as the page it shows. The person's
/// rights are checked when subscribing and again before delivering, so a removed role (or a disabled person)
/// stops the flow within <see cref="RecheckAfter"/>, before the circuit itself revalidates.
/// </summary>
public sealed partial class LiveAccess(
    IProgrammeEvents events, ProgrammeAccess access, TimeProvider time, ILogger<LiveAccess> logger)
{
    /// <summary>How long a delivery may trust the last answer; one database read per subscriber and interval.
    /// </summary>
    public static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Calls <paramref name="handler"/> with the programme's events while <paramref name="user"/> passes
    /// <paramref name="policy"/> (one of <see cref="ProgrammePolicies"/>' programme policies), coalesced as
    /// <see cref="IProgrammeEvents.Subscribe"/> does. Null, subscribing nothing, when the person does not pass it.
    /// </summary>
    /// <param name="accessEnded">Called once, instead of the handler, when a later check finds the person no
    /// longer passes; the subscription has then ended, so the view can say so.</param>
    public async Task<IDisposable?> SubscribeAsync(
        ClaimsPrincipal user,
        int programmeId,
        string policy,
        Func<ProgrammeEvent, Task> handler,
        TimeSpan minInterval,
        Func<Task>? accessEnded = null,
        CancellationToken cancellationToken = default)
    {
        if (!await AllowsAsync(user, programmeId, policy, cancellationToken))
        {
            LogRefused(logger, programmeId, policy);
            return null;
        }

        var checkedAt = time.GetTimestamp();
        var ended = false;
        IDisposable? subscription = null;
        subscription = events.Subscribe(programmeId, async programmeEvent =>
        {
            // Deliveries never overlap (the subscription coalesces them), so these locals need no lock.
            if (ended)
            {
                return;
            }

            if (time.GetElapsedTime(checkedAt) >= RecheckAfter)
            {
                if (!await AllowsAsync(user, programmeId, policy, CancellationToken.None))
                {
                    ended = true;
                    LogEnded(logger, programmeId, policy);
                    subscription?.Dispose();
                    if (accessEnded is not null)
                    {
                        await accessEnded();
                    }

                    return;
                }

                checkedAt = time.GetTimestamp();
            }

            await handler(programmeEvent);
        }, minInterval);
        return subscription;
    }

    private async Task<bool> AllowsAsync(
        ClaimsPrincipal user, int programmeId, string policy, CancellationToken cancellationToken) =>
        ProgrammePolicies.Allows(policy, await access.GetAsync(user, programmeId, cancellationToken));

    [LoggerMessage(EventId = 15001, Level = LogLevel.Warning,
        Message = "A live subscription to programme {ProgrammeId} was refused by policy {Policy}")]
    private static partial void LogRefused(ILogger logger, int programmeId, string policy);

    [LoggerMessage(EventId = 15002, Level = LogLevel.Information,
        Message = "A live subscription to programme {ProgrammeId} ended: the person no longer passes {Policy}")]
    private static partial void LogEnded(ILogger logger, int programmeId, string policy);
}
