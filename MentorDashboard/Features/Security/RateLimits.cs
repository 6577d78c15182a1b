using System.Globalization;
using System.Threading.RateLimiting;
using MentorDashboard.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace MentorDashboard.Features.Security;

/// <summary>
/// ASP.NET Core's rate limiter over the paths people can hammer without limit otherwise: the sign-in forms,
/// the public newsroom and its report form, and the API. Pages refused get a friendly 429 page, the API a
/// problem document; both say when to try again.
/// </summary>
public static class RateLimits
{
    /// <summary>
    /// The forms that check a password or a token, or send an e-mail; each post counts against the sign-in limit.
    /// </summary>
    public static readonly IReadOnlySet<string> SignInPaths = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        AccountsExtensions.LoginPath,
        AccountsExtensions.TwoFactorPath,
        "/account/forgot-password",
        "/account/resend-confirmation",
        "/account/reset-password",
        "/invitations/accept",
    };

    private const string NoLimit = "";

    internal static IServiceCollection AddRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>()
            .Bind(configuration.GetSection(RateLimitOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>();
        services.AddSingleton<PostingLimiter>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>()
            .Configure<IOptions<RateLimitOptions>>((options, limits) =>
            {
                options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                    Limiter(limits.Value.SignIn, IsSignIn, ClientAddress),
                    Limiter(limits.Value.Newsroom, IsNewsroom, ClientAddress),
                    Limiter(limits.Value.Reports, IsReport, ClientAddress),
                    Limiter(limits.Value.Api, IsApi, PersonOrAddress));
                options.OnRejected = RefuseAsync;
            });
        return services;
    }

    private static bool IsSignIn(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && SignInPaths.Contains(request.Path.Value?.TrimEnd('/') ?? "");

    private static bool IsNewsroom(HttpRequest request) => request.Path.StartsWithSegments("/news");

    private static bool IsReport(HttpRequest request) => HttpMethods.IsPost(request.Method) && IsNewsroom(request);

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    // Behind a reverse proxy this is the proxy's address unless forwarded headers are configured (see the docs).
    private static string ClientAddress(HttpContext context) =>
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static string PersonOrAddress(HttpContext context) =>
        ProgrammeAccess.PersonId(context.User) is { } personId ? "person:" + personId : ClientAddress(context);

    private static PartitionedRateLimiter<HttpContext> Limiter(
        WindowLimit limit, Func<HttpRequest, bool> applies, Func<HttpContext, string> partition) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context => applies(context.Request)
            ? RateLimitPartition.GetFixedWindowLimiter(partition(context), _ => new()
            {
                PermitLimit = limit.PermitLimit,
                Window = limit.Window,
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter(NoLimit));

    private static async ValueTask RefuseAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
            ? (int)Math.Ceiling(wait.TotalSeconds)
            : 60;
        var limit = IsSignIn(context.Request) ? "sign-in"
            : IsReport(context.Request) ? "reports"
            : IsNewsroom(context.Request) ? "newsroom"
            : "api";
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>()
            .CreateLogger(typeof(RateLimits).FullName!);
        SecurityLog.RateLimited(logger, limit, retryAfter);

        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        IResult result = IsApi(context.Request)
            ? TypedResults.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many requests",
                detail: string.Create(CultureInfo.InvariantCulture,
                    $"Too many requests in a short time. Try again in {retryAfter} seconds."))
            : new RazorComponentResult<TooManyRequests>(new { RetryAfterSeconds = retryAfter })
            {
                StatusCode = StatusCodes.Status429TooManyRequests,
            };
        await result.ExecuteAsync(context);
    }
}
