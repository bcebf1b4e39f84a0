namespace GemensamNamnd.Web.Features.Systems;

/// <summary>The party's systems: one command per use case.</summary>
public static class SystemsExtensions
{
    public static IServiceCollection AddSystems(this IServiceCollection services)
    {
        services.AddScoped<AddPartySystem>();
        services.AddScoped<TogglePartySystem>();
        services.AddScoped<SetSystemSupplier>();
        return services;
    }
}
