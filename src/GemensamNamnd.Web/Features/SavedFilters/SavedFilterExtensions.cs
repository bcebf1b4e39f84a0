namespace GemensamNamnd.Web.Features.SavedFilters;

public static class SavedFilterExtensions
{
    public static IServiceCollection AddSavedFilters(this IServiceCollection services)
    {
        services.AddScoped<SaveFilter>();
        return services;
    }
}
