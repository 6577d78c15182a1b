using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace MentorDashboard;

public sealed class LocalizationSettings
{
    public const string Section = "Localization";

    /// <summary>Cultures people may choose through their browser; the first is the default.</summary>
    public string[] Cultures { get; set; } = ["en-GB"];
}

public static class LocalizationExtensions
{
    /// <summary>
    /// UI strings come from <see cref="SharedResource"/>; dates and numbers follow the person's browser among the
    /// configured cultures. English (day-month dates) is the default: our programmes are in Europe.
    /// </summary>
    public static IServiceCollection AddAppLocalization(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(LocalizationSettings.Section).Get<LocalizationSettings>() ?? new();
        if (settings.Cultures.Length == 0)
        {
            throw new InvalidOperationException(
                $"The setting '{LocalizationSettings.Section}:Cultures' is empty: list at least one culture, "
                + "for example en-GB.");
        }

        CultureInfo[] cultures;
        try
        {
            cultures = settings.Cultures
                .Select(name => CultureInfo.GetCultureInfo(name, predefinedOnly: true))
                .ToArray();
        }
        catch (CultureNotFoundException exception)
        {
            throw new InvalidOperationException(
                $"The setting '{LocalizationSettings.Section}:Cultures' names an unknown culture "
                + $"'{exception.InvalidCultureName}'.", exception);
        }

        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(cultures[0]);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
        });
        return services;
    }
}
