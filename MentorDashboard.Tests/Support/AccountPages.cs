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

    public const string AuthCookieName = "MentorDashboard.Auth";

    private const string TokenField = "__RequestVerificationToken";

    /// <summary>Opens the sign-in page and submits its form; returns the answer to the submit.</summary>
    public static async Task<HttpResponseMessage> SubmitLoginAsync(
        this HttpClient client, string email, string password, string? returnUrl = null)
    {
        var path = returnUrl is null ? LoginPath : $"{LoginPath}?returnUrl={Uri.EscapeDataString(returnUrl)}";
        var token = TokenOfForm(await client.GetStringAsync(path), "form");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            [TokenField] = token,
        });
        return await client.PostAsync(path, form);
    }

    /// <summary>Signs the client in as the person with the test password; throws when the form refuses.</summary>
    public static async Task SignInAsync(this HttpClient client, Person person)
    {
        using var response = await client.SubmitLoginAsync(person.Email!, TestAccounts.Password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var error = LoginErrorIn(await response.Content.ReadAsStringAsync());
            throw new InvalidOperationException(
                $"Signing in as {person.Email} answered {response.StatusCode} instead of a redirect: {error}");
        }
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
