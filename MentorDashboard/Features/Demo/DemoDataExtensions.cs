using MentorDashboard.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MentorDashboard.Features.Demo;

public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Seed the demo network on start when the database has no network yet.</summary>
    public bool Seed { get; set; }
}

public static class DemoDataExtensions
{
    public const string SeedSwitch = "--seed-demo";

    public static IServiceCollection AddDemoData(
        this IServiceCollection services, IConfiguration configuration, string[] args)
    {
        services.AddOptions<DemoOptions>()
            .Bind(configuration.GetSection(DemoOptions.Section))
            .PostConfigure(options => options.Seed |= args.Contains(SeedSwitch, StringComparer.Ordinal));
        return services;
    }

    public static async Task SeedDemoDataIfAskedAsync(
        this IServiceProvider services, CancellationToken cancellationToken)
    {
        if (!services.GetRequiredService<IOptions<DemoOptions>>().Value.Seed)
        {
            return;
        }

        var seeder = new DemoSeeder(
            services.GetRequiredService<IDbContextFactory<AppDbContext>>(),
            services.GetRequiredService<IPasswordHasher<Person>>(),
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILogger<DemoSeeder>>());
        await seeder.SeedAsync(cancellationToken);
    }
}
