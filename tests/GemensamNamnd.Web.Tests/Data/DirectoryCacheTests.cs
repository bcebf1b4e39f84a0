using System.Net;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GemensamNamnd.Web.Tests.Data;

/// <summary>
/// Production runs several instances on one database. Each keeps parties, users and memberships in its
/// <see cref="DirectoryCache"/>; a change saved on one instance must reach the others at once (PostgreSQL NOTIFY), not
/// when the cache's lifetime (here set far beyond the test's patience) runs out.
/// </summary>
public sealed class DirectoryCacheTests : IAsyncLifetime
{
    private readonly AppFactory _first = new LongCache();
    private AppFactory? _second;

    public async Task InitializeAsync()
    {
        await _first.InitializeAsync();
        _second = new LongCache(_first.Database);
        _ = _second.Services;
    }

    public async Task DisposeAsync()
    {
        if (_second is not null)
        {
            await _second.DisposeAsync();
        }

        await _first.DisposeAsync();
    }

    [PostgresFact]
    public async Task AMembershipRemovedOnOneInstance_IsRefusedOnTheOther_AtOnce()
    {
        var bo = _first.ClientFor(AppFactory.Demo("bo"));
        Assert.Equal(HttpStatusCode.OK, (await bo.GetAsync("/api/v1/krokom/requests")).StatusCode);

        await ChangeOnSecondAsync(async db =>
        {
            var oid = AppFactory.Demo("bo").ObjectId;
            var user = await db.Users.Include(u => u.Memberships).ThenInclude(m => m.Party).SingleAsync(u => u.EntraObjectId == oid);
            user.Memberships.RemoveAll(m => m.Party!.Slug == "krokom");
        });

        Assert.Equal(HttpStatusCode.Forbidden, await StatusOnFirstAsync(bo, "/api/v1/krokom/requests", HttpStatusCode.Forbidden));
        Assert.Equal(HttpStatusCode.OK, (await bo.GetAsync("/api/v1/ostersund/requests")).StatusCode);
    }

    [PostgresFact]
    public async Task APartyMadeInactiveOnOneInstance_IsGoneOnTheOther_AtOnce()
    {
        var bo = _first.ClientFor(AppFactory.Demo("bo"));
        Assert.Equal(HttpStatusCode.OK, (await bo.GetAsync("/api/v1/are/requests")).StatusCode);

        await ChangeOnSecondAsync(async db => (await db.Parties.SingleAsync(p => p.Slug == "are")).IsActive = false);

        Assert.Equal(HttpStatusCode.NotFound, await StatusOnFirstAsync(bo, "/api/v1/are/requests", HttpStatusCode.NotFound));
    }

    [PostgresFact]
    public async Task AChangeOnTheSameInstance_IsSeenByItsNextRequest()
    {
        var bo = _first.ClientFor(AppFactory.Demo("bo"));
        Assert.Equal(HttpStatusCode.OK, (await bo.GetAsync("/api/v1/ostersund/requests")).StatusCode);

        using (var scope = _first.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var oid = AppFactory.Demo("bo").ObjectId;
            (await db.Users.SingleAsync(u => u.EntraObjectId == oid)).IsDisabled = true;
            await db.SaveChangesAsync();
        }

        // No waiting: the saving instance clears its own cache when the save is done.
        Assert.Equal(HttpStatusCode.Forbidden, (await bo.GetAsync("/api/v1/ostersund/requests")).StatusCode);
    }

    private async Task ChangeOnSecondAsync(Func<AppDbContext, Task> change)
    {
        using var scope = _second!.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await change(db);
        await db.SaveChangesAsync();
    }

    /// <summary>The first instance's answer once it is <paramref name="expected"/>, or its last one after 10 s.</summary>
    private static async Task<HttpStatusCode> StatusOnFirstAsync(HttpClient client, string path, HttpStatusCode expected)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        HttpStatusCode status;
        do
        {
            status = (await client.GetAsync(path)).StatusCode;
            if (status == expected)
            {
                break;
            }

            await Task.Delay(50);
        }
        while (DateTime.UtcNow < until);
        return status;
    }

    /// <summary>An instance whose cache would outlive the test; on <paramref name="database"/> when given (a second instance).</summary>
    private sealed class LongCache(TestDatabase? database = null) : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Directory:CacheSeconds", "3600");
            if (database is not null)
            {
                builder.UseSetting("ConnectionStrings:App", database.AppConnection);
                builder.UseSetting("ConnectionStrings:Owner", database.OwnerConnection);
            }
        }
    }
}
