using MentorDashboard.Features.Security;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MentorDashboard.Tests.Features.Security;

public sealed class PostingLimiterTests
{
    [Fact]
    public void Person_past_the_limit_is_refused_while_others_still_post()
    {
        using var limiter = LimiterOf(permits: 2);

        Assert.True(limiter.TryTake("person-a", programmeId: 1));
        Assert.True(limiter.TryTake("person-a", programmeId: 1));
        Assert.False(limiter.TryTake("person-a", programmeId: 1));
        Assert.True(limiter.TryTake("person-b", programmeId: 1));
    }

    [Fact]
    public void Limit_counts_a_person_across_programmes()
    {
        using var limiter = LimiterOf(permits: 1);

        Assert.True(limiter.TryTake("person-a", programmeId: 1));
        Assert.False(limiter.TryTake("person-a", programmeId: 2));
    }

    private static PostingLimiter LimiterOf(int permits) => new(
        Options.Create(new RateLimitOptions
        {
            Posting = new WindowLimit { PermitLimit = permits, Window = TimeSpan.FromMinutes(10) },
        }),
        NullLogger<PostingLimiter>.Instance);
}
