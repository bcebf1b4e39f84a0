using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GemensamNamnd.Web.Features.Controllers;

public static class ControllerExtensions
{
    /// <summary>The party's controllers (nämnder and bolag). Not <c>AddControllers</c>: that name is MVC's.</summary>
    public static IServiceCollection AddDataControllers(this IServiceCollection services)
    {
        services.AddScoped<SaveDataController>();
        services.Configure<RazorPagesOptions>(o =>
            // Create and edit share one page: …/ny and …/{id}.
            o.Conventions.AddPageRoute("/Controllers/Edit", "{party}/personuppgiftsansvariga/{id:guid}"));
        return services;
    }
}
