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

        // The password hasher is scoped, like the rest of Identity.
        await using var scope = services.CreateAsyncScope();
        var seeder = new DemoSeeder(
            scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>(),
            scope.ServiceProvider.GetRequiredService<IPasswordHasher<Person>>(),
            scope.ServiceProvider.GetRequiredService<TimeProvider>(),
            scope.ServiceProvider.GetRequiredService<ILogger<DemoSeeder>>());
        await seeder.SeedAsync(cancellationToken);
    }
}
