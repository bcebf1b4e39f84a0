using System.Text.Json.Serialization;
using GemensamNamnd.Web.Features.Administration;
using GemensamNamnd.Web.Features.Audit;
using GemensamNamnd.Web.Features.Breaches;
using GemensamNamnd.Web.Features.CaseNumbers;
using GemensamNamnd.Web.Features.Controllers;
using GemensamNamnd.Web.Features.Deadlines;
using GemensamNamnd.Web.Features.Documents;
using GemensamNamnd.Web.Features.Dpo;
using GemensamNamnd.Web.Features.Drills;
using GemensamNamnd.Web.Features.Letters;
using GemensamNamnd.Web.Features.Maturity;
using GemensamNamnd.Web.Features.Outbox;
using GemensamNamnd.Web.Features.Parties;
using GemensamNamnd.Web.Features.PersonSearch;
using GemensamNamnd.Web.Features.Processing;
using GemensamNamnd.Web.Features.Processors;
using GemensamNamnd.Web.Features.Reminders;
using GemensamNamnd.Web.Features.Requests;
using GemensamNamnd.Web.Features.Retention;
using GemensamNamnd.Web.Features.SavedFilters;
using GemensamNamnd.Web.Features.SupplierIncidents;
using GemensamNamnd.Web.Features.Suppliers;
using GemensamNamnd.Web.Features.Systems;
using GemensamNamnd.Web.Features.Todo;

namespace GemensamNamnd.Web.Features;

/// <summary>Each feature adds its services and maps its endpoints here: the table of contents of the product.</summary>
public static class FeatureExtensions
{
    public static IHostApplicationBuilder AddFeatures(this IHostApplicationBuilder builder)
    {
        builder.Services.AddCaseNumbers();
        builder.Services.AddRequests();
        builder.Services.AddSystems();
        builder.Services.AddSuppliers();
        builder.Services.AddProcessors();
        builder.Services.AddBreaches();
        builder.Services.AddSupplierIncidents();
        builder.Services.AddDrills();
        builder.Services.AddDpo();
        builder.Services.AddDataControllers();
        builder.Services.AddRetention();
        builder.Services.AddPersonSearch();
        builder.Services.AddSavedFilters();
        builder.AddDocuments();
        builder.Services.AddMaturity();
        builder.Services.AddReminders();
        builder.Services.AddTodo();
        builder.AddOutbox();
        builder.Services.AddAdministration();
        builder.Services.AddAuditLog();
        builder.Services.AddLetters();
        builder.Services.AddProcessing();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        return builder;
    }

    public static WebApplication MapFeatures(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1");
        PartyApi.MapGlobal(api);
        TodoApi.MapGlobal(api);
        TodoApi.MapCalendar(app);
        DeadlinesApi.Map(api);
        var party = api.MapGroup("/{party}");
        PartyApi.Map(party);
        DataControllersApi.Map(party);
        Requests.RequestsApi.Map(party);
        Dpo.DpoApi.Map(party);
        Dpo.DpoApi.MapGlobal(api);
        SupplierIncidentsApi.MapGlobal(api);
        Breaches.BreachesApi.Map(party);
        ProcessorsApi.Map(party);
        DocumentsApi.Map(party);
        PartyUsersApi.Map(party);
        ProcessingApi.Map(party);
        return app;
    }
}
