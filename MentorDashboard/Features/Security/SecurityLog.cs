namespace MentorDashboard.Features.Security;

/// <summary>Refusals by the rate limits and the circuit limit; never an address, a name or a path's ids.</summary>
internal static partial class SecurityLog
{
    [LoggerMessage(EventId = 17001, Level = LogLevel.Warning,
        Message = "A request was refused by the {Limit} rate limit; retry after {RetryAfterSeconds} s")]
    public static partial void RateLimited(ILogger logger, string limit, int retryAfterSeconds);

    [LoggerMessage(EventId = 17002, Level = LogLevel.Warning,
        Message = "A new circuit was refused: the person already has {OpenCircuits} open, the limit is {Limit}")]
    public static partial void CircuitRefused(ILogger logger, int openCircuits, int limit);

    [LoggerMessage(EventId = 17003, Level = LogLevel.Warning,
        Message = "A post in programme {ProgrammeId} was refused by the posting limit")]
    public static partial void PostingLimited(ILogger logger, int programmeId);
}
