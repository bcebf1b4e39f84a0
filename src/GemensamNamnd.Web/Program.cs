using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.PersonalData;

var builder = WebApplication.CreateBuilder(args);

builder.AddTelemetry();
builder.AddData();
builder.AddSignIn();
builder.AddPersonalData();
builder.AddWebShell();
builder.AddKeyRingProtection();
builder.AddFeatures();

var app = builder.Build();

// `dotnet GemensamNamnd.Web.dll migrate`: migrations, grants and the parties, under the owner role; then exit.
if (args.Contains("migrate"))
{
    await app.MigrateAsync(seedDemo: app.Configuration.GetValue<bool>("Demo:Enabled"));
    return;
}

if (app.Configuration.GetValue<bool>("Database:MigrateOnStartup"))
{
    await app.MigrateAsync(seedDemo: app.Configuration.GetValue<bool>("Demo:Enabled"));
}

app.UseWebShell();
app.MapFeatures();
app.PrintStartUrl();

await app.RunAsync();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
