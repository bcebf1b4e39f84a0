namespace GemensamNamnd.Web.Features.Audit;

public static class AuditExtensions
{
    /// <summary>The log in sentences (<c>/{party}/logg</c>) and each case's "Vem har läst och ändrat".</summary>
    public static IServiceCollection AddAuditLog(this IServiceCollection services)
    {
        services.AddScoped<AuditTimeline>();
        return services;
    }
}
