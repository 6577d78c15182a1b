using MentorDashboard.Data;
using MentorDashboard.Features.Accounts.External;
using MentorDashboard.Features.Audit;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace MentorDashboard.Features.Accounts;

public static class AccountsExtensions
{
    public const string LoginPath = "/account/login";

    public const string AccessDeniedPath = "/account/access-denied";

    /// <summary>The second step of signing in, for people with two-factor sign-in on.</summary>
    public const string TwoFactorPath = "/account/login-2fa";

    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccountOptions>()
            .Bind(configuration.GetSection(AccountOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AccountOptions>, AccountOptionsValidator>();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = LoginPath;
            options.AccessDeniedPath = AccessDeniedPath;
            options.Cookie.Name = "MentorDashboard.Auth";
            options.SlidingExpiration = true;
            var stampCheck = options.Events.OnValidatePrincipal;
            options.Events.OnValidatePrincipal = context => SessionClaims.ValidateAsync(context, stampCheck);
            // The sign-in page decides where to go after signing in (see ReturnUrls); the cookie handler would
            // otherwise copy the raw return URL into a header, which fails on non-ASCII characters.
            options.Events.OnRedirectToReturnUrl = _ => Task.CompletedTask;
            options.Events.OnRedirectToLogin = context =>
                RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context =>
                RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        });

        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<AccountOptions>>((cookie, accounts) =>
                cookie.ExpireTimeSpan = accounts.Value.IdleTimeout);
        // The stamp changes with a password reset or two-factor change; other sessions end within the same
        // interval that ends open circuits, not Identity's default of 30 minutes.
        services.AddOptions<SecurityStampValidatorOptions>()
            .Configure<IOptions<AccountOptions>, TimeProvider>((stamp, accounts, time) =>
            {
                stamp.ValidationInterval = accounts.Value.RevalidationInterval;
                stamp.OnRefreshingPrincipal = SessionClaims.KeepSignInTime;
                stamp.TimeProvider = time;
            });

        services.AddIdentityCore<Person>(options =>
            {
                options.Password.RequiredLength = 8;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedEmail = true;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<AccountSignInManager>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider)
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddErrorDescriber<LocalizedIdentityErrors>();
        services.AddSingleton<AccountEmails>();
        services.AddHostedService(provider => provider.GetRequiredService<AccountEmails>());

        services.AddSingleton<AdminTwoFactorRule>();
        services.AddSingleton<ProgrammeAccess>();
        services.AddScoped<IAuthorizationHandler, ProgrammeRoleHandler>();
        services.AddScoped<IAuthorizationHandler, NetworkAdminHandler>();
        services.AddAuthorization(ProgrammePolicies.Add);
        services.AddExternalSignIn(configuration);
        return services;
    }

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Minimal APIs check the antiforgery token only when they bind form fields, and this endpoint binds none,
        // so it checks the token itself: otherwise any site could sign our users out with a hidden form.
        endpoints.MapPost("/account/logout", async Task<Results<BadRequest, RedirectHttpResult>> (
            HttpContext context,
            IAntiforgery antiforgery,
            SignInManager<Person> signIn,
            AuditLog audit,
            ILoggerFactory loggers) =>
        {
            // A visitor whose session already ended (a tab left open past the cookie's expiry) holds a token
            // for a user who is gone; there is nothing to sign out, so they just go home.
            if (context.User.Identity?.IsAuthenticated != true)
            {
                return TypedResults.LocalRedirect("~/");
            }

            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return TypedResults.BadRequest();
            }

            await signIn.SignOutAsync();
            var logger = loggers.CreateLogger(typeof(AccountsExtensions).FullName!);
            AccountsLog.SignedOut(logger);
            await audit.WriteAsync(AuditKind.SignedOut, ProgrammeAccess.PersonId(context.User));
            return TypedResults.LocalRedirect("~/");
        });
        endpoints.MapExternalSignIn();
        return endpoints;
    }

    /// <summary>Any other address under /api answers 404 with a problem document, not the people's page.</summary>
    public static IEndpointRouteBuilder MapApiFallback(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapFallback("/api/{**rest}", () => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound));
        return endpoints;
    }

    // APIs answer with a problem document; pages are sent to the sign-in or access-denied page.
    private static async Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int statusCode)
    {
        if (!context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Redirect(context.RedirectUri);
            return;
        }

        context.Response.StatusCode = statusCode;
        var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        var problem = new ProblemDetails { Status = statusCode, Title = ReasonPhrases.GetReasonPhrase(statusCode) };
        if (!await problems.TryWriteAsync(new() { HttpContext = context.HttpContext, ProblemDetails = problem }))
        {
            // No writer takes a client that accepts neither JSON form (Accept: application/xml); WriteAsync would
            // throw and turn the refusal into a 500. The client still gets the status as a problem document.
            await context.Response.WriteAsJsonAsync(
                problem, options: null, contentType: "application/problem+json", context.HttpContext.RequestAborted);
        }
    }
}
