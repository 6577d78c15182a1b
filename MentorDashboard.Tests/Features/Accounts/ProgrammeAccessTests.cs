using System.Globalization;
using System.Net;
using System.Web;
using AngleSharp.Html.Parser;
using MentorDashboard.Data;
using MentorDashboard.Features.Demo;
using MentorDashboard.Tests.Support;
using static MentorDashboard.Tests.Features.Accounts.ProgrammeAccessTests.Outcome;

namespace MentorDashboard.Tests.Features.Accounts;

/// <summary>Who reaches a programme's pages and APIs, asked over HTTP the way a browser or a script would.</summary>
public sealed class ProgrammeAccessTests : IAsyncLifetime
{
    private static readonly ProgrammeRoute[] Routes =
    [
        new("dashboard page", "/programmes/{0}/dashboard", "Dashboard"),
        new("newsroom page", "/programmes/{0}/newsroom", "Newsroom"),
        new("dashboard API", "/api/programmes/{0}/dashboard", Heading: null),
        new("posts API", "/api/programmes/{0}/posts", Heading: null),
        new("matches page", "/programmes/{0}/matches", "Matches", ShowsFeed: false),
        new("match page", "/programmes/{0}/matches/{1}", "Quinn Pairing", ShowsFeed: false),
        new("closure reasons page", "/programmes/{0}/closure-reasons", "Closure reasons", ShowsFeed: false),
        new("health rules page", "/programmes/{0}/health-rules", "Health rules", ShowsFeed: false),
    ];

    /// <summary>Each programme's own match, which its match page shows.</summary>
    private readonly Dictionary<int, int> _matchOf = [];

    private AppFactory _app = null!;
    private Network _network = null!;
    private Programme _harbour = null!;
    private Programme _hilltop = null!;
    private Programme _riverside = null!;

    public enum Viewer
    {
        SignedOut,
        Mentee,
        Mentor,
        Coordinator,
        NetworkAdmin,
    }

    /// <summary>Which programme the viewer asks for, seen from the viewer.</summary>
    public enum Which
    {
        /// <summary>The programme the viewer has a role in; for the network admin, one of their network.</summary>
        Own,

        /// <summary>Another programme of the same network.</summary>
        Sibling,

        /// <summary>A programme of another network.</summary>
        OtherNetwork,

        /// <summary>A programme id that does not exist.</summary>
        Missing,
    }

    public enum Outcome
    {
        /// <summary>The page renders (with its heading) or the API answers 200 with JSON.</summary>
        Allowed,

        /// <summary>A page redirects to the access-denied page; an API answers 403.</summary>
        Denied,

        /// <summary>A page redirects to the sign-in page, returning here; an API answers 401.</summary>
        SignIn,
    }

