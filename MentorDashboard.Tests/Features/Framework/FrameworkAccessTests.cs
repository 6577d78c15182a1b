using System.Net;
using MentorDashboard.Data;
using MentorDashboard.Tests.Support;

namespace MentorDashboard.Tests.Features.Framework;

/// <summary>Who reaches the framework editor, its export and a programme's adaptation, asked over HTTP.</summary>
public sealed class FrameworkAccessTests : IAsyncLifetime
{
    private AppFactory _app = null!;
    private Network _network = null!;
    private Programme _harbour = null!;
    private Programme _elsewhere = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await AppFactory.CreateAsync();
        _network = await _app.Data.AddNetworkAsync();
        _harbour = await _app.Data.AddProgrammeAsync(_network.Id, "Harbour Mentors");
        var otherNetwork = await _app.Data.AddNetworkAsync("Other Network");
        _elsewhere = await _app.Data.AddProgrammeAsync(otherNetwork.Id, "Elsewhere Mentors");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Network_admin_reaches_the_editor_the_export_and_their_programmes_adaptation()
    {
        var admin = await _app.Accounts.AddAsync("Ansel Crowe", adminOfNetworkId: _network.Id);
        using var client = await _app.CreateSignedInClientAsync(admin);

        using var editor = await client.GetAsync("/admin/framework");
        using var adaptation = await client.GetAsync($"/programmes/{_harbour.Id}/adaptation");
        using var export = await client.GetAsync("/api/framework/export");

        Assert.Equal(HttpStatusCode.OK, editor.StatusCode);
        Assert.Contains("Network framework", await editor.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, adaptation.StatusCode);
        Assert.Contains("Harbour Mentors", await adaptation.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/json", export.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"key\": \"topic.housing\"", await export.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Network_admin_is_refused_the_adaptation_of_another_networks_programme()
    {
        var admin = await _app.Accounts.AddAsync("Ansel Crowe", adminOfNetworkId: _network.Id);
        using var client = await _app.CreateSignedInClientAsync(admin);

        using var response = await client.GetAsync($"/programmes/{_elsewhere.Id}/adaptation");

        Assert.Equal(AccountPages.AccessDeniedPath, RedirectPathOf(client, response));
    }

    [Fact]
    public async Task Coordinator_is_refused_the_editor_the_export_and_the_adaptation()
    {
        var coordinator = await _app.Accounts.AddAsync("Wren Halloway", _harbour.Id, ProgrammeRole.Coordinator);
        using var client = await _app.CreateSignedInClientAsync(coordinator);

        using var editor = await client.GetAsync("/admin/framework");
        using var adaptation = await client.GetAsync($"/programmes/{_harbour.Id}/adaptation");
        using var export = await client.GetAsync("/api/framework/export");

        Assert.Equal(AccountPages.AccessDeniedPath, RedirectPathOf(client, editor));
        Assert.Equal(AccountPages.AccessDeniedPath, RedirectPathOf(client, adaptation));
        Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode);
    }

    private static string? RedirectPathOf(HttpClient client, HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect
            ? new Uri(client.BaseAddress!, response.Headers.Location!).AbsolutePath
            : $"not a redirect: {(int)response.StatusCode}";
}
