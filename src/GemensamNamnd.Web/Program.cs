using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features;
using GemensamNamnd.Web.Features.Outbox;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Infrastructure.Jobs;
using GemensamNamnd.Web.PersonalData;

var builder = WebApplication.CreateBuilder(args);

// `dotnet GemensamNamnd.Web.dll migrate`: migrations, grants and the parties, under the owner role; then exit.
// It needs only the database settings (a deployment step has no sign-in or personal-data secrets). Outside production
// it may also seed the demo (Demo:Enabled, in Development or Demo), which goes through the features' own commands: then
// the whole app is built.
var migrateOnly = args.Contains("migrate");
var seedDemoOnMigrate = migrateOnly && builder.Configuration.GetValue<bool>("Demo:Enabled") && GemensamNamnd.Web.Identity.DemoOptions.AllowedIn(builder.Environment);

builder.AddTelemetry();
builder.AddData(migrateOnly);
if (migrateOnly && !seedDemoOnMigrate)
{
    var migrator = builder.Build();
    await migrator.MigrateAsync(seedDemo: false);
    return;
}

builder.AddSignIn();
builder.AddPersonalData();
builder.AddWebShell();
builder.AddKeyRingProtection();
builder.AddFeatures();
builder.AddJobs();
builder.AddWarmup();

var app = builder.Build();
if (seedDemoOnMigrate)
{
    await app.MigrateAsync(seedDemo: true);
    return;
}

if (app.Configuration.GetValue<bool>("Database:MigrateOnStartup"))
{
    await app.MigrateAsync(seedDemo: app.Configuration.GetValue<bool>("Demo:Enabled"));
}

app.UseWebShell();
app.MapFeatures();
app.MapJobs();
app.ReportMailTarget();
app.PrintStartUrl();

await app.RunAsync();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
