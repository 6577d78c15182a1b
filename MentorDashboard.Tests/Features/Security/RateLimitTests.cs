using System.Net;
using System.Net.Http.Json;
using MentorDashboard.Data;
using MentorDashboard.Tests.Support;
using Microsoft.AspNetCore.Mvc;

namespace MentorDashboard.Tests.Features.Security;

/// <summary>The HTTP rate limits, each set tight through the settings so a test reaches it in a few requests.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task Sign_in_posts_over_the_limit_get_a_friendly_page_with_retry_after()
    {
        await using var app = await AppFactory.CreateAsync(settings: Limit("SignIn", 2));
        using var client = app.CreateBrowserClient();

        using var first = await client.SubmitLoginAsync("nobody@mentors.test", "Wrong-Password-1");
        using var second = await client.SubmitLoginAsync("nobody@mentors.test", "Wrong-Password-2");
        using var third = await client.SubmitLoginAsync("nobody@mentors.test", "Wrong-Password-3");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.InRange(
            third.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        Assert.Equal("text/html", third.Content.Headers.ContentType?.MediaType);
        var html = await third.Content.ReadAsStringAsync();
        Assert.Contains("id=\"too-many-requests\"", html, StringComparison.Ordinal);
        Assert.Contains("Please wait", html, StringComparison.Ordinal);

        // The page answers any address, /news/1/... too, so its stylesheet must not be relative.
        Assert.Contains("href=\"/_content/MudBlazor/MudBlazor.min.css\"", html, StringComparison.Ordinal);
        Assert.Contains("content-security-policy", third.Headers.Select(h => h.Key.ToLowerInvariant()));
    }

    [Fact]
    public async Task Reading_the_sign_in_page_does_not_count_against_the_limit()
    {
        await using var app = await AppFactory.CreateAsync(settings: Limit("SignIn", 1));
        using var client = app.CreateBrowserClient();

        for (var i = 0; i < 4; i++)
        {
            using var page = await client.GetAsync(AccountPages.LoginPath);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
    }

    [Theory]
    [InlineData("/account/login-2fa")]
    [InlineData("/account/forgot-password")]
    [InlineData("/account/reset-password")]
    [InlineData("/invitations/accept")]
    public async Task Every_sign_in_form_shares_the_sign_in_limit(string path)
    {
        await using var app = await AppFactory.CreateAsync(settings: Limit("SignIn", 1));
        using var client = app.CreateBrowserClient();

        using var first = await PostEmptyFormAsync(client, path);
        using var second = await PostEmptyFormAsync(client, path);

        Assert.NotEqual(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.NotNull(second.Headers.RetryAfter);
    }

    [Fact]
    public async Task Public_newsroom_answers_429_after_its_limit_per_address()
    {
        await using var app = await AppFactory.CreateAsync(settings: Limit("Newsroom", 3));
        using var client = app.CreateBrowserClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.GetAsync("/news/1");
            statuses.Add(response.StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(3));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[3]);
        using var elsewhere = await client.GetAsync(AccountPages.LoginPath);
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
    }

    [Fact]
    public async Task Reports_of_public_posts_have_their_own_tighter_limit()
    {
        await using var app = await AppFactory.CreateAsync(settings: Limit("Reports", 1));
        using var client = app.CreateBrowserClient();

        using var first = await PostEmptyFormAsync(client, "/news/1/posts/2/report");
        using var second = await PostEmptyFormAsync(client, "/news/1/posts/3/report");
        using var reading = await client.GetAsync("/news/1");

        Assert.NotEqual(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, reading.StatusCode);
    }

    [Fact]
    public async Task Api_limit_counts_per_person_and_answers_with_a_problem_document()
    {
        await using var app = await AppFactory.CreateAsync(settings: Limit("Api", 2));
        var network = await app.Data.AddNetworkAsync();
        var programme = await app.Data.AddProgrammeAsync(network.Id, "Harbour Mentors");
        var busy = await app.Accounts.AddAsync("Marta Coordinator", programme.Id, ProgrammeRole.Coordinator);
        var calm = await app.Accounts.AddAsync("Jordi Coordinator", programme.Id, ProgrammeRole.Coordinator);
        using var busyClient = await app.CreateSignedInClientAsync(busy);
        using var calmClient = await app.CreateSignedInClientAsync(calm);
        var path = $"/api/programmes/{programme.Id}/posts";

        using var first = await busyClient.GetAsync(path);
        using var second = await busyClient.GetAsync(path);
        using var refused = await busyClient.GetAsync(path);
        using var other = await calmClient.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal(429, problem?.Status);
        Assert.Contains("Try again in", problem?.Detail, StringComparison.Ordinal);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Theory]
    [InlineData("SignIn:PermitLimit", "0")]
    [InlineData("Newsroom:Window", "00:00:00")]
    [InlineData("Reports:PermitLimit", "-5")]
    [InlineData("Posting:Window", "30.00:00:00")]
    public async Task Wrong_setting_stops_the_app_at_start_naming_the_key(string key, string value)
    {
        await using var app = await AppFactory.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["RateLimits:" + key] = value,
        });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateBrowserClient());

        Assert.Contains($"'RateLimits:{key}'", error.ToString(), StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Limit(string name, int permits) => new()
    {
        [$"RateLimits:{name}:PermitLimit"] = permits.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"RateLimits:{name}:Window"] = "00:10:00",
    };

    private static async Task<HttpResponseMessage> PostEmptyFormAsync(HttpClient client, string path)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Code"] = "123456" });
        return await client.PostAsync(path, form);
    }
}
