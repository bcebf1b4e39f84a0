using System.Collections.Concurrent;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Requests;
using GemensamNamnd.Web.Features.Requests.Commands;
using GemensamNamnd.Web.Parties;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace GemensamNamnd.Web.Tests.Reminders;

/// <summary>The app on its own PostgreSQL database, a FakeTimeProvider for every clock, a real aiosmtpd, and captured logs.</summary>
public sealed class ReminderFactory : AppFactory, IAsyncLifetime
{
    public const int RetryBaseSeconds = 10;

    /// <summary>A Monday morning in Sweden; tests only move it forward.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2027, 1, 4, 8, 0, 0, TimeSpan.Zero));

    public LocalSmtp Smtp { get; } = new();

    public ConcurrentQueue<(LogLevel Level, string Message, Exception? Exception)> Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mail:Host", "127.0.0.1");
        builder.UseSetting("Mail:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Mail:Security", "None");
        builder.UseSetting("Mail:From", "paminnelser@gemensamnamnd.test");
        builder.UseSetting("Mail:RetryBaseSeconds", RetryBaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Mail:BatchSize", "10");
        builder.UseSetting("Mail:TimeoutSeconds", "5");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<ILoggerProvider>(new CapturingLoggerProvider(Logs));
        });
    }

    async Task IAsyncLifetime.InitializeAsync()
    {
        await Smtp.StartAsync();
        await InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Smtp.DisposeAsync();
    }

    public async Task<Guid> PartyIdAsync(string slug) => await InParty(slug, db => Task.FromResult(db.CurrentPartyId!.Value));

    /// <summary>Registers a request received now (fake clock) and optionally assigns an officer; returns the stored case.</summary>
    public async Task<DataSubjectRequest> RegisterAsync(string slug, Guid? officer = null)
    {
        using var scope = Services.CreateScope();
        var party = await scope.ServiceProvider.GetRequiredService<PartyDirectory>().FindBySlugAsync(slug, default);
        return await scope.ServiceProvider.GetRequiredService<PartyScope>().RunAsync(party!.Id, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var controller = await db.DataControllers.FirstAsync(c => c.IsActive);
            var input = new RegisterRequestInput(Clock.GetUtcNow(), RequestChannel.Letter, controller.Id, DataSubjectRights.Access,
                "Robin Hemligsson", "19121212-1212", "robin@example.org", null, false, null);
            var registered = await sp.GetRequiredService<RegisterRequest>().RunAsync(input, default);
            Assert.Empty(registered.Errors);
            var stored = await db.Requests.SingleAsync(r => r.Id == registered.Value!.Id);
            stored.AssignedOfficerId = officer;
            await db.SaveChangesAsync();
            return stored;
        });
    }

    public async Task<Guid> UserIdAsync(string key)
    {
        var demo = Demo(key);
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Users.Where(u => u.EntraTenantId == demo.PartyId && u.EntraObjectId == demo.ObjectId).Select(u => u.Id).SingleAsync();
    }

    /// <summary>Moves the fake clock to the given Swedish calendar day at 09:00 Swedish time.</summary>
    public void MoveTo(DateOnly day, int hour = 9)
    {
        var local = day.ToDateTime(new TimeOnly(hour, 0));
        var instant = new DateTimeOffset(local, GemensamNamnd.Web.Infrastructure.Swedish.TimeZone.GetUtcOffset(local));
        if (instant > Clock.GetUtcNow())
        {
            Clock.SetUtcNow(instant.ToUniversalTime());
        }
    }

    private sealed class CapturingLoggerProvider(ConcurrentQueue<(LogLevel, string, Exception?)> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(logs);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<(LogLevel, string, Exception?)> logs) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                logs.Enqueue((logLevel, formatter(state, exception), exception));
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ReminderCollection : ICollectionFixture<ReminderFactory>
{
    public const string Name = "reminders";
}
