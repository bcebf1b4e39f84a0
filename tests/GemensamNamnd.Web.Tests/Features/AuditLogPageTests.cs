using System.Net;
using System.Net.Http.Json;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Requests.Commands;
using GemensamNamnd.Web.Parties;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GemensamNamnd.Web.Tests.Features;

/// <summary>
/// The audit log page (<c>/{party}/logg</c>) says who changed what and when, but shows neither the personnummer's keyed
/// hash (it links a person across cases and outlives retention) nor free text (issue 22).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AuditLogPageTests(AppFactory app)
{
    [PostgresFact]
    public async Task TheAuditLog_ShowsNeitherThePersonnummerHash_NorFreeText_ToTheDpoOrTheAdministrator()
    {
        var marker = "Fritextmarkör" + Guid.NewGuid().ToString("N")[..8];
        using var scope = app.Services.CreateScope();
        var party = await scope.ServiceProvider.GetRequiredService<PartyDirectory>().FindBySlugAsync("ostersund", default);
        var (requestId, hash) = await scope.ServiceProvider.GetRequiredService<PartyScope>().RunAsync(party!.Id, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var controllerId = await db.DataControllers.Where(c => c.IsActive).OrderBy(c => c.Name).Select(c => c.Id).FirstAsync();
            var input = new RegisterRequestInput(DateTimeOffset.UtcNow.AddMinutes(-5), RequestChannel.Letter, controllerId, DataSubjectRights.Access,
                "Loggad Person", "19121212-1212", "loggad@example.se", "Storgatan 1, 831 30 Östersund", false, null);
            var registered = await sp.GetRequiredService<RegisterRequest>().RunAsync(input, default);
            Assert.True(registered.Ok, string.Join("; ", registered.Errors.Select(e => e.Message)));
            var stored = await db.Requests.AsNoTracking().SingleAsync(r => r.Id == registered.Value!.Id);
            return (stored.Id, stored.PersonalNumberHash!);
        });
        Assert.False(string.IsNullOrEmpty(hash));

        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var controller = await app.InParty("ostersund", db => db.DataControllers.Where(c => c.IsActive).OrderBy(c => c.Name).Select(c => c.Id).FirstAsync());
        var created = await anna.PostAsJsonAsync("/api/v1/ostersund/breaches", new
        {
            title = "Rubrik " + marker,
            controllerIds = new[] { controller },
            awareAt = DateTimeOffset.UtcNow.AddHours(-1),
            description = "Beskrivning " + marker,
            types = new[] { "Confidentiality" },
            cause = "MisdirectedMail",
            consequences = "Konsekvens " + marker,
            contactName = "Kontakt " + marker,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        foreach (var user in new[] { "bo", "cecilia" })
        {
            using var client = app.ClientFor(AppFactory.Demo(user));
            var page = WebUtility.HtmlDecode(await client.GetStringAsync("/ostersund/logg"));
            Assert.Contains(requestId.ToString(), page, StringComparison.Ordinal); // the row is there …
            Assert.Contains("PersonalNumberHash", page, StringComparison.Ordinal); // … and says the field was set …
            Assert.DoesNotContain(hash, page, StringComparison.Ordinal); // … but not its value
            Assert.DoesNotContain(marker, page, StringComparison.Ordinal);
            Assert.Contains("Description", page, StringComparison.Ordinal);
        }
    }
}
