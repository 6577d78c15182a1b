using MentorDashboard.Features.Accounts;

namespace MentorDashboard.Tests.Features.Accounts;

public sealed class ReturnUrlsTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/programmes/7/newsroom")]
    [InlineData("/programmes/7/newsroom?tab=latest&from=2026-12-01")]
    [InlineData("/programmes/7/dashboard?q=a%20b")]
    public void Plain_local_paths_are_safe(string url) => Assert.True(ReturnUrls.IsSafe(url));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("/\t/evil.example")]
    [InlineData("/\n/evil.example")]
    [InlineData("/./\\evil.example")]
    [InlineData("/.//evil.example")]
    [InlineData("/x/../\\evil.example")]
    [InlineData("/x/..//evil.example")]
    [InlineData("/.%2F%2Fevil.example")]
    [InlineData("/%2F%2Fevil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("http:/evil.example")]
    [InlineData("/\u3000x")]
    [InlineData("/\u00a0x")]
    [InlineData("/\u202eevil")]
    public void Anything_that_could_leave_the_site_is_not(string? url) => Assert.False(ReturnUrls.IsSafe(url));
}
