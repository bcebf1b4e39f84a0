using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GemensamNamnd.Web.Features.Administration;

public static class AdministrationExtensions
{
    public static IServiceCollection AddAdministration(this IServiceCollection services)
    {
        services.AddScoped<SaveParty>();
        services.AddScoped<SaveUser>();
        services.AddScoped<AddMembership>();
        services.AddScoped<RemoveMembership>();
        services.AddScoped<PartyUsers>();
        services.Configure<RazorPagesOptions>(o =>
        {
            // Create and edit share one page: …/ny and …/{id}.
            o.Conventions.AddPageRoute("/Administration/PartyEdit", "admin/parter/{id:guid}");
            o.Conventions.AddPageRoute("/Administration/UserEdit", "admin/anvandare/{id:guid}");
        });
        return services;
    }
}
