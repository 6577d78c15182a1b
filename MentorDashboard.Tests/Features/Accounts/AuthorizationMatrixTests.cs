using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using MentorDashboard.Data;
using MentorDashboard.Features.Demo;
using MentorDashboard.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.EntityFrameworkCore;
using static MentorDashboard.Tests.Features.Accounts.AuthorizationMatrixTests.Audience;

namespace MentorDashboard.Tests.Features.Accounts;

/// <summary>
/// Every page and endpoint the app serves, asked over HTTP by every kind of viewer, for a programme of the viewer's
/// network and one of another network. The routes are found, not listed: a new page or endpoint fails
/// <see cref="Every_route_has_a_row_in_the_matrix"/> until it has a row in <see cref="Matrix"/>.
/// </summary>
public sealed partial class AuthorizationMatrixTests(AuthorizationMatrixTests.World world)
    : IClassFixture<AuthorizationMatrixTests.World>
{
    /// <summary>
    /// Who may open each route: one row per route. Pages by their <c>@page</c> template, endpoints by method and
    /// pattern. Route values: the programme asked for, its match, a questionnaire of its network.
    /// </summary>
    private static readonly Dictionary<string, Row> Matrix = new()
    {
        ["/"] = new(SignedIn),
        ["/account/access-denied"] = new(Anyone),
        ["/account/confirm-email"] = new(Anyone),
        ["/account/external/refused"] = new(Anyone),
        ["/account/forgot-password"] = new(Anyone),
        ["/account/login"] = new(Anyone),
        ["/account/login-2fa"] = new(Anyone),
        ["/account/reminders"] = new(SignedIn),
        ["/account/resend-confirmation"] = new(Anyone),
        ["/account/reset-password"] = new(Anyone),
        ["/account/security"] = new(SignedIn),
        ["/admin/audit"] = new(AnyNetworkAdmin),
        ["/admin/framework"] = new(AnyNetworkAdmin),
        ["/admin/questionnaires"] = new(AnyNetworkAdmin),
        ["/admin/questionnaires/{QuestionnaireId:int}"] = new(NetworkAdmins),
        ["/error"] = new(Anyone),
        ["/invitations/accept"] = new(Anyone),
        // Both programmes' newsrooms are private, so their public address answers 404 to everyone alike.
        ["/news/{ProgrammeId:int}"] = new(Anyone, HttpStatusCode.NotFound),
        ["/news/{ProgrammeId:int}/posts/{PostId:long}/report"] = new(Anyone, HttpStatusCode.NotFound),
        ["/not-found"] = new(Anyone),
        ["/programmes/{ProgrammeId:int}/adaptation"] = new(NetworkAdmins),
        ["/programmes/{ProgrammeId:int}/closure-reasons"] = new(NetworkAdmins),
        ["/programmes/{ProgrammeId:int}/dashboard"] = new(Coordinators),
        ["/programmes/{ProgrammeId:int}/dashboard/cards"] = new(NetworkAdmins),
        ["/programmes/{ProgrammeId:int}/health-rules"] = new(NetworkAdmins),
        ["/programmes/{ProgrammeId:int}/import"] = new(Coordinators),
        ["/programmes/{ProgrammeId:int}/matches"] = new(Coordinators),
        ["/programmes/{ProgrammeId:int}/matches/{MatchId:int}"] = new(Coordinators),
        ["/programmes/{ProgrammeId:int}/moderation"] = new(Coordinators),
        ["/programmes/{ProgrammeId:int}/newsroom"] = new(Members),
        ["/programmes/{ProgrammeId:int}/newsroom/settings"] = new(Coordinators),
        ["/programmes/{ProgrammeId:int}/people"] = new(Coordinators),
        ["/programmes/{ProgrammeId:int}/questionnaires/{QuestionnaireId:int}/matches/{MatchId:int}"] = new(Pair),
        ["* /api/{**rest}"] = new(Anyone, AllowedStatus: HttpStatusCode.NotFound),
        // An unknown provider is not found; the callback without a provider's answer goes to the refusal page.
        ["GET /account/external/{scheme}"] = new(Anyone, HttpStatusCode.NotFound),
        ["GET /account/external/callback"] = new(Anyone, AllowedRedirect: "/account/external/refused"),
        ["GET /api/framework/export"] = new(AnyNetworkAdmin),
        ["GET /api/programmes/{programmeId:int}/dashboard"] = new(Coordinators),
        ["GET /api/programmes/{programmeId:int}/exports/{table}.{format}"] = new(Coordinators),
        ["GET /api/programmes/{programmeId:int}/posts"] = new(Members),
        // Without the form's antiforgery token: signed-out visitors go home, signed-in ones get 400, not signed out.
        ["POST /account/logout"] = new(Anyone, HttpStatusCode.BadRequest, AllowedRedirect: "/"),
    };

    /// <summary>The posts export filtered to one match, an id in the query rather than the route.</summary>
    private const string PostsExportTemplate = "/api/programmes/{programmeId}/exports/posts.csv?match={matchId}";

    public enum Viewer
    {
        Anonymous,
        Mentee,
        Mentor,
        Coordinator,
        NetworkAdmin,

        /// <summary>The admin of the other network, the one the other programme belongs to.</summary>
        OtherNetworkAdmin,

        /// <summary>A researcher of the viewers' network (<c>Person.ResearcherOfNetworkId</c>).</summary>
        Researcher,
    }

    /// <summary>The programme in the route.</summary>
    public enum Which
    {
        /// <summary>Harbour Mentors, where the mentee, mentor and coordinator have their roles.</summary>
        Own,

        /// <summary>Riverside Mentors, of another network.</summary>
        Other,
    }

    public enum Audience
    {
        /// <summary>Everyone, signed in or not.</summary>
        Anyone,

        /// <summary>Anyone signed in.</summary>
        SignedIn,

        /// <summary>Mentees, mentors and coordinators of the programme, and the admin of its network.</summary>
        Members,

        /// <summary>Coordinators of the programme and the admin of its network.</summary>
        Coordinators,

        /// <summary>The admin of the network the programme (or questionnaire) belongs to.</summary>
        NetworkAdmins,

        /// <summary>The admin of any network, for pages that show the admin's own network.</summary>
        AnyNetworkAdmin,

        /// <summary>The match's own mentor and mentee.</summary>
        Pair,
    }

    public enum Outcome
    {
        Allowed,

        /// <summary>A page redirects to the access-denied page; an API answers 403.</summary>
        Denied,

        /// <summary>A page redirects to the sign-in page; an API answers 401.</summary>
        SignIn,
    }

    [Fact]
    public void Every_page_says_who_may_open_it()
    {
        var unmarked = RoutablePages()
            .Where(page => page.Type.GetCustomAttributes(inherit: true)
                .All(a => a is not IAuthorizeData and not IAllowAnonymous))
            .Select(page => $"{page.Type.Name} ({page.Template})")
            .ToList();

        Assert.True(unmarked.Count == 0,
            "Add @attribute [Authorize(Policy = ProgrammePolicies....)], [Authorize] or [AllowAnonymous] to: "
            + string.Join(", ", unmarked));
    }

    [Fact]
    public void Every_route_has_a_row_in_the_matrix()
    {
        var routes = RoutesOf(world.App).Select(r => r.Key).ToHashSet();

        var missing = routes.Where(r => !Matrix.ContainsKey(r)).Order().ToList();
        var stale = Matrix.Keys.Where(r => !routes.Contains(r)).Order().ToList();

        Assert.True(missing.Count == 0, "Add a row to AuthorizationMatrixTests.Matrix for each of: "
            + string.Join(", ", missing.Select(r => $"[\"{r}\"] = new(<audience>)")));
        Assert.True(stale.Count == 0, "Remove the matrix rows of routes the app no longer serves: "
            + string.Join(", ", stale));
    }

    [Theory]
    [InlineData(Viewer.Anonymous)]
    [InlineData(Viewer.Mentee)]
    [InlineData(Viewer.Mentor)]
    [InlineData(Viewer.Coordinator)]
    [InlineData(Viewer.NetworkAdmin)]
    [InlineData(Viewer.OtherNetworkAdmin)]
    [InlineData(Viewer.Researcher)]
    public async Task Viewer_reaches_exactly_what_the_matrix_allows(Viewer viewer)
    {
        var client = await world.ClientOfAsync(viewer);
        var wrong = new List<string>();

        foreach (var route in RoutesOf(world.App).Where(r => Matrix.ContainsKey(r.Key)))
        {
            var row = Matrix[route.Key];
            foreach (var which in Enum.GetValues<Which>())
            {
                var expected = Expected(row.Audience, viewer, which);
                var actual = await OutcomeOfAsync(client, route, world.PathOf(route.Template, which), row);
                if (actual != expected.ToString())
                {
                    wrong.Add($"{route.Key} ({which} programme): expected {expected}, got {actual}");
                }
            }
        }

        Assert.True(wrong.Count == 0, $"{viewer}:\n" + string.Join("\n", wrong));
    }

    [Theory]
    [InlineData(Viewer.Mentee)]
    [InlineData(Viewer.Mentor)]
    [InlineData(Viewer.Coordinator)]
    [InlineData(Viewer.NetworkAdmin)]
    public async Task Ids_of_another_programme_show_nothing_of_it_through_ones_own(Viewer viewer)
    {
        var client = await world.ClientOfAsync(viewer);
        var leaks = new List<string>();
        var paths = RoutesOf(world.App)
            .Where(r => r.Template.Contains("MatchId", StringComparison.Ordinal)
                || r.Template.Contains("QuestionnaireId", StringComparison.Ordinal))
            .Select(r => world.PathOf(r.Template, Which.Own, idsOf: Which.Other))
            .Append(world.PathOf(PostsExportTemplate, Which.Own, idsOf: Which.Other));

        foreach (var path in paths)
        {
            using var response = await client.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            if (World.OtherProgrammesSecrets.FirstOrDefault(secret => body.Contains(secret, StringComparison.Ordinal))
                is { } leaked)
            {
                leaks.Add($"{path} answered {(int)response.StatusCode} showing \"{leaked}\"");
            }
        }

        Assert.True(leaks.Count == 0, $"{viewer}:\n" + string.Join("\n", leaks));
    }

    [Fact]
    public async Task Other_programmes_secrets_are_there_for_its_own_admin_to_see()
    {
        // The check above looks for these words; here they are, where they belong, so the check can fail.
        var client = await world.ClientOfAsync(Viewer.OtherNetworkAdmin);

        var matchPage = await client.GetStringAsync(
            world.PathOf("/programmes/{ProgrammeId}/matches/{MatchId}", Which.Other));
        var export = await client.GetStringAsync(world.PathOf(PostsExportTemplate, Which.Other));

        Assert.Contains(World.OtherProgrammesSecrets[0], matchPage, StringComparison.Ordinal);
        Assert.Contains(World.OtherProgrammesSecrets[2], export, StringComparison.Ordinal);
    }

    /// <summary>What the viewer should get from a route open to the audience.</summary>
    private static Outcome Expected(Audience audience, Viewer viewer, Which which)
    {
        if (viewer == Viewer.Anonymous)
        {
            return audience == Anyone ? Outcome.Allowed : Outcome.SignIn;
        }

        // The other network's admin is to Riverside what the network admin is to Harbour.
        var adminOfIt = which == Which.Own ? Viewer.NetworkAdmin : Viewer.OtherNetworkAdmin;
        var allowed = audience switch
        {
            Anyone or SignedIn => true,
            AnyNetworkAdmin => viewer is Viewer.NetworkAdmin or Viewer.OtherNetworkAdmin,
            NetworkAdmins => viewer == adminOfIt,
            Coordinators => viewer == adminOfIt || (which == Which.Own && viewer == Viewer.Coordinator),
            Members => viewer == adminOfIt
                || (which == Which.Own && viewer is Viewer.Mentee or Viewer.Mentor or Viewer.Coordinator),
            Pair => which == Which.Own && viewer is Viewer.Mentee or Viewer.Mentor,
            _ => throw new ArgumentOutOfRangeException(nameof(audience), audience, null),
        };
        return allowed ? Outcome.Allowed : Outcome.Denied;
    }

    /// <summary>The outcome's name, or what came instead, described for the failure message.</summary>
    private static async Task<string> OutcomeOfAsync(HttpClient client, Route route, string path, Row row)
    {
        var method = new HttpMethod(route.Method == "*" ? "GET" : route.Method);
        using var request = new HttpRequestMessage(method, path);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var isApi = path.StartsWith("/api/", StringComparison.Ordinal);
        var location = response.Headers.Location is { } target ? new Uri(client.BaseAddress!, target) : null;
        var isProblem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";

        // A page that renders the no-access notice with 200 refuses as surely as a redirect, but says so less
        // clearly to scripts; it counts as unexpected, except on the access-denied page itself.
        var showsNoAccess = body.Contains("id=\"no-access\"", StringComparison.Ordinal)
            && path != AccountPages.AccessDeniedPath;
        Outcome? outcome = (response.StatusCode, location?.AbsolutePath) switch
        {
            (HttpStatusCode.Unauthorized, _) when isApi && isProblem => Outcome.SignIn,
            (HttpStatusCode.Forbidden, _) when isApi && isProblem => Outcome.Denied,
            (HttpStatusCode.Redirect, AccountPages.LoginPath) when !isApi => Outcome.SignIn,
            (HttpStatusCode.Redirect, AccountPages.AccessDeniedPath) when !isApi => Outcome.Denied,
            (HttpStatusCode.Redirect, var to) when to == row.AllowedRedirect => Outcome.Allowed,
            var (status, _) when status == row.AllowedStatus && !showsNoAccess => Outcome.Allowed,
            (HttpStatusCode.OK, _) when !showsNoAccess => Outcome.Allowed,
            _ => null,
        };
        return outcome?.ToString() ?? $"{(int)response.StatusCode} {location}".TrimEnd();
    }

    /// <summary>Every page and endpoint the running app serves, except Blazor's own and the static files.</summary>
    private static IEnumerable<Route> RoutesOf(AppFactory app)
    {
        var pages = RoutablePages().Select(page => new Route(page.Template, "GET", page.Template));
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is null)
            .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
            // Blazor's own hub and scripts, and the development server's fallback for files not yet in the
            // static assets manifest ({**path:file}): public by design, like the static files themselves.
            .Where(e => e.RoutePattern.RawText is { } text
                && !text.StartsWith("/_blazor", StringComparison.Ordinal)
                && !text.StartsWith("/_framework", StringComparison.Ordinal)
                && !text.EndsWith(":file}", StringComparison.Ordinal))
            .Select(e => (Method: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods[0] ?? "*",
                Template: e.RoutePattern.RawText!))
            .Distinct()
            .Select(e => new Route($"{e.Method} {e.Template}", e.Method, e.Template));
        return pages.Concat(endpoints).DistinctBy(r => r.Key).OrderBy(r => r.Key, StringComparer.Ordinal);
    }

    private static IEnumerable<(Type Type, string Template)> RoutablePages() =>
        typeof(Program).Assembly.GetTypes()
            .Where(type => typeof(IComponent).IsAssignableFrom(type))
            .SelectMany(type => type.GetCustomAttributes<RouteAttribute>().Select(route => (type, route.Template)));

    /// <param name="AllowedStatus">What an allowed viewer may get besides 200, for a route that needs more than a
    /// plain request.</param>
    /// <param name="AllowedRedirect">Where an allowed viewer may be sent, for such a route.</param>
    private sealed record Row(
        Audience Audience, HttpStatusCode AllowedStatus = HttpStatusCode.OK, string? AllowedRedirect = null);

    private sealed record Route(string Key, string Method, string Template);

    /// <summary>
    /// The seeded world, one app for the whole class: two networks with a programme each, a match in each, a
    /// questionnaire for each network, and one signed-in client per viewer.
    /// </summary>
    public sealed partial class World : IAsyncLifetime
    {
        private readonly Dictionary<Viewer, HttpClient> _clients = [];
        private readonly Dictionary<Viewer, Person> _people = [];
        private readonly Dictionary<Which, (int Programme, int Match, int Questionnaire)> _ids = [];

        public AppFactory App { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            App = await AppFactory.CreateAsync();
            var coastal = await App.Data.AddNetworkAsync("Coastal Network");
            var inland = await App.Data.AddNetworkAsync("Inland Network");
            var harbour = await App.Data.AddProgrammeAsync(coastal.Id, "Harbour Mentors");
            var riverside = await App.Data.AddProgrammeAsync(inland.Id, "Riverside Mentors");
            var accounts = App.Accounts;
            _people[Viewer.Mentee] = await accounts.AddAsync("Tam Brightwater", harbour.Id, ProgrammeRole.Mentee);
            _people[Viewer.Mentor] = await accounts.AddAsync("Orla Fenwick", harbour.Id, ProgrammeRole.Mentor);
            _people[Viewer.Coordinator] =
                await accounts.AddAsync("Wren Halloway", harbour.Id, ProgrammeRole.Coordinator);
            _people[Viewer.NetworkAdmin] = await accounts.AddAsync("Ansel Crowe", adminOfNetworkId: coastal.Id);
            _people[Viewer.OtherNetworkAdmin] = await accounts.AddAsync("Maren Holt", adminOfNetworkId: inland.Id);
            _people[Viewer.Researcher] = await accounts.AddAsync("Ines Marlow");
            await using (var db = await App.Database.OpenAsync())
            {
                await db.Users.Where(p => p.Id == _people[Viewer.Researcher].Id)
                    .ExecuteUpdateAsync(set => set.SetProperty(p => p.ResearcherOfNetworkId, coastal.Id));
            }

            var started = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-60);
            var harbourMatch = await App.Data.AddMatchAsync(
                harbour.Id, _people[Viewer.Mentor], _people[Viewer.Mentee], started);
            var riverMentor = await App.Data.AddPersonAsync("Idris Quell", riverside.Id, ProgrammeRole.Mentor);
            var riverMentee = await App.Data.AddPersonAsync("Juno Marsh", riverside.Id, ProgrammeRole.Mentee);
            var riverMatch = await App.Data.AddMatchAsync(riverside.Id, riverMentor, riverMentee, started);
            await App.Data.AddPostAsync(riverMatch, started.AddDays(7), text: "Skimmed stones at the weir.");
            _ids[Which.Own] = (harbour.Id, harbourMatch.Id, await AddQuestionnaireAsync(coastal.Id));
            _ids[Which.Other] = (riverside.Id, riverMatch.Id, await AddQuestionnaireAsync(inland.Id));
        }

        public async ValueTask DisposeAsync() => await App.DisposeAsync();

        /// <summary>The viewer's client, signed in once and kept for the class.</summary>
        public async Task<HttpClient> ClientOfAsync(Viewer viewer)
        {
            if (!_clients.TryGetValue(viewer, out var client))
            {
                client = viewer == Viewer.Anonymous
                    ? App.CreateBrowserClient()
                    : await App.CreateSignedInClientAsync(_people[viewer]);
                _clients[viewer] = client;
            }

            return client;
        }

        /// <summary>What the other programme's match has that no one outside it may see.</summary>
        public static readonly string[] OtherProgrammesSecrets = ["Idris Quell", "Juno Marsh", "Skimmed stones"];

        public int MatchOf(Which which) => _ids[which].Match;

        /// <summary>
        /// The route with its values filled in for the programme, and its match and questionnaire from
        /// <paramref name="idsOf"/> (the same programme unless given); fails on a value it cannot fill.
        /// </summary>
        public string PathOf(string template, Which which, Which? idsOf = null)
        {
            var programme = _ids[which].Programme;
            var (_, match, questionnaire) = _ids[idsOf ?? which];
            return RouteValue().Replace(template, value => value.Groups["name"].Value.ToLowerInvariant() switch
            {
                "programmeid" => programme.ToString(CultureInfo.InvariantCulture),
                "matchid" => match.ToString(CultureInfo.InvariantCulture),
                "questionnaireid" => questionnaire.ToString(CultureInfo.InvariantCulture),
                "postid" => "1",
                "scheme" => "no-such-provider",
                "table" => "matches",
                "format" => "csv",
                "rest" => "nothing-here",
                var name => throw new InvalidOperationException(
                    $"AuthorizationMatrixTests.World.PathOf has no value for {{{name}}} in {template}; add one."),
            });
        }

        private async Task<int> AddQuestionnaireAsync(int networkId)
        {
            var questionnaire = DemoQuestionnaires.Youth();
            questionnaire.NetworkId = networkId;
            questionnaire.Respondent = MentorDashboard.Features.Questionnaires.QuestionnaireRespondent.Both;
            await using var db = await App.Database.OpenAsync();
            db.Add(questionnaire);
            await db.SaveChangesAsync();
            return questionnaire.Id;
        }

        [GeneratedRegex(@"\{\**(?<name>[A-Za-z]+)(:[^}]*)?\??\}")]
        private static partial Regex RouteValue();
    }
}
