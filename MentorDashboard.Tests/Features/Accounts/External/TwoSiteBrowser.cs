using System.Net;
using AngleSharp.Html.Parser;

namespace MentorDashboard.Tests.Features.Accounts.External;

/// <summary>One page as the browser ended up on it.</summary>
public sealed record BrowsedPage(Uri Url, HttpStatusCode Status, string Html, Uri? Location = null);

/// <summary>
/// A browser without script that visits two sites, the app (in memory) and the provider (on loopback), each with
/// its own cookies: it follows redirects between them and submits forms as a person would. A redirect to any
/// other address ends the walk there, with the address in <see cref="BrowsedPage.Location"/>.
/// </summary>
public sealed class TwoSiteBrowser(HttpClient app, Uri provider) : IDisposable
{
    private readonly HttpClient _provider = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        CookieContainer = new CookieContainer(),
    });

    public HttpClient App { get; } = app;

    /// <summary>Direct requests to the provider, as another application's server would make them.</summary>
    public HttpClient Provider => _provider;

    public Task<BrowsedPage> GetAsync(Uri url) => WalkAsync(new HttpRequestMessage(HttpMethod.Get, url));

    /// <summary>Submits the page's first form with its own fields, changed or added to by <paramref name="fields"/>.
    /// </summary>
    public Task<BrowsedPage> SubmitAsync(BrowsedPage page, IReadOnlyDictionary<string, string>? fields = null)
    {
        var form = new HtmlParser().ParseDocument(page.Html).QuerySelector("form")
            ?? throw new InvalidOperationException($"{page.Url} has no form: {page.Html}");
        var values = form.QuerySelectorAll("input[name]")
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        foreach (var (name, value) in fields ?? new Dictionary<string, string>())
        {
            values[name] = value;
        }

        var action = new Uri(page.Url, form.GetAttribute("action") ?? page.Url.ToString());
        var content = new FormUrlEncodedContent(values);
        return WalkAsync(new HttpRequestMessage(HttpMethod.Post, action) { Content = content });
    }

    public void Dispose() => _provider.Dispose();

    private async Task<BrowsedPage> WalkAsync(HttpRequestMessage request)
    {
        for (var hops = 0; hops < 20; hops++)
        {
            var url = request.RequestUri!;
            using var response = await ClientFor(url).SendAsync(request);
            request.Dispose();
            var html = await response.Content.ReadAsStringAsync();
            if (response.Headers.Location is not { } location)
            {
                return new BrowsedPage(url, response.StatusCode, html);
            }

            var next = new Uri(url, location);
            if (!IsApp(next) && !IsProvider(next))
            {
                return new BrowsedPage(url, response.StatusCode, html, next);
            }

            request = new HttpRequestMessage(HttpMethod.Get, next);
        }

        throw new InvalidOperationException("More than 20 redirects.");
    }

    private HttpClient ClientFor(Uri url) => IsApp(url) ? App : _provider;

    private bool IsApp(Uri url) => Uri.Compare(
        url, App.BaseAddress, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.Ordinal) == 0;

    private bool IsProvider(Uri url) => Uri.Compare(
        url, provider, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.Ordinal) == 0;
}
