using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GemensamNamnd.Web.Features.Suppliers;

/// <summary>The committee-wide suppliers: one command.</summary>
public static class SuppliersExtensions
{
    public static IServiceCollection AddSuppliers(this IServiceCollection services)
    {
        services.AddScoped<SaveSupplier>();
        services.Configure<RazorPagesOptions>(o =>
            // Add and change share one page: /leverantorer/ny and /leverantorer/{id}.
            o.Conventions.AddPageRoute("/Suppliers/Edit", "leverantorer/{id:guid}"));
        return services;
    }
}
