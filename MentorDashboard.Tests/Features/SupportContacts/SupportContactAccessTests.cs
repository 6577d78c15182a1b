using System.Net;
using MentorDashboard.Data;
using MentorDashboard.Features.SupportContacts;
using MentorDashboard.Tests.Support;
using static MentorDashboard.Tests.Features.SupportContacts.ContactScenario;

namespace MentorDashboard.Tests.Features.SupportContacts;

/// <summary>Support contact notes reach the programme's coordinators and nobody else, whichever way they ask.</summary>
public sealed class SupportContactAccessTests : IAsyncLifetime
{
    // Nothing in it that HTML or JSON would encode, so "not in the page" means not there.
    private const string Note = "Mentor worried about the housing move next month.";

    private AppFactory _app = null!;
    private Programme _programme = null!;
    private Person _mentor = null!;
    private Match _match = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await AppFactory.CreateAsync();
        var network = await _app.Data.AddNetworkAsync();
        _programme = await _app.Data.AddProgrammeAsync(network.Id, "Harbour Mentors");
        _mentor = await _app.Accounts.AddAsync("Iker Test", _programme.Id, ProgrammeRole.Mentor);
        var mentee = await _app.Accounts.AddAsync("Selam Test", _programme.Id, ProgrammeRole.Mentee);
        _match = await _app.Data.AddMatchAsync(_programme.Id, _mentor, mentee, new DateOnly(2025, 3, 1));
        await _app.Data.AddPostAsync(_match, new DateOnly(2025, 4, 2), text: "We went to the library.");
        await using var db = await _app.Database.OpenAsync();
        db.Add(new SupportContact
        {
            ProgrammeId = _programme.Id,
            MatchId = _match.Id,
            Date = new DateOnly(2025, 4, 3),
            Channel = ContactChannel.Phone,
            With = ContactPerson.Mentor,
            Note = Note,
            FollowUpNeeded = true,
            CreatedAtUtc = new DateTime(2025, 4, 3, 10, 0, 0, DateTimeKind.Utc),
        });
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Coordinator_reads_the_notes_on_the_match_contacts_page()
    {
        var coordinator = await _app.Accounts.AddAsync("Marta Test", _programme.Id, ProgrammeRole.Coordinator);
        using var client = await _app.CreateSignedInClientAsync(coordinator);

        using var page = await client.GetAsync(ContactsPath);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(Note, await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Mentor_is_refused_the_contacts_page_the_dashboard_and_its_data()
    {
        using var client = await _app.CreateSignedInClientAsync(_mentor);

        using var contactsPage = await client.GetAsync(ContactsPath);
        using var dashboardPage = await client.GetAsync($"/programmes/{_programme.Id}/dashboard");
        using var dashboardApi = await client.GetAsync($"/api/programmes/{_programme.Id}/dashboard");

        Assert.Equal(AccountPages.AccessDeniedPath, RedirectPathOf(client, contactsPage));
        Assert.Equal(AccountPages.AccessDeniedPath, RedirectPathOf(client, dashboardPage));
        Assert.Equal(HttpStatusCode.Forbidden, dashboardApi.StatusCode);
        Assert.DoesNotContain(Note, await contactsPage.Content.ReadAsStringAsync());
        Assert.DoesNotContain(Note, await dashboardApi.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Newsroom_and_posts_api_carry_no_note_for_a_member()
    {
        using var client = await _app.CreateSignedInClientAsync(_mentor);

        using var newsroom = await client.GetAsync($"/programmes/{_programme.Id}/newsroom");
        using var posts = await client.GetAsync($"/api/programmes/{_programme.Id}/posts");

        Assert.Equal(HttpStatusCode.OK, newsroom.StatusCode);
        Assert.Equal(HttpStatusCode.OK, posts.StatusCode);
        var postsJson = await posts.Content.ReadAsStringAsync();
        Assert.Contains("We went to the library.", postsJson);
        Assert.DoesNotContain(Note, postsJson);
        Assert.DoesNotContain(Note, await newsroom.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Mentor_gets_nothing_from_the_service_however_it_is_called()
    {
        var contacts = _app.Services.GetRequiredService<SupportContactService>();
        var mentor = UserOf(_mentor);

        var listed = await contacts.ListForMatchAsync(mentor, _programme.Id, _match.Id);
        var compliance = await contacts.ReadComplianceAsync(mentor, _programme.Id);
        var logged = await contacts.LogAsync(mentor, _programme.Id, Input(_match, new DateOnly(2025, 5, 1)));

        Assert.Null(listed);
        Assert.Null(compliance);
        Assert.Equal(SupportContactFields.Contact, Assert.Single(logged.Errors).Field);
        await using var db = await _app.Database.OpenAsync();
        Assert.Equal(1, db.Set<SupportContact>().Count());
    }

    [Fact]
    public async Task Coordinator_of_another_programme_is_refused_the_contacts()
    {
        var elsewhere = await _app.Data.AddProgrammeAsync(_programme.NetworkId, "Hilltop Mentors");
        var coordinator = await _app.Accounts.AddAsync("Pau Test", elsewhere.Id, ProgrammeRole.Coordinator);
        using var client = await _app.CreateSignedInClientAsync(coordinator);

        using var contactsPage = await client.GetAsync(ContactsPath);
        using var elsewherePage = await client.GetAsync(
            $"/programmes/{elsewhere.Id}/matches/{_match.Id}");

        Assert.Equal(AccountPages.AccessDeniedPath, RedirectPathOf(client, contactsPage));
        // Their own programme's address with this match's id: the match is not theirs, so no contact shows.
        Assert.Equal(HttpStatusCode.OK, elsewherePage.StatusCode);
        Assert.DoesNotContain(Note, await elsewherePage.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Dashboard_api_gives_coordinators_the_compliance_without_notes()
    {
        var coordinator = await _app.Accounts.AddAsync("Marta Test", _programme.Id, ProgrammeRole.Coordinator);
        using var client = await _app.CreateSignedInClientAsync(coordinator);

        using var response = await client.GetAsync($"/api/programmes/{_programme.Id}/dashboard");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"supportContacts\"", json);
        Assert.Contains("\"followUpNeeded\":true", json);
        Assert.DoesNotContain(Note, json);
    }

    private string ContactsPath => $"/programmes/{_programme.Id}/matches/{_match.Id}";

    private static string? RedirectPathOf(HttpClient client, HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect
            ? new Uri(client.BaseAddress!, response.Headers.Location!).AbsolutePath
            : $"not a redirect: {(int)response.StatusCode}";
}
