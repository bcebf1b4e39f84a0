using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GemensamNamnd.Web.Features.Maturity;

public static class MaturityExtensions
{
    public static IServiceCollection AddMaturity(this IServiceCollection services)
    {
        services.AddScoped<MaturityCrossParty>();
        services.AddScoped<MaturityComparison>();
        services.AddScoped<MaturityRounds>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.AddPageRoute("/Maturity/Round", "mognad/omgangar/{id:guid}"));
        return services;
    }
}
