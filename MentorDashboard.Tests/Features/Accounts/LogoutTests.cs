using System.Net;
using MentorDashboard.Data;
using MentorDashboard.Tests.Support;

namespace MentorDashboard.Tests.Features.Accounts;

public sealed class LogoutTests : IAsyncLifetime
{
    private AppFactory _app = null!;

    public async ValueTask InitializeAsync() => _app = await AppFactory.CreateAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        var network = await _app.Data.AddNetworkAsync();
        var programme = await _app.Data.AddProgrammeAsync(network.Id, "Harbour Mentors");
        var person = await _app.Accounts.AddAsync("Wren Halloway", programme.Id, ProgrammeRole.Mentor);
        var client = await _app.CreateSignedInClientAsync(person);

        using var response = await client.SignOutAsync();

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal(AccountPages.LoginPath, home.Headers.Location!.AbsolutePath);
        using var posts = await client.GetAsync($"/api/programmes/{programme.Id}/posts");
        Assert.Equal(HttpStatusCode.Unauthorized, posts.StatusCode);
    }

    [Fact]
    public async Task Sign_out_without_the_antiforgery_token_is_refused_and_the_session_goes_on()
    {
        var person = await _app.Accounts.AddAsync("Wren Halloway");
        var client = await _app.CreateSignedInClientAsync(person);

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>());
        using var response = await client.PostAsync("/account/logout", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task Sign_out_after_the_session_ended_just_goes_home()
    {
        var client = _app.CreateBrowserClient();

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>());
        using var response = await client.PostAsync("/account/logout", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}
