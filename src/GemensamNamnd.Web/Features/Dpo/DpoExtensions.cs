using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GemensamNamnd.Web.Features.Dpo;

public static class DpoExtensions
{
    public static IServiceCollection AddDpo(this IServiceCollection services)
    {
        services.AddScoped<DpoCrossParty>();
        services.AddScoped<DpoRegister>();
        services.AddScoped<DpoMatrix>();
        services.AddScoped<SaveDpoRules>();
        services.Configure<RazorPagesOptions>(o =>
        {
            // Create and edit share one page: …/ny and …/{id}.
            o.Conventions.AddPageRoute("/Dpo/AllocationEdit", "{party}/dataskyddsombud/uppdrag/{id:guid}");
            o.Conventions.AddPageRoute("/Dpo/PartyPersonEdit", "{party}/dataskyddsombud/personer/{id:guid}/andra");
            o.Conventions.AddPageRoute("/Dpo/PersonEdit", "dataskyddsombud/personer/{id:guid}");
        });
        return services;
    }
}
