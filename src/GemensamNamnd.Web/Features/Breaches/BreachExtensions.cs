using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GemensamNamnd.Web.Features.Breaches;

public static class BreachExtensions
{
    public static IServiceCollection AddBreaches(this IServiceCollection services)
    {
        services.AddScoped<SaveBreach>();
        services.AddScoped<ChangeBreach>();
        services.AddScoped<QuickRegisterBreach>();
        services.AddScoped<AssignBreachHandler>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.AddPageRoute("/Breaches/Edit", "{party}/incidenter/{id:guid}/andra"));
        return services;
    }
}
