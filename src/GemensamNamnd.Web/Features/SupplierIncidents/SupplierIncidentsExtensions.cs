namespace GemensamNamnd.Web.Features.SupplierIncidents;

public static class SupplierIncidentsExtensions
{
    /// <summary>Supplier incidents (committee level) fan out to draft breaches in each affected party.</summary>
    public static IServiceCollection AddSupplierIncidents(this IServiceCollection services)
    {
        services.AddScoped<SupplierIncidentParties>();
        services.AddScoped<RecordSupplierIncident>();
        services.AddScoped<SupplierIncidentDrafts>();
        services.AddScoped<PushSupplierUpdate>();
        return services;
    }
}