    public async ValueTask InitializeAsync()
    {
        _app = await AppFactory.CreateAsync();
        _network = await _app.Data.AddNetworkAsync("Coastal Network");
        _harbour = await _app.Data.AddProgrammeAsync(_network.Id, "Harbour Mentors");
        _hilltop = await _app.Data.AddProgrammeAsync(_network.Id, "Hilltop Mentors");
        var otherNetwork = await _app.Data.AddNetworkAsync("Inland Network");
        _riverside = await _app.Data.AddProgrammeAsync(otherNetwork.Id, "Riverside Mentors");
        foreach (var programme in new[] { _harbour, _hilltop, _riverside })
        {
            var mentor = await _app.Data.AddPersonAsync("Quinn Pairing", programme.Id, ProgrammeRole.Mentor);
            var mentee = await _app.Data.AddPersonAsync($"Mentee of {programme.Name}", programme.Id,
                ProgrammeRole.Mentee);
            var match = await _app.Data.AddMatchAsync(
                programme.Id, mentor, mentee, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-60));
            _matchOf[programme.Id] = match.Id;
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    //          viewer               programme           dash-    news-    dash-    posts    matches  match    admin
    //                                                   board    room     board    API      page     page     pages
    //                                                   page     page     API
    [InlineData(Viewer.SignedOut,    Which.Own,          SignIn,  SignIn,  SignIn,  SignIn,  SignIn,  SignIn,  SignIn)]
    [InlineData(Viewer.SignedOut,    Which.Missing,      SignIn,  SignIn,  SignIn,  SignIn,  SignIn,  SignIn,  SignIn)]
    [InlineData(Viewer.Mentee,       Which.Own,          Denied,  Allowed, Denied,  Allowed, Denied,  Denied,  Denied)]
    [InlineData(Viewer.Mentee,       Which.Sibling,      Denied,  Denied,  Denied,  Denied,  Denied,  Denied,  Denied)]
    [InlineData(Viewer.Mentor,       Which.Own,          Denied,  Allowed, Denied,  Allowed, Denied,  Denied,  Denied)]
    [InlineData(Viewer.Mentor,       Which.Sibling,      Denied,  Denied,  Denied,  Denied,  Denied,  Denied,  Denied)]
    [InlineData(Viewer.Coordinator,  Which.Own,          Allowed, Allowed, Allowed, Allowed, Allowed, Allowed, Denied)]
    [InlineData(Viewer.Coordinator,  Which.Sibling,      Denied,  Denied,  Denied,  Denied,  Denied,  Denied,  Denied)]
    [InlineData(Viewer.Coordinator,  Which.OtherNetwork, Denied,  Denied,  Denied,  Denied,  Denied,  Denied,  Denied)]
    [InlineData(Viewer.Coordinator,  Which.Missing,      Denied,  Denied,  Denied,  Denied,  Denied,  Denied,  Denied)]
    [InlineData(Viewer.NetworkAdmin, Which.Own,          Allowed, Allowed, Allowed, Allowed, Allowed, Allowed, Allowed)]
    [InlineData(Viewer.NetworkAdmin, Which.Sibling,      Allowed, Allowed, Allowed, Allowed, Allowed, Allowed, Allowed)]
    [InlineData(Viewer.NetworkAdmin, Which.OtherNetwork, Denied,  Denied,  Denied,  Denied,  Denied,  Denied,  Denied)]
    [InlineData(Viewer.NetworkAdmin, Which.Missing,      Denied,  Denied,  Denied,  Denied,  Denied,  Denied,  Denied)]
    public async Task Viewer_reaches_exactly_what_their_role_allows(
        Viewer viewer, Which which, Outcome dashboardPage, Outcome newsroomPage, Outcome dashboardApi,
        Outcome postsApi, Outcome matchesPage, Outcome matchPage, Outcome adminPages)
    {
        var client = await ClientOfAsync(viewer);
        var programmeId = IdOf(which);
        var outcomes = new List<string>();

        foreach (var route in Routes)
        {
            var outcome = await OutcomeOfAsync(client, route, programmeId, MatchIdOf(programmeId));
            outcomes.Add($"{route.Name}: {outcome}");
        }

        // Closure reasons and health rules: the pages where a programme's admin sets how it works.
        Outcome[] expected =
            [dashboardPage, newsroomPage, dashboardApi, postsApi, matchesPage, matchPage, adminPages, adminPages];
        var expectedLines = Routes.Zip(expected, (route, outcome) => $"{route.Name}: {outcome}");
        Assert.Equal(string.Join("\n", expectedLines), string.Join("\n", outcomes));
    }

    [Fact]
    public async Task Coordinator_sees_none_of_another_programmes_people_or_posts()
    {
        await AddMatchWithPostAsync(_harbour, "Orla Fenwick", "Tam Brightwater", "Fed the gulls on the pier.");
        await AddMatchWithPostAsync(_hilltop, "Idris Quell", "Juno Marsh", "Climbed to the beacon at dusk.");
        var coordinator = await AddCoordinatorOfHarbourAsync();
        var client = await _app.CreateSignedInClientAsync(coordinator);

        var bodies = new List<string>();
        foreach (var route in Routes.Where(r => r.ShowsFeed))
        {
            using var response = await client.GetAsync(route.PathFor(_harbour.Id, MatchIdOf(_harbour.Id)));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            bodies.Add(await response.Content.ReadAsStringAsync());
        }

        Assert.All(bodies, body => Assert.Contains("Fed the gulls on the pier.", body));
        Assert.All(bodies, body => Assert.Contains("Orla Fenwick", body));
        Assert.All(bodies, body => Assert.DoesNotContain("Climbed to the beacon at dusk.", body));
        Assert.All(bodies, body => Assert.DoesNotContain("Idris Quell", body));
        Assert.All(bodies, body => Assert.DoesNotContain("Juno Marsh", body));
        Assert.All(bodies, body => Assert.DoesNotContain("Hilltop Mentors", body));
    }

    [Fact]
    public async Task Allowed_dashboard_is_prerendered_with_the_programme_in_its_heading()
    {
        var coordinator = await AddCoordinatorOfHarbourAsync();
        var client = await _app.CreateSignedInClientAsync(coordinator);

        using var response = await client.GetAsync($"/programmes/{_harbour.Id}/dashboard");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Dashboard · Harbour Mentors", HeadingOf(await response.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData("/programmes/99999999999/dashboard")]
    [InlineData("/programmes/harbour/newsroom")]
    [InlineData("/api/programmes/99999999999/dashboard")]
    [InlineData("/api/programmes/harbour/posts")]
    public async Task Programme_id_that_is_not_an_int_is_not_found(string path)
    {
        var admin = await _app.Accounts.AddAsync("Wren Halloway", adminOfNetworkId: _network.Id);
        var client = await _app.CreateSignedInClientAsync(admin);

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Match_of_another_programme_is_not_shown_through_the_coordinators_own_programme()
    {
        var coordinator = await AddCoordinatorOfHarbourAsync();
        var client = await _app.CreateSignedInClientAsync(coordinator);

        using var response = await client.GetAsync($"/programmes/{_harbour.Id}/matches/{_matchOf[_hilltop.Id]}");

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This match is not part of this programme.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Mentee of Hilltop Mentors", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mentor_asking_for_another_pairs_questionnaire_is_redirected_to_access_denied()
    {
        var youth = DemoQuestionnaires.Youth();
        youth.NetworkId = _network.Id;
        await using (var db = await _app.Database.OpenAsync())
        {
            db.Add(youth);
            await db.SaveChangesAsync();
        }

        var mentor = await _app.Accounts.AddAsync("Orla Fenwick", _harbour.Id, ProgrammeRole.Mentor);
        var otherMentor = await _app.Data.AddPersonAsync("Idris Quell", _harbour.Id, ProgrammeRole.Mentor);
        var otherMentee = await _app.Data.AddPersonAsync("Juno Marsh", _harbour.Id, ProgrammeRole.Mentee);
        var otherMatch = await _app.Data.AddMatchAsync(
            _harbour.Id, otherMentor, otherMentee, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-90));
        var client = await _app.CreateSignedInClientAsync(mentor);

        using var response = await client.GetAsync(
            $"/programmes/{_harbour.Id}/questionnaires/{youth.Id}/matches/{otherMatch.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = new Uri(client.BaseAddress!, response.Headers.Location!);
        Assert.Equal(AccountPages.AccessDeniedPath, location.AbsolutePath);
        Assert.DoesNotContain("Juno Marsh", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<HttpClient> ClientOfAsync(Viewer viewer)
    {
        var person = viewer switch
        {
            Viewer.SignedOut => null,
            Viewer.Mentee => await _app.Accounts.AddAsync("Tam Brightwater", _harbour.Id, ProgrammeRole.Mentee),
            Viewer.Mentor => await _app.Accounts.AddAsync("Orla Fenwick", _harbour.Id, ProgrammeRole.Mentor),
            Viewer.Coordinator => await AddCoordinatorOfHarbourAsync(),
            Viewer.NetworkAdmin => await _app.Accounts.AddAsync("Ansel Crowe", adminOfNetworkId: _network.Id),
            _ => throw new ArgumentOutOfRangeException(nameof(viewer), viewer, null),
        };
        return person is null ? _app.CreateBrowserClient() : await _app.CreateSignedInClientAsync(person);
    }

    private Task<Person> AddCoordinatorOfHarbourAsync() =>
        _app.Accounts.AddAsync("Wren Halloway", _harbour.Id, ProgrammeRole.Coordinator);

    private int IdOf(Which which) => which switch
    {
        Which.Own => _harbour.Id,
        Which.Sibling => _hilltop.Id,
        Which.OtherNetwork => _riverside.Id,
        Which.Missing => _riverside.Id + 1000,
        _ => throw new ArgumentOutOfRangeException(nameof(which), which, null),
    };

    /// <summary>What the answer means for the viewer; anything unexpected is described as it came.</summary>
    private static async Task<string> OutcomeOfAsync(
        HttpClient client, ProgrammeRoute route, int programmeId, int matchId)
    {
        var path = route.PathFor(programmeId, matchId);
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        var redirect = response.StatusCode == HttpStatusCode.Redirect
            ? new Uri(client.BaseAddress!, response.Headers.Location!)
            : null;

        Outcome? outcome = route.Heading is null
            ? response.StatusCode switch
            {
                HttpStatusCode.OK when response.Content.Headers.ContentType?.MediaType == "application/json"
                    => Allowed,
                HttpStatusCode.Forbidden => Denied,
                HttpStatusCode.Unauthorized => SignIn,
                _ => null,
            }
            : (response.StatusCode, redirect?.AbsolutePath) switch
            {
                (HttpStatusCode.OK, _) when HeadingOf(body)?.StartsWith(route.Heading, StringComparison.Ordinal)
                    == true => Allowed,
                (HttpStatusCode.Redirect, AccountPages.AccessDeniedPath) => Denied,
                (HttpStatusCode.Redirect, AccountPages.LoginPath)
                    when HttpUtility.ParseQueryString(redirect!.Query)["ReturnUrl"] == path => SignIn,
                _ => null,
            };
        return outcome?.ToString() ?? $"unexpected {(int)response.StatusCode} {redirect}";
    }

    private static string? HeadingOf(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelector("h1")?.TextContent.Trim();

    private async Task AddMatchWithPostAsync(
        Programme programme, string mentorName, string menteeName, string text)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var mentor = await _app.Data.AddPersonAsync(mentorName, programme.Id, ProgrammeRole.Mentor);
        var mentee = await _app.Data.AddPersonAsync(menteeName, programme.Id, ProgrammeRole.Mentee);
        var match = await _app.Data.AddMatchAsync(programme.Id, mentor, mentee, today.AddDays(-90));
        await _app.Data.AddPostAsync(match, today.AddDays(-30), text: text);
    }

    /// <summary>The programme's own match; for a missing programme, one that exists elsewhere.</summary>
    private int MatchIdOf(int programmeId) => _matchOf.GetValueOrDefault(programmeId, _matchOf[_harbour.Id]);

    /// <param name="Template">The path, with the programme id as {0} and a match id as {1}.</param>
    /// <param name="Heading">How a page's h1 starts; null for an API.</param>
    /// <param name="ShowsFeed">Shows the programme's posts and people as soon as it is served.</param>
    private sealed record ProgrammeRoute(string Name, string Template, string? Heading, bool ShowsFeed = true)
    {
        public string PathFor(int programmeId, int matchId) =>
            string.Format(CultureInfo.InvariantCulture, Template, programmeId, matchId);
    }
}
