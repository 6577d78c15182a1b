using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using MentorDashboard.Data;
using MentorDashboard.Features.Audit;
using MentorDashboard.Features.Newsroom;
using MentorDashboard.Features.SupportContacts;
using MentorDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Tests.Features.Security;

/// <summary>
/// Input people (or scripts) should not send, through the services and over HTTP. Each case gets a clear error
/// (a validation message, or a 4xx problem document), nothing it sent comes back as markup, and the stored data is
/// the same afterwards, compared as a snapshot of the tables.
/// </summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private const string Script = "<script>alert('hi')</script>";

    private AppFactory _app = null!;
    private Programme _programme = null!;
    private Programme _otherProgramme = null!;
    private Person _coordinator = null!;
    private Person _mentor = null!;
    private Match _match = null!;
    private Match _otherMentorsMatch = null!;
    private Match _otherProgrammesMatch = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await AppFactory.CreateAsync();
        var network = await _app.Data.AddNetworkAsync();
        _programme = await _app.Data.AddProgrammeAsync(network.Id, "Harbour Mentors");
        _otherProgramme = await _app.Data.AddProgrammeAsync(network.Id, "Valley Mentors");
        _coordinator = await _app.Accounts.AddAsync("Marta Coordinator", _programme.Id, ProgrammeRole.Coordinator);
        _mentor = await _app.Data.AddPersonAsync("Iker Mentor", _programme.Id, ProgrammeRole.Mentor);
        var mentee = await _app.Data.AddPersonAsync("Selam Mentee", _programme.Id, ProgrammeRole.Mentee);
        var otherMentor = await _app.Data.AddPersonAsync("Pau Mentor", _programme.Id, ProgrammeRole.Mentor);
        var otherMentee = await _app.Data.AddPersonAsync("Oleh Mentee", _programme.Id, ProgrammeRole.Mentee);
        var valleyMentor = await _app.Data.AddPersonAsync("Aina Mentor", _otherProgramme.Id, ProgrammeRole.Mentor);
        var valleyMentee = await _app.Data.AddPersonAsync("Hodan Mentee", _otherProgramme.Id, ProgrammeRole.Mentee);
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-6);
        _match = await _app.Data.AddMatchAsync(_programme.Id, _mentor, mentee, start);
        _otherMentorsMatch = await _app.Data.AddMatchAsync(_programme.Id, otherMentor, otherMentee, start);
        _otherProgrammesMatch = await _app.Data.AddMatchAsync(_otherProgramme.Id, valleyMentor, valleyMentee, start);
        await _app.Data.AddPostAsync(_match, start.AddDays(3), text: "We walked to the harbour.");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static DateTime Today => DateTime.UtcNow.Date;

    public static TheoryData<string> PostCases => [.. BadPosts.Keys];

    public static TheoryData<string> ContactCases => [.. BadContacts.Keys];

    public static TheoryData<string> ApiCases => [.. BadRequests.Keys];

    // Each changes one thing in a post that would otherwise save.
    private static Dictionary<string, Action<PostInput, BadInputTests>> BadPosts { get; } = new()
    {
        ["story over 2,000 characters"] = (p, _) => p.Text = new string('a', PostInput.MaxTextLength + 1),
        ["story of spaces, control and zero-width characters"] = (p, _) => p.Text = " \u0000\u001b\t\u200b ",
        ["empty story"] = (p, _) => p.Text = "",
        ["negative minutes"] = (p, _) => p.Minutes = -30,
        ["zero minutes"] = (p, _) => p.Minutes = 0,
        ["huge minutes"] = (p, _) => p.Minutes = int.MaxValue,
        ["no minutes"] = (p, _) => p.Minutes = null,
        ["rating zero"] = (p, _) => p.Rating = 0,
        ["rating six"] = (p, _) => p.Rating = 6,
        ["rating hugely negative"] = (p, _) => p.Rating = int.MinValue,
        ["unknown activity key"] = (p, _) => p.ActivityTypeKey = "activity.skydiving",
        ["activity key with a script tag"] = (p, _) => p.ActivityTypeKey = Script,
        ["activity key of 10,000 characters"] = (p, _) => p.ActivityTypeKey = new string('k', 10_000),
        ["unknown topic key"] = (p, _) => p.TopicKeys = ["topic.work", "topic.astrology"],
        ["topic key with an HTML tag"] = (p, _) => p.TopicKeys = ["<img src=x onerror=alert(1)>"],
        ["no topics"] = (p, _) => p.TopicKeys = [],
        ["meeting tomorrow"] = (p, _) => p.Date = Today.AddDays(1),
        ["meeting in the year 9999"] = (p, _) => p.Date = new DateTime(9999, 12, 31),
        ["meeting on the first day of year 1"] = (p, _) => p.Date = DateTime.MinValue,
        ["no date"] = (p, _) => p.Date = null,
        ["no match"] = (p, _) => p.MatchId = null,
        ["another programme's match"] = (p, t) => p.MatchId = t._otherProgrammesMatch.Id,
        ["another mentor's match"] = (p, t) => p.MatchId = t._otherMentorsMatch.Id,
        ["negative match id"] = (p, _) => p.MatchId = -1,
        ["largest possible match id"] = (p, _) => p.MatchId = int.MaxValue,
    };

    private static Dictionary<string, Action<SupportContactInput, BadInputTests>> BadContacts { get; } = new()
    {
        ["note over 2,000 characters"] = (c, _) => c.Note = new string('n', SupportContactInput.MaxNoteLength + 1),
        ["contact tomorrow"] = (c, _) => c.Date = Today.AddDays(1),
        ["no contact date"] = (c, _) => c.Date = null,
        ["unknown channel number"] = (c, _) => c.Channel = (ContactChannel)99,
        ["unknown contact person number"] = (c, _) => c.With = (ContactPerson)(-1),
        ["contact on another programme's match"] = (c, t) => c.MatchId = t._otherProgrammesMatch.Id,
        ["contact on a negative match id"] = (c, _) => c.MatchId = -7,
    };

    // Paths are relative to the programme's exports unless they start with a slash; {other} is the other programme.
    private static Dictionary<string, (string Path, HttpStatusCode Status)> BadRequests { get; } = new()
    {
        ["unknown export table"] = ("people.csv", HttpStatusCode.NotFound),
        ["unknown export format"] = ("posts.pdf", HttpStatusCode.NotFound),
        ["export table with a script tag"] = ("%3Cscript%3Ealert(1)%3C%2Fscript%3E.csv", HttpStatusCode.NotFound),
        ["export table climbing out of its folder"] = ("..%2F..%2Fappsettings.json", HttpStatusCode.NotFound),
        ["unknown match status"] = ("matches.csv?status=Deleted", HttpStatusCode.BadRequest),
        ["match status with a script tag"] = ("matches.csv?status=%3Cb%3Ex%3C%2Fb%3E", HttpStatusCode.BadRequest),
        ["match filter that is not a number"] = ("contacts.csv?match=abc", HttpStatusCode.BadRequest),
        ["negative match filter"] = ("contacts.csv?match=-1", HttpStatusCode.BadRequest),
        ["match filter past the largest id"] = ("contacts.csv?match=99999999999", HttpStatusCode.BadRequest),
        ["match filter with an exponent"] = ("contacts.csv?match=1e3", HttpStatusCode.BadRequest),
        ["search of 10,000 characters"] = ("matches.csv?search=" + new string('x', 10_000),
            HttpStatusCode.BadRequest),
        ["another programme's export"] = ("/api/programmes/{other}/exports/posts.csv", HttpStatusCode.Forbidden),
        ["programme id past the largest number"] = ("/api/programmes/99999999999/posts", HttpStatusCode.NotFound),
        ["programme id that is not a number"] = ("/api/programmes/abc/posts", HttpStatusCode.NotFound),
        ["programme id with a script tag"] = ("/api/programmes/%3Cscript%3E/dashboard", HttpStatusCode.NotFound),
        ["programme that does not exist"] = ("/api/programmes/0/posts", HttpStatusCode.Forbidden),
        ["unknown API address"] = ("/api/programmes/{other}/secrets", HttpStatusCode.NotFound),
    };

    [Theory]
    [MemberData(nameof(PostCases))]
    public async Task Bad_post_is_refused_with_a_message_and_changes_nothing(string name)
    {
        var posts = _app.Services.GetRequiredService<PostService>();
        var input = GoodPost();
        BadPosts[name](input, this);
        var before = await SnapshotAsync();

        var result = await posts.CreateAsync(_programme.Id, _mentor.Id, input);

        Assert.False(result.Saved);
        var error = Assert.Single(result.Errors);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        Assert.DoesNotContain("<", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Post_with_every_field_right_saves_so_the_bad_cases_fail_for_their_one_change()
    {
        var posts = _app.Services.GetRequiredService<PostService>();

        var result = await posts.CreateAsync(_programme.Id, _mentor.Id, GoodPost());

        Assert.True(result.Saved);
    }

    [Theory]
    [MemberData(nameof(ContactCases))]
    public async Task Bad_support_contact_is_refused_with_a_message_and_changes_nothing(string name)
    {
        var contacts = _app.Services.GetRequiredService<SupportContactService>();
        var input = new SupportContactInput
        {
            MatchId = _match.Id,
            Date = Today.AddDays(-1),
            Channel = ContactChannel.Phone,
            With = ContactPerson.Mentor,
            Note = "Called; all well.",
        };
        BadContacts[name](input, this);
        var before = await SnapshotAsync();

        var result = await contacts.LogAsync(UserOf(_coordinator), _programme.Id, input);

        Assert.Null(result.Contact);
        Assert.NotEmpty(result.Errors);
        Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Support_contact_logged_by_a_mentor_is_refused_and_changes_nothing()
    {
        var contacts = _app.Services.GetRequiredService<SupportContactService>();
        var before = await SnapshotAsync();

        var result = await contacts.LogAsync(UserOf(_mentor), _programme.Id, new SupportContactInput
        {
            MatchId = _match.Id,
            Date = Today.AddDays(-1),
            Channel = ContactChannel.Phone,
            With = ContactPerson.Mentor,
            Note = "I log my own contact.",
        });

        Assert.Null(result.Contact);
        Assert.Contains(result.Errors, e => e.Message.Contains("coordinators", StringComparison.Ordinal));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Theory]
    [MemberData(nameof(ApiCases))]
    public async Task Bad_request_gets_a_problem_document_that_echoes_no_markup(string name)
    {
        var (path, status) = BadRequests[name];
        path = path.Replace("{other}", _otherProgramme.Id.ToString(CultureInfo.InvariantCulture),
            StringComparison.Ordinal);
        if (!path.StartsWith('/'))
        {
            path = string.Create(CultureInfo.InvariantCulture, $"/api/programmes/{_programme.Id}/exports/{path}");
        }

        using var client = await _app.CreateSignedInClientAsync(_coordinator);
        var before = await SnapshotAsync();

        using var response = await client.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal((int)status, JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
        Assert.DoesNotContain("<", body, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Theory]
    [InlineData("application/json", "{\"Input.Email\": \"marta.coordinator@mentors.test\"}")]
    [InlineData("application/json", "{not json at all")]
    [InlineData("text/xml", "<login><email>marta.coordinator@mentors.test</email></login>")]
    [InlineData("application/x-www-form-urlencoded", "%%%=%%%&&&")]
    public async Task Sign_in_form_posted_with_a_wrong_body_is_refused_without_an_error_page(
        string contentType, string body)
    {
        using var client = _app.CreateBrowserClient();
        var before = await SnapshotAsync();

        using var content = new StringContent(body, Encoding.UTF8, contentType);
        using var response = await client.PostAsync("/account/login", content);

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.DoesNotContain("Exception", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Json_posted_to_the_read_only_posts_api_is_refused_and_changes_nothing()
    {
        using var client = await _app.CreateSignedInClientAsync(_coordinator);
        var before = await SnapshotAsync();

        using var content = new StringContent("{\"text\": \"" + Script + "\"}", Encoding.UTF8, "application/json");
        using var response = await client.PostAsync($"/api/programmes/{_programme.Id}/posts", content);

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Story_with_markup_is_kept_as_text_and_served_as_json_a_browser_will_not_render()
    {
        var posts = _app.Services.GetRequiredService<PostService>();
        var input = GoodPost();
        input.Text = "Selam said " + Script + " was the funniest thing <b>ever</b>.";
        var saved = await posts.CreateAsync(_programme.Id, _mentor.Id, input);
        using var client = await _app.CreateSignedInClientAsync(_coordinator);

        using var response = await client.GetAsync($"/api/programmes/{_programme.Id}/posts");
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(saved.Saved);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var texts = JsonDocument.Parse(body).RootElement.EnumerateArray()
            .Select(p => p.GetProperty("text").GetString());
        Assert.Contains("Selam said " + Script + " was the funniest thing <b>ever</b>.", texts);
    }

    // A post that saves; each bad case changes one thing in it.
    private PostInput GoodPost() => new()
    {
        MatchId = _match.Id,
        Date = Today.AddDays(-1),
        Minutes = 45,
        ActivityTypeKey = "activity.walk",
        TopicKeys = ["topic.work"],
        Rating = 4,
        Text = "We practised for an interview.",
    };

    private static ClaimsPrincipal UserOf(Person person) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, person.Id)], "Test"));

    // Every row a bad input could touch, as text: two equal snapshots mean nothing was added, changed or removed.
    private async Task<string> SnapshotAsync()
    {
        await using var db = await _app.Database.OpenAsync();
        var rows = new List<object>
        {
            await db.Posts.OrderBy(p => p.Id)
                .Select(p => new { p.Id, p.MatchId, p.Date, p.Minutes, p.Rating, p.ActivityTypeKey, p.Text })
                .ToListAsync(),
            await db.PostTopics.OrderBy(t => t.PostId).ThenBy(t => t.TopicKey)
                .Select(t => new { t.PostId, t.TopicKey }).ToListAsync(),
            await db.Set<SupportContact>().OrderBy(c => c.Id).Select(c => new { c.Id, c.MatchId, c.Note })
                .ToListAsync(),
            await db.Matches.OrderBy(m => m.Id).Select(m => new { m.Id, m.Status, m.StartDate }).ToListAsync(),
            await db.Set<AuditEntry>().Where(a => a.Kind == AuditKind.Exported).CountAsync(),
        };
        return JsonSerializer.Serialize(rows);
    }
}
