using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace MentorDashboard.Features.Security;

/// <summary>
/// Limits how many posts one person saves in a window. Posting happens over the circuit, where the HTTP rate
/// limiter never looks, so the newsroom asks this before each save.
/// </summary>
public sealed class PostingLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly ILogger<PostingLimiter> _logger;

    public PostingLimiter(IOptions<RateLimitOptions> options, ILogger<PostingLimiter> logger)
    {
        _logger = logger;
        var limit = options.Value.Posting;
        _limiter = PartitionedRateLimiter.Create<string, string>(personId =>
            RateLimitPartition.GetFixedWindowLimiter(personId, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limit.PermitLimit,
                Window = limit.Window,
                QueueLimit = 0,
            }));
    }

    /// <summary>Takes one post from the person's allowance; false when it is used up for now.</summary>
    public bool TryTake(string personId, int programmeId)
    {
        using var lease = _limiter.AttemptAcquire(personId);
        if (!lease.IsAcquired)
        {
            SecurityLog.PostingLimited(_logger, programmeId);
        }

        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
