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
}
