using MentorDashboard.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace MentorDashboard.Features.Accounts.External;

/// <summary>Sign-in through each network's own OpenID Connect provider, one authentication scheme each.</summary>
public static class ExternalSignInExtensions
{
    public const string CallbackPath = "/account/external/callback";

    public const string RefusedPath = "/account/external/refused";

    /// <summary>The claim the provider's userinfo answer sets when it has checked the e-mail address.</summary>
    public const string EmailVerifiedClaim = "email_verified";

    /// <summary>
    /// Leeway for clock drift between the app and a provider when checking a token's lifetime; small, so that an
    /// expired token is refused soon after its expiry.
    /// </summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddExternalSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(ExternalSignInOptions.Section);
        services.AddOptions<ExternalSignInOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ExternalSignInOptions>, ExternalSignInOptionsValidator>();
        services.AddScoped<ExternalSignInService>();

        // Schemes are fixed when the app starts, so they are read here; a provider the validator refuses is left
        // out, and the validator then stops the start with a message that names the key.
        var providers = (section.Get<ExternalSignInOptions>()?.Providers ?? [])
            .Where(p => ExternalSignInOptionsValidator.IsValidScheme(p.Scheme))
            .DistinctBy(p => p.Scheme, StringComparer.OrdinalIgnoreCase);
        var authentication = services.AddAuthentication();
        foreach (var provider in providers)
        {
            authentication.AddOpenIdConnect(provider.Scheme, provider.DisplayName, o => Configure(o, provider));
            services.AddOptions<OpenIdConnectOptions>(provider.Scheme).Configure<TimeProvider>(UseClock);
        }

        return services;
    }

    public static IEndpointRouteBuilder MapExternalSignIn(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/account/external").AllowAnonymous();
        group.MapGet("/callback", CompleteAsync);
        group.MapGet("/{scheme}", Challenge);
        return endpoints;
    }

    private static Results<NotFound, ChallengeHttpResult> Challenge(
        string scheme, string? returnUrl, IOptions<ExternalSignInOptions> options, SignInManager<Person> signIn)
    {
        if (options.Value.Find(scheme) is null)
        {
            return TypedResults.NotFound();
        }

        var callback = QueryHelpers.AddQueryString(CallbackPath, "returnUrl", SafeReturnUrl(returnUrl));
        var properties = signIn.ConfigureExternalAuthenticationProperties(scheme, callback);
        return TypedResults.Challenge(properties, [scheme]);
    }

    private static async Task<RedirectHttpResult> CompleteAsync(
        string? returnUrl, ExternalSignInService service, CancellationToken cancellationToken)
    {
        var outcome = await service.CompleteAsync(cancellationToken);
        return outcome switch
        {
            ExternalSignInOutcome.SignedIn => TypedResults.LocalRedirect(SafeReturnUrl(returnUrl)),
            ExternalSignInOutcome.TwoFactorRequired => TypedResults.LocalRedirect(
                QueryHelpers.AddQueryString(AccountsExtensions.TwoFactorPath, "returnUrl", SafeReturnUrl(returnUrl))),
            _ => TypedResults.LocalRedirect(RefusedUrl(outcome)),
        };
    }

    private static string SafeReturnUrl(string? returnUrl) => ReturnUrls.IsSafe(returnUrl) ? returnUrl! : "/";

    internal static string RefusedUrl(ExternalSignInOutcome outcome) =>
        QueryHelpers.AddQueryString(RefusedPath, "reason", outcome.ToString());

    private static void Configure(OpenIdConnectOptions options, OpenIdConnectProvider provider)
    {
        options.Authority = provider.Authority;
        options.ClientId = provider.ClientId;
        options.ClientSecret = provider.ClientSecret;
        options.RequireHttpsMetadata = provider.RequireHttpsMetadata;
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.UsePkce = true;
        options.Scope.Clear();
        options.Scope.Add("openid");
        options.Scope.Add("email");
        options.Scope.Add("profile");
        options.CallbackPath = $"/signin-oidc-{provider.Scheme}";
        options.SignedOutCallbackPath = $"/signout-callback-oidc-{provider.Scheme}";
        options.RemoteSignOutPath = $"/signout-oidc-{provider.Scheme}";
        options.SignInScheme = IdentityConstants.ExternalScheme;
        options.SaveTokens = false;

        // Many providers put the e-mail only in the userinfo answer once an access token is issued.
        options.GetClaimsFromUserInfoEndpoint = true;
        options.ClaimActions.MapJsonKey(EmailVerifiedClaim, EmailVerifiedClaim);
        options.TokenValidationParameters.ClockSkew = ClockSkew;
        if (!provider.RequireHttpsMetadata)
        {
            // A provider on loopback serves a test or a developer's machine over http, where cookies marked
            // Secure never come back and browsers drop SameSite=None without Secure. Provider and app are then
            // the same site, so Lax cookies still travel with the provider's answer. A real deployment keeps
            // the defaults.
            options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.CorrelationCookie.SameSite = SameSiteMode.Lax;
            options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.NonceCookie.SameSite = SameSiteMode.Lax;
        }

        options.Events.OnRemoteFailure = ExternalSignInService.RefuseRemoteFailureAsync;
    }

    // The token handler checks expiry against the wall clock; the app's clock is the one tests can move, and the
    // one every other rule about time follows.
    private static void UseClock(OpenIdConnectOptions options, TimeProvider time)
    {
        options.TokenValidationParameters.LifetimeValidator = (notBefore, expires, _, parameters) =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            return expires is { } end
                && end.ToUniversalTime() + parameters.ClockSkew >= now
                && (notBefore is not { } start || start.ToUniversalTime() - parameters.ClockSkew <= now);
        };
    }
}
