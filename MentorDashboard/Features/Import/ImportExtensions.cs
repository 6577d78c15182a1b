namespace MentorDashboard.Features.Import;

public static class ImportExtensions
{
    public static IServiceCollection AddImport(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ImportOptions>()
            .Bind(configuration.GetSection(ImportOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return services
            .AddSingleton<ImportService>()
            .AddSingleton<ImportMappingService>();
    }
}
