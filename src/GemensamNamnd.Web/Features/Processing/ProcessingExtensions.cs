using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GemensamNamnd.Web.Features.Processing;

public static class ProcessingExtensions
{
    public static IServiceCollection AddProcessing(this IServiceCollection services)
    {
        services.AddScoped<ProcessingQueries>();
        services.AddScoped<SaveProcessingActivity>();
        services.AddScoped<SaveImpactAssessment>();
        services.Configure<RazorPagesOptions>(o =>
        {
            // Record and edit share one page: …/ny and …/{id}.
            o.Conventions.AddPageRoute("/Processing/Edit", "{party}/registerforteckning/{id:guid}");
            o.Conventions.AddPageRoute("/Processing/AssessmentEdit", "{party}/konsekvensbedomningar/{id:guid}");
        });
        return services;
    }
}
