using GemensamNamnd.Domain.Breaches;
using GemensamNamnd.Web.Features.Breaches;
using GemensamNamnd.Web.Features.Drills;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Data.Seed;

/// <summary>
/// Demo breaches and drills per party, through the real commands so every rule holds: one with the 72-hour clock running,
/// one reported late with reasons and supplemented, one not reportable (closed), one high-risk with the Art. 34 notice.
/// Drills: one a few months ago, except Ragunda, whose last drill is 18 months old (the start page warns).
/// Times are relative to now. Runs once per party (skipped when the party has any breach).
/// </summary>
public static class BreachDemoSeed
{
    public const string PartyWithoutRecentDrill = "ragunda";

    public static async Task EnsureAsync(PartyScope partyScope, IEnumerable<Party> parties, CancellationToken ct)
    {
        foreach (var party in parties)
        {
            await partyScope.RunAsync(party.Id, sp => SeedPartyAsync(sp, party, ct), ct);
        }
    }

    private static async Task SeedPartyAsync(IServiceProvider sp, Party party, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        if (await db.Breaches.AnyAsync(ct))
        {
            return;
        }

        var controllers = await db.DataControllers.Where(c => c.IsActive).OrderBy(c => c.Name).Select(c => c.Id).ToListAsync(ct);
        if (controllers.Count == 0)
        {
            return;
        }

        var save = sp.GetRequiredService<SaveBreach>();
        var change = sp.GetRequiredService<ChangeBreach>();
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        DateTimeOffset Ago(double hours) => now.AddHours(-hours);

        async Task<Breach> Register(string title, double awareHoursAgo, BreachTypes types, BreachCause cause, SubjectGroup group, int count, DataKinds kinds, string description)
        {
            var result = await save.CreateAsync(new BreachInput(
                title, [controllers[Math.Min(1, controllers.Count - 1)]], Ago(awareHoursAgo + 6), Ago(awareHoursAgo + 2), Ago(awareHoursAgo + 1), Ago(awareHoursAgo), Ago(awareHoursAgo - 1),
                "IT-supporten", description, types, cause, "Ärendehanteringssystemet", [new AffectedGroup { Group = group, ApproxCount = count }], kinds, count * 3,
                "Obehöriga kan ha tagit del av uppgifterna.", "Mottagaren ombads radera meddelandet; behörigheter ses över.", "Utbildning i säker e-post.",
                "Registrator", "063-14 30 00, registrator@demo.gemensamnamnd.se"), ct);
            return Ok(result);
        }

        static Breach Ok(CommandResult<Breach> r) => r.Value ?? throw new InvalidOperationException("Demodata: " + string.Join("; ", r.Errors.Select(e => e.Message)));

        // 1. The clock running: registered 20 hours ago, assessed as reportable, not yet reported.
        var running = await Register("E-post med elevlista till fel vårdnadshavare", 20, BreachTypes.Confidentiality, BreachCause.MisdirectedMail,
            SubjectGroup.Pupils, 28, DataKinds.Identification, "En klasslista med elevers namn och kontaktuppgifter skickades till fel vårdnadshavare.");
        Ok(await change.AssessAsync(running.Id, running.Version, new BreachAssessment(RiskLevel.Risk, "Namn och kontaktuppgifter till barn har röjts.", true, null, false, null), ct));

        // 2. Reported late, with reasons, and supplemented.
        var late = await Register("Stulen bärbar dator", 24 * 30, BreachTypes.Confidentiality | BreachTypes.Availability, BreachCause.LostOrStolenDevice,
            SubjectGroup.ClientsOfSocialServices, 140, DataKinds.Identification | DataKinds.PersonalIdentityNumber | DataKinds.Secrecy,
            "En okrypterad bärbar dator med exporterade ärendelistor stals ur en bil.");
        late = Ok(await change.AssessAsync(late.Id, late.Version, new BreachAssessment(RiskLevel.Risk, "Sekretessbelagda uppgifter, men inga känsliga.", true, null, false, null), ct));
        late = Ok(await change.ReportAsync(late.Id, late.Version, late.AwareAt.AddHours(80), "IMY-2026-0001", "Kännedomen kom en fredag; ansvarig chef nåddes först på måndagen.", ct));
        Ok(await change.SupplementAsync(late.Id, late.Version, late.AwareAt.AddDays(10), "Polisanmälan gjord; datorn är inte återfunnen.", ct));

        // 3. Not reportable: documented with reasons and closed.
        var minor = await Register("Brev till fel adress, oöppnat", 24 * 60, BreachTypes.Confidentiality, BreachCause.MisdirectedMail,
            SubjectGroup.Residents, 1, DataKinds.Identification, "Ett beslut skickades till fel adress och kom tillbaka oöppnat.");
        minor = Ok(await change.AssessAsync(minor.Id, minor.Version, new BreachAssessment(RiskLevel.NoRisk, "Brevet kom tillbaka oöppnat.", false, "Ingen obehörig tog del av uppgifterna.", null, null), ct));
        Ok(await change.CloseAsync(minor.Id, minor.Version, ct));

        // 4. High risk: reported in time, the data subjects told by letter (Art. 34).
        var high = await Register("Journaluppgifter publicerade av misstag", 24 * 10, BreachTypes.Confidentiality, BreachCause.PublishedByMistake,
            party.Kind == PartyKind.Region ? SubjectGroup.Patients : SubjectGroup.ClientsOfSocialServices, 35, DataKinds.Health | DataKinds.PersonalIdentityNumber,
            "En fil med hälsouppgifter låg öppet på webbplatsen i två dagar.");
        high = Ok(await change.AssessAsync(high.Id, high.Version, new BreachAssessment(RiskLevel.HighRisk, "Känsliga uppgifter om hälsa, öppet tillgängliga.", true, null, true, null), ct));
        high = Ok(await change.ReportAsync(high.Id, high.Version, high.AwareAt.AddHours(40), "IMY-2026-0002", null, ct));
        Ok(await change.RecordNoticeAsync(high.Id, high.Version, high.AwareAt.AddDays(3), "brev till var och en", ct));

        var held = DateOnly.FromDateTime(now.UtcDateTime).AddMonths(party.Slug == PartyWithoutRecentDrill ? -18 : -3);
        db.Drills.Add(new Drill
        {
            HeldOn = held,
            Scenario = "Felskickat e-postmeddelande med känsliga uppgifter en fredag eftermiddag.",
            Participants = "Dataskyddsombud, registrator, IT-säkerhetssamordnare, förvaltningschef",
            Findings = "Rutinen hittades snabbt, men ingen visste vem som fattar beslut om anmälan en helg.",
            Actions = [new DrillAction { Text = "Utse ersättare för helgbeslut", Done = true }, new DrillAction { Text = "Lägg IMY:s e-tjänst i rutinen", Done = false }],
        });
        await db.SaveChangesAsync(ct);
    }
}
