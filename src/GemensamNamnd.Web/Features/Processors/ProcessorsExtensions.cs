using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GemensamNamnd.Web.Features.Processors;

/// <summary>The processors and agreements (Art. 28) and the DPO's consultation log (Art. 38(1)).</summary>
public static class ProcessorsExtensions
{
    public static IServiceCollection AddProcessors(this IServiceCollection services)
    {
        services.AddScoped<ProcessorList>();
        services.AddScoped<SaveAgreement>();
        services.AddScoped<SaveConsultation>();
        services.AddScoped<AnnualReport>();
        services.Configure<RazorPagesOptions>(o =>
        {
            // Record and edit share one page: …/ny and …/{id}.
            o.Conventions.AddPageRoute("/Processors/Edit", "{party}/personuppgiftsbitraden/avtal/{id:guid}");
            o.Conventions.AddPageRoute("/Processors/ConsultationEdit", "{party}/radgivningslogg/{id:guid}");
        });
        return services;
    }
}
