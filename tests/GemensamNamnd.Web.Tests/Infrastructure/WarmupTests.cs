using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace GemensamNamnd.Web.Tests.Infrastructure;

/// <summary>The warm-up at start (issue 15): /health/ready waits for it, it runs the pages' handlers without failing, and it writes nothing.</summary>
[Collection(AppCollection.Name)]
public sealed class WarmupTests(AppFactory app)
{
    [Fact]
    public async Task HealthCheck_NotReadyUntilTheWarmupHasEnded()
    {
        var state = new WarmupState();
        var check = new WarmupHealthCheck(state);

        Assert.Equal(HealthStatus.Unhealthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
        state.End(null);
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
    }

    [PostgresFact]
    public async Task AppWarmup_HasRunWithoutFailure_AndReadyAnswersHealthy()
    {
        var state = app.Services.GetRequiredService<WarmupState>();
        await state.Ended.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Null(state.Failure);
        Assert.Equal("Healthy", await app.Anonymous().GetStringAsync("/health/ready"));
    }

    [PostgresFact]
    public async Task Warmup_RunsThePagesHandlers_AndWritesNothing()
    {
        await app.Services.GetRequiredService<WarmupState>().Ended.WaitAsync(TimeSpan.FromMinutes(2));
        var before = await CountsAsync();

        // A second warm-up in the running app, with a state of its own.
        var state = new WarmupState();
        using var warmup = ActivatorUtilities.CreateInstance<Warmup>(app.Services, state);
        await warmup.StartAsync(CancellationToken.None);
        await state.Ended.WaitAsync(TimeSpan.FromMinutes(2));
        await warmup.StopAsync(CancellationToken.None);

        Assert.Null(state.Failure);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Warmup_ThatFails_EndsAndKeepsTheFailure()
    {
        // No database at all: the warm-up fails at its first query; the app would carry on, not ready only until it ends.
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration["Database:Provider"] = "Postgres";
        builder.Configuration["ConnectionStrings:App"] = "Host=127.0.0.1;Port=1;Username=nobody;Password=x;Database=none;Timeout=2";
        builder.AddData();
        builder.Services.AddSingleton<WarmupState>();
        await using var host = builder.Build();
        var state = host.Services.GetRequiredService<WarmupState>();
        using var warmup = ActivatorUtilities.CreateInstance<Warmup>(host.Services, new StartedLifetime());
        await warmup.StartAsync(CancellationToken.None);
        await state.Ended.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.NotNull(state.Failure);
        Assert.Equal(HealthStatus.Healthy, (await new WarmupHealthCheck(state).CheckHealthAsync(new HealthCheckContext())).Status);
    }

    /// <summary>An app that has started: the warm-up begins at once.</summary>
    private sealed class StartedLifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => new(canceled: true);

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }

    /// <summary>Audit rows, personal-data reads and form submissions, across parties (owner role).</summary>
    private async Task<(int Audit, int Reads, int Forms)> CountsAsync()
    {
        await using var db = app.Services.GetRequiredService<CrossPartyContextFactory>().Create();
        return (await db.AuditEntries.CountAsync(), await db.PersonalDataReads.CountAsync(), await db.FormSubmissions.CountAsync());
    }
}
