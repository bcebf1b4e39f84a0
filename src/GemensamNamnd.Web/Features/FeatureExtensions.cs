using System.Text.Json.Serialization;
using GemensamNamnd.Web.Features.Controllers;
using GemensamNamnd.Web.Features.Deadlines;
using GemensamNamnd.Web.Features.Dpo;
using GemensamNamnd.Web.Features.Maturity;
using GemensamNamnd.Web.Features.Outbox;
using GemensamNamnd.Web.Features.Parties;
using GemensamNamnd.Web.Features.Reminders;
using GemensamNamnd.Web.Features.Requests;
using GemensamNamnd.Web.Features.Retention;
using GemensamNamnd.Web.Features.Systems;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GemensamNamnd.Web.Features;

/// <summary>Each feature adds its services and maps its endpoints here: the table of contents of the product.</summary>
public static class FeatureExtensions
{
    public static IHostApplicationBuilder AddFeatures(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<CaseNumbers.CaseNumberAllocator>();
        builder.Services.AddRequests();
        builder.Services.AddSystems();
        builder.Services.AddDpo();
        builder.Services.AddScoped<Breaches.SaveBreach>();
        builder.Services.AddScoped<Breaches.ChangeBreach>();
        builder.Services.AddScoped<Drills.LastDrill>();
        builder.Services.AddRetention();
        builder.Services.AddScoped<PersonSearch.PersonSearch>();
        builder.Services.AddMaturity();
        builder.Services.AddReminders();
        builder.AddOutbox();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.Configure<RazorPagesOptions>(o =>
        {
            // Create and edit share one page: …/ny and …/{id}.
            o.Conventions.AddPageRoute("/Controllers/Edit", "{tenant}/personuppgiftsansvariga/{id:guid}");
            o.Conventions.AddPageRoute("/Breaches/Edit", "{tenant}/incidenter/{id:guid}/andra");
            o.Conventions.AddPageRoute("/Drills/Edit", "{tenant}/ovningar/{id:guid}");
            o.Conventions.AddPageRoute("/Administration/PartyEdit", "admin/parter/{id:guid}");
            o.Conventions.AddPageRoute("/Administration/UserEdit", "admin/anvandare/{id:guid}");
        });
        return builder;
    }

    public static WebApplication MapFeatures(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1");
        PartyApi.MapGlobal(api);
        DeadlinesApi.Map(api);
        var party = api.MapGroup("/{tenant}");
        PartyApi.Map(party);
        DataControllersApi.Map(party);
        Requests.RequestsApi.Map(party);
        Dpo.DpoApi.Map(party);
        Dpo.DpoApi.MapGlobal(api);
        Breaches.BreachesApi.Map(party);
        return app;
    }
}
