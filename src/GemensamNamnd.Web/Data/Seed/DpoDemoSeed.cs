using GemensamNamnd.Domain.Dpo;
using GemensamNamnd.Web.Features.Dpo;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Data.Seed;

/// <summary>
/// The committee minutes' situation, dated relative to today: Bo Berglund shared by Östersund, Krokom, Åre and Berg at
/// 25 % each (and a planned deputy role in Bräcke that takes him over 100 %); Krokom has not told IMY; Fredrik Falk is
/// also IT-chef; Östersund's Kultur- och fritidsnämnden has no DPO; Åre's allocation ends within 30 days; Härjedalen's
/// DPO reports below the highest management; Strömsund's consultant has a share below the minimum.
/// </summary>
public static class DpoDemoSeed
{
    public static async Task EnsureAsync(AppDbContext db, PartyScope partyScope, CancellationToken ct)
    {
        if (await db.DpoPersons.AnyAsync(ct))
        {
            return;
        }

        var parties = await db.Parties.AsNoTracking().ToDictionaryAsync(p => p.Slug, ct);
        if (parties.Count == 0)
        {
            return;
        }

        // The application's clock (a test may replace it), taken from a scope as every party-scoped job does.
        var today = await partyScope.RunAsync(parties.Values.First().Id, sp => Task.FromResult(Swedish.Today(sp.GetRequiredService<TimeProvider>())), ct);
        var yearStart = new DateOnly(today.Year, 1, 1);
        Guid? Party(string slug) => parties.TryGetValue(slug, out var p) ? p.Id : null;

        var bo = Person("Bo Berglund", "dataskyddsombud@ostersund.example", "063-14 30 00", Party("ostersund"), []);
        var fredrik = Person("Fredrik Falk", "dataskyddsombud@bracke.example", "0693-161 00", Party("bracke"), ["IT-chef"]);
        var eva = Person("Eva Ek", "dataskyddsombud@regionjh.example", "063-14 75 00", Party("region-jh"), []);
        var greta = Person("Greta Gustafsson", "dataskyddsombud@harjedalen.example", "0680-160 00", Party("harjedalen"), ["Arkivarie"]);
        var helena = Person("Helena Holm", "helena.holm@dataskydd-konsult.example", "070-123 45 67", null, ["Konsult i informationssäkerhet"]);
        // The demo DPOs who have a user of their own are linked to it: one person, one reminder mail.
        var users = await db.Users.AsNoTracking().Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        foreach (var person in new[] { bo, fredrik, eva, greta })
        {
            person.UserId = users.FirstOrDefault(u => u.DisplayName == person.Name)?.Id;
        }

        db.DpoPersons.AddRange(bo, fredrik, eva, greta, helena);
        await db.SaveChangesAsync(ct);

        var plan = new (string Slug, DpoPerson Person, DpoRole Role, int Share, DateOnly Start, DateOnly? End, string ReportsTo, ReportingLevel Level, bool ImyTold, string? Skip)[]
        {
            ("ostersund", bo, DpoRole.Ordinarie, 25, yearStart, null, "Kommunstyrelsen", ReportingLevel.HighestManagement, true, "Kultur- och fritidsnämnden"),
            ("krokom", bo, DpoRole.Ordinarie, 25, today.AddDays(-60), null, "Kommunstyrelsen", ReportingLevel.HighestManagement, false, null),
            ("are", bo, DpoRole.Ordinarie, 25, yearStart, today.AddDays(20), "Kommunstyrelsen", ReportingLevel.HighestManagement, true, null),
            ("berg", bo, DpoRole.Ordinarie, 25, yearStart, null, "Kommunstyrelsen", ReportingLevel.HighestManagement, true, null),
            ("bracke", bo, DpoRole.Ersattare, 10, today.AddDays(7), today.AddDays(97), "Kommunstyrelsen", ReportingLevel.HighestManagement, false, null),
            ("bracke", fredrik, DpoRole.Ordinarie, 30, yearStart.AddYears(-1), null, "Kommunstyrelsen", ReportingLevel.HighestManagement, true, null),
            ("ragunda", fredrik, DpoRole.Ordinarie, 20, yearStart.AddYears(-1), null, "Kommunstyrelsen", ReportingLevel.HighestManagement, true, null),
            ("region-jh", eva, DpoRole.Ordinarie, 80, yearStart.AddYears(-2), null, "Regionstyrelsen", ReportingLevel.HighestManagement, true, null),
            ("harjedalen", greta, DpoRole.Ordinarie, 40, yearStart, null, "Kanslichefen", ReportingLevel.BelowHighestManagement, true, null),
            ("stromsund", helena, DpoRole.Ordinarie, 15, yearStart, null, "Kommunstyrelsen", ReportingLevel.HighestManagement, true, null),
        };

        foreach (var group in plan.Where(p => parties.ContainsKey(p.Slug)).GroupBy(p => p.Slug))
        {
            await partyScope.RunAsync(parties[group.Key].Id, async sp =>
            {
                var partyDb = sp.GetRequiredService<AppDbContext>();
                var controllers = await partyDb.DataControllers.AsNoTracking().Where(c => c.IsActive).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
                foreach (var a in group)
                {
                    partyDb.DpoAllocations.Add(new DpoAllocation
                    {
                        PersonId = a.Person.Id,
                        Role = a.Role,
                        ControllerIds = [.. controllers.Where(c => c.Name != a.Skip).Select(c => c.Id)],
                        SharePercent = a.Share,
                        StartsOn = a.Start,
                        EndsOn = a.End,
                        ReportsTo = a.ReportsTo,
                        ReportingLevel = a.Level,
                        ImyReportedOn = a.ImyTold ? a.Start.AddDays(5) : null,
                        PublicWebPage = a.ImyTold ? $"https://www.{group.Key}.example/dataskyddsombud" : null,
                    });
                }

                var party = await partyDb.Parties.FirstAsync(p => p.Id == parties[group.Key].Id, ct);
                if (group.Key == "ostersund")
                {
                    party.Settings.DpoTargetSharePercent = 50;
                    party.Settings.DpoBudgetNote = "Delad tjänst med Krokom, Åre och Berg enligt samverkansavtalet; 25 % finansieras av kommunstyrelsen.";
                }
                else if (group.Key == "region-jh")
                {
                    party.Settings.DpoTargetSharePercent = 100;
                }

                await partyDb.SaveChangesAsync(ct);
            }, ct);
        }
    }

    private static DpoPerson Person(string name, string email, string phone, Guid? employer, List<string> roles) =>
        new() { Name = name, WorkEmail = email, WorkPhone = phone, EmployingPartyId = employer, OtherRoles = roles };
}
