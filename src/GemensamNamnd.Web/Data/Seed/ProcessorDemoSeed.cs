using GemensamNamnd.Domain.Processors;
using GemensamNamnd.Web.Features.Processors;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Data.Seed;

/// <summary>
/// Demo processor agreements and DPO consultations per party, so the registers show their gaps at once: an agreement for
/// each supplier of the party's systems in use except one (alphabetically the last: "saknas"), one of them ending within
/// 90 days with a sub-processor notice awaiting a decision, and a few consultations (one asked after the decision).
/// Runs after the request seed has made the systems; skipped when the party has any agreement.
/// </summary>
public static class ProcessorDemoSeed
{
    public static async Task EnsureAsync(PartyScope partyScope, IEnumerable<Party> parties, TimeProvider clock, CancellationToken ct)
    {
        foreach (var party in parties)
        {
            await partyScope.RunAsync(party.Id, sp => SeedPartyAsync(sp, clock, ct), ct);
        }
    }

    private static async Task SeedPartyAsync(IServiceProvider sp, TimeProvider clock, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        if (await db.ProcessorAgreements.AnyAsync(ct))
        {
            return;
        }

        var today = Swedish.Today(clock);
        var controllers = await db.DataControllers.Where(c => c.IsActive).OrderBy(c => c.Name).Select(c => c.Id).ToListAsync(ct);
        var inUse = await db.PartySystems.Where(s => s.IsActive && s.SupplierId != null).Select(s => s.SupplierId!.Value).Distinct().ToListAsync(ct);
        var suppliers = await db.Suppliers.Where(s => inUse.Contains(s.Id)).OrderBy(s => s.Name).ToListAsync(ct);
        if (controllers.Count == 0 || suppliers.Count < 2)
        {
            return;
        }

        // The last supplier is left without an agreement; the first one's agreement ends within 90 days.
        for (var i = 0; i < suppliers.Count - 1; i++)
        {
            var s = suppliers[i];
            var ending = i == 0;
            db.ProcessorAgreements.Add(new ProcessorAgreement
            {
                SupplierId = s.Id,
                ControllerIds = [.. controllers],
                SignedOn = today.AddYears(-2).AddDays(-10),
                ValidFrom = today.AddYears(-2),
                ValidTo = ending ? today.AddDays(45) : today.AddYears(2),
                Standard = s.Country == "SE" ? AgreementStandard.SkrTemplate : AgreementStandard.SupplierOwn,
                StandardNote = s.Country == "SE" ? "SKR:s mall 2023" : "Leverantörens DPA",
                Instructions = "Behandla personuppgifterna endast för att leverera och förvalta systemet enligt huvudavtalet; radera eller återlämna dem när avtalet upphör.",
                SubProcessors = s.Country == "SE"
                    ? [new SubProcessor { Name = "Svensk driftpartner AB", Country = "SE" }]
                    : [new SubProcessor { Name = "Datacenter i Irland", Country = "IE" }, new SubProcessor { Name = "Supportcenter i USA", Country = "US" }],
                Audits = [new AgreementAudit { On = today.AddMonths(-8), Note = "Granskat leverantörens revisionsrapport (ISO 27001)." }],
                Notices = ending
                    ? [new SubProcessorNotice { ReceivedOn = today.AddDays(-20), Description = "Ny leverantör av säkerhetskopiering med lagring inom EU." }]
                    : [],
            });
        }

        var first = controllers[0];
        var second = controllers[^1];
        db.DpoConsultations.AddRange(
            new DpoConsultation
            {
                ControllerId = first,
                AskedOn = today.AddMonths(-4),
                Subject = "Ny e-tjänst för ansökan om bygglov: behövs en konsekvensbedömning?",
                Advice = "Ja, gör en konsekvensbedömning innan upphandlingen avslutas; begränsa uppgifterna till det nödvändiga.",
                DecidedOn = today.AddMonths(-3),
                Followed = AdviceFollowed.Yes,
            },
            new DpoConsultation
            {
                ControllerId = second,
                AskedOn = today.AddMonths(-2),
                Subject = "Kameraövervakning i skolans korridorer",
                Advice = "Avstå, eller begränsa till kvällar och helger efter en intresseavvägning.",
                DecidedOn = today.AddMonths(-2).AddDays(-7),
                Followed = AdviceFollowed.No,
                FollowedNote = "Nämnden hade redan beslutat innan ombudet tillfrågades.",
            },
            new DpoConsultation
            {
                ControllerId = first,
                AskedOn = today.AddDays(-6),
                Subject = "Delning av elevuppgifter med en lärplattform",
                Advice = "Kräv ett personuppgiftsbiträdesavtal och kontrollera var uppgifterna lagras.",
                Followed = AdviceFollowed.Unknown,
            });
        await db.SaveChangesAsync(ct);
    }
}
