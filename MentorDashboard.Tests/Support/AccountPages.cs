using System.Net;
using AngleSharp.Html.Parser;
using MentorDashboard.Data;

namespace MentorDashboard.Tests.Support;

/// <summary>
/// Drives the app's sign-in and sign-out forms over HTTP as a browser without script would: read the page,
/// take the antiforgery token from its form, post the fields the form would post.
/// </summary>
public static class AccountPages
{
    public const string LoginPath = "/account/login";

    public const string AccessDeniedPath = "/account/access-denied";

    public const string TwoFactorPath = "/account/login-2fa";

    public const string AuthCookieName = "MentorDashboard.Auth";

    private const string TokenField = "__RequestVerificationToken";

    // Resolves the app's redirects, which may be absolute or relative, to their path.
    private static readonly Uri AnyBase = new("http://app.test/");

    /// <summary>Opens the sign-in page and submits its form; returns the answer to the submit.</summary>
    public static async Task<HttpResponseMessage> SubmitLoginAsync(
        this HttpClient client, string email, string password, string? returnUrl = null)
    {
        var path = returnUrl is null ? LoginPath : $"{LoginPath}?returnUrl={Uri.EscapeDataString(returnUrl)}";
        return await client.SubmitFormAsync(
            path, "login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
    }

    /// <summary>
    /// Signs the client in as the person with the test password, and with a code from
    /// <see cref="TestAccounts.AuthenticatorKey"/> when the app asks for a second factor; throws when a form refuses.
    /// </summary>
    public static async Task SignInAsync(this HttpClient client, Person person)
    {
        var response = await client.SubmitLoginAsync(person.Email!, TestAccounts.Password);
        if (IsTwoFactorStep(response))
        {
            var step = new Uri(AnyBase, response.Headers.Location!).PathAndQuery;
            response.Dispose();
            response = await client.SubmitTwoFactorCodeAsync(
                step, Totp.UnusedCode(TestAccounts.AuthenticatorKey, person.Id));
        }

        using (response)
        {
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                var error = LoginErrorIn(await response.Content.ReadAsStringAsync());
                throw new InvalidOperationException(
                    $"Signing in as {person.Email} answered {response.StatusCode} instead of a redirect: {error}");
            }
        }
    }

    /// <summary>True when the answer to the password step sends the client on to the two-factor step.</summary>
    public static bool IsTwoFactorStep(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect
        && response.Headers.Location is { } location
        && new Uri(AnyBase, location).AbsolutePath == TwoFactorPath;

    /// <summary>Opens the two-factor page the password step led to and submits a code or a recovery code.</summary>
    public static async Task<HttpResponseMessage> SubmitTwoFactorCodeAsync(
        this HttpClient client, string twoFactorUrl, string code) =>
        await client.SubmitFormAsync(twoFactorUrl, "login-2fa", new() { ["Input.Code"] = code });

    /// <summary>
    /// Opens a page, takes the antiforgery token of its form and posts the fields to the same address, as a
    /// browser would; returns the answer to the post.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(
        this HttpClient client, string url, string formName, Dictionary<string, string> fields)
    {
        var token = TokenOfForm(await client.GetStringAsync(url), "form");
        fields["_handler"] = formName;
        fields[TokenField] = token;
        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(url, form);
    }

    /// <summary>Submits the sign-out form of the main layout, as rendered on the home page.</summary>
    public static async Task<HttpResponseMessage> SignOutAsync(this HttpClient client)
    {
        var token = TokenOfForm(await client.GetStringAsync("/"), "form[action='account/logout']");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { [TokenField] = token });
        return await client.PostAsync("/account/logout", form);
    }

    /// <summary>The error the sign-in page shows, or null when it shows none.</summary>
    public static string? LoginErrorIn(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelector("#login-error")?.TextContent.Trim();

    public static bool SetsAuthCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
        && cookies.Any(c => c.StartsWith(AuthCookieName + "=", StringComparison.Ordinal));

    /// <summary>The antiforgery token of the first form matching the selector; throws when there is none.</summary>
    public static string TokenOfForm(string html, string formSelector)
    {
        var form = new HtmlParser().ParseDocument(html).QuerySelector(formSelector)
            ?? throw new InvalidOperationException($"The page has no form matching {formSelector}.");
        return form.QuerySelector($"input[name='{TokenField}']")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"The form {formSelector} has no antiforgery token.");
    }
}
