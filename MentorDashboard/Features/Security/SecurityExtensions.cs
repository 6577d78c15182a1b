using MentorDashboard.Features.Accounts.External;
using Microsoft.Extensions.Options;

namespace MentorDashboard.Features.Security;

public static class SecurityExtensions
{
    /// <summary>The security headers, HSTS and the rate limits; circuit limits go on Blazor's builder.</summary>
    public static IServiceCollection AddSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(provider =>
            SecurityHeaders.For(provider.GetRequiredService<IOptions<ExternalSignInOptions>>().Value));
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        services.AddRateLimits(configuration);
        return services;
    }

    /// <summary>
    /// Adds the headers to every response, and HSTS outside Development (browsers would otherwise refuse plain
    /// http on localhost for a year after one run).
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        var headers = app.Services.GetRequiredService<SecurityHeaders>();
        return app.Use((context, next) =>
        {
            headers.Apply(context);
            return next(context);
        });
    }
}
