namespace MentorDashboard.Features.Audit;

public static class AuditExtensions
{
    public static IServiceCollection AddAudit(this IServiceCollection services) =>
        services.AddSingleton<AuditLog>().AddSingleton<AuditReader>();
}
