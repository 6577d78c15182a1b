using System.Security.Cryptography;
using MentorDashboard.Features.Accounts.External;

namespace MentorDashboard.Features.Security;

/// <summary>
/// The headers every response carries: a Content Security Policy, and the headers that stop sniffing, framing,
/// leaking the address to other sites and using device features.
/// </summary>
/// <remarks>
/// Scripts come from our own origin only. The one inline script is Blazor's import map, which gets a fresh nonce
/// per request (App.razor passes it on). Styles allow inline: MudBlazor sets style attributes on its components
/// and apexcharts on its SVG, and neither can carry a nonce. Forms may post to our origin and to the configured
/// OpenID Connect authorities, whose sign-in pages a form's redirect reaches.
/// </remarks>
public sealed class SecurityHeaders
{
    private const string NonceKey = "csp-nonce";

    private readonly string _policyBeforeNonce;
    private readonly string _policyAfterNonce;

    private SecurityHeaders(IReadOnlyList<string> formOrigins)
    {
        _policyBeforeNonce = "default-src 'self'; script-src 'self' 'nonce-";
        _policyAfterNonce = "'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'; "
            + string.Join(' ', ["form-action 'self'", .. formOrigins]);
    }

    /// <summary>
    /// The policy with the origins of the configured OpenID Connect authorities, which their options validated
    /// on start (absolute https, or http on this machine).
    /// </summary>
    public static SecurityHeaders For(ExternalSignInOptions providers) =>
        new(providers.Providers
            .Select(p => new Uri(p.Authority).GetLeftPart(UriPartial.Authority))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList());

    /// <summary>The nonce of this request's inline scripts, for Blazor's import map.</summary>
    public static string? NonceOf(HttpContext? context) => context?.Items[NonceKey] as string;

    /// <summary>The policy for one response, allowing the scripts that carry its nonce.</summary>
    public string PolicyWith(string nonce) => _policyBeforeNonce + nonce + _policyAfterNonce;

    internal void Apply(HttpContext context)
    {
        // A re-executed request (error page, status code page) passes here again and keeps its first nonce.
        if (NonceOf(context) is not null)
        {
            return;
        }

        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;

        // Set when the response starts: the exception handler and the status code pages clear headers set
        // earlier when they re-execute.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = PolicyWith(nonce);
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] =
                "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
            return Task.CompletedTask;
        });
    }
}
