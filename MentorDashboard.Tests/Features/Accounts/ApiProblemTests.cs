using System.Net;
using MentorDashboard.Data;
using MentorDashboard.Tests.Support;

namespace MentorDashboard.Tests.Features.Accounts;

/// <summary>API errors come as problem documents, never as the HTML pages people see.</summary>
public sealed class ApiProblemTests : IAsyncLifetime
{
    private AppFactory _app = null!;

    public async ValueTask InitializeAsync() => _app = await AppFactory.CreateAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/api/programmes/1/dashboard", HttpStatusCode.Unauthorized)]
    [InlineData("/api/programmes/abc/posts", HttpStatusCode.NotFound)]
    [InlineData("/api/nothing-here", HttpStatusCode.NotFound)]
    public async Task Signed_out_or_unknown_api_request_gets_a_problem_document(string path, HttpStatusCode status)
    {
        var client = _app.CreateBrowserClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Forbidden_api_request_gets_a_problem_document()
    {
        var network = await _app.Data.AddNetworkAsync();
        var programme = await _app.Data.AddProgrammeAsync(network.Id, "Harbour Mentors");
        var mentor = await _app.Accounts.AddAsync("Iker Mentor", programme.Id, ProgrammeRole.Mentor);
        var client = await _app.CreateSignedInClientAsync(mentor);

        using var response = await client.GetAsync($"/api/programmes/{programme.Id}/dashboard");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("application/xml")]
    [InlineData("text/html")]
    public async Task Refused_api_request_is_a_problem_document_whatever_the_client_accepts(string accept)
    {
        var client = _app.CreateBrowserClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/programmes/1/dashboard");
        request.Headers.Accept.ParseAdd(accept);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":401", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
