using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GemensamNamnd.Web.Features.Drills;

public static class DrillExtensions
{
    public static IServiceCollection AddDrills(this IServiceCollection services)
    {
        services.AddScoped<LastDrill>();
        services.AddScoped<SaveDrill>();
        services.Configure<RazorPagesOptions>(o =>
            // Record and edit share one page: …/ny and …/{id}.
            o.Conventions.AddPageRoute("/Drills/Edit", "{party}/ovningar/{id:guid}"));
        return services;
    }
}
