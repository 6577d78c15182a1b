using System.Net;
using MentorDashboard.Data;
using MentorDashboard.Features.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace MentorDashboard.Tests.Support;

/// <summary>
/// The whole app, hosted in the test over its own migrated SQLite file, without demo data unless asked for.
/// Create one per test (in <c>InitializeAsync</c>, or with <c>await using</c>); disposing it stops the server and
/// deletes the file.
/// </summary>
/// <remarks>
/// Program.cs migrates before <c>RunAsync</c>; the factory waits until the app has started, so no request arrives
/// before the database is ready. Settings go in through <c>UseSetting</c>, which reaches the app as command-line
/// arguments: Program.cs reads the connection string before the host is built, when settings added through
/// <c>ConfigureAppConfiguration</c> would not be there yet.
/// </remarks>
public sealed class AppFactory : WebApplicationFactory<Program>
{
    private readonly string _environment;
    private readonly bool _seedDemo;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly TimeProvider? _time;
    private readonly List<HttpClient> _kestrelClients = [];
    private Uri? _kestrelAddress;

    private AppFactory(
        TestDatabase database,
        string environment,
        bool seedDemo,
        IReadOnlyDictionary<string, string?>? settings,
        TimeProvider? time)
    {
        _seedDemo = seedDemo;
        _settings = settings ?? new Dictionary<string, string?>();
        _time = time;
        Database = database;
        Data = new TestData(database);
        Accounts = new TestAccounts(this);
        _environment = environment;
    }

    /// <summary>The database the app runs on; tests may read and write it directly.</summary>
    public TestDatabase Database { get; }

    public TestData Data { get; }

    public TestAccounts Accounts { get; }

    /// <summary>
    /// Settings over the app's own (a short revalidation interval, an SMTP server); set them before anything
    /// starts the server.
    /// </summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <param name="environment">The app's environment; Development unless a test needs another.</param>
    /// <param name="seedDemo">Start as the README's run command does, loading the demo network.</param>
    /// <param name="settings">More settings by key, such as <c>Smtp:Host</c>.</param>
    /// <param name="time">The app's clock, in place of the system's (cookies and sessions use it too).</param>
    public static async Task<AppFactory> CreateAsync(
        string environment = "Development",
        bool seedDemo = false,
        IReadOnlyDictionary<string, string?>? settings = null,
        TimeProvider? time = null) =>
        new(await TestDatabase.CreateAsync(), environment, seedDemo, settings, time);

    /// <summary>
    /// Serves the app over Kestrel on a free port of 127.0.0.1, for a real browser, and returns its address.
    /// Call it before anything else starts the server.
    /// </summary>
    public Uri StartKestrelServer()
    {
        UseKestrel(port: 0);
        StartServer();
        _kestrelAddress = ClientOptions.BaseAddress;
        return _kestrelAddress;
    }

    /// <summary>
    /// A client that behaves like a browser without script: it keeps cookies and hands redirects to the test
    /// instead of following them.
    /// </summary>
    public HttpClient CreateBrowserClient()
    {
        StartServer();
        if (_kestrelAddress is null)
        {
            return CreateClient(new WebApplicationFactoryClientOptions
            {
                AllowAutoRedirect = false,
                HandleCookies = true,
            });
        }

        // Over Kestrel the factory's clients end in a default HttpClientHandler, which follows redirects and
        // keeps cookies by itself whatever the options say; a handler of our own does what the test asks.
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = new CookieContainer(),
        };
        var client = new HttpClient(handler) { BaseAddress = _kestrelAddress };
        _kestrelClients.Add(client);
        return client;
    }

    /// <summary>A browser client signed in as the person through the real sign-in form.</summary>
    public async Task<HttpClient> CreateSignedInClientAsync(Person person)
    {
        var client = CreateBrowserClient();
        await client.SignInAsync(person);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var client in _kestrelClients)
        {
            client.Dispose();
        }

        await base.DisposeAsync();
        await Database.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.UseSetting(DatabaseExtensions.ConnectionStringKey, Database.ConnectionString);
        builder.UseSetting($"{DemoOptions.Section}:{nameof(DemoOptions.Seed)}", _seedDemo ? "true" : "false");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_time is { } time)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(time));
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
