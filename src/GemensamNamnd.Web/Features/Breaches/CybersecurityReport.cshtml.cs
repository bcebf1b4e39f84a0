using GemensamNamnd.Domain.Breaches;
using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Web.Audit;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Breaches;

/// <summary>
/// A printable report per step under the cybersecurity act (cybersäkerhetslagen 2025:1506, 2 kap.; NIS2 Art. 23(4)):
/// the early warning (a–: suspected unlawful or malicious act, possible cross-border impact), the incident notification
/// (b: update, initial assessment of severity and impact, indicators of compromise) and the final report (d: detailed
/// description, type of threat or root cause, mitigation, cross-border impact), in that order. No personal data of the
/// people affected: the register holds groups and counts only. The CSIRT unit's own form may ask in another order; the
/// content follows the directive, as the ordinance's form was not verified here.
/// </summary>
[Authorize(Policy = Policies.PartyMember)]
public sealed class CybersecurityReportModel(AppDbContext db, CurrentParty currentParty, PersonalDataReadLog reads) : PageModel
{
    public Breach Case { get; private set; } = null!;

    public CybersecurityStep Step { get; private set; }

    public List<ReportModel.Line> Lines { get; private set; } = [];

    public string Slug => currentParty.Required.Slug;

    public async Task<IActionResult> OnGetAsync(Guid id, string step, CancellationToken ct)
    {
        var b = await db.Breaches.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (b is null || !b.SignificantIncident || CybersecurityRules.FromSlug(step) is not { } known)
        {
            return NotFound();
        }

        await reads.RecordAsync(nameof(Breach), id, $"Visade {known.Swedish().ToLowerInvariant()} enligt cybersäkerhetslagen", ct);
        (Case, Step) = (b, known);
        var party = currentParty.Required;
        var due = CybersecurityClock.Due(known, b.AwareAt, b.NotificationSentAt, Infrastructure.Swedish.TimeZone);
        Lines =
        [
            new("Verksamhetsutövare", party.Name),
            new("Vår referens", b.CaseNumber),
            new("Tidpunkt då vi fick kännedom", BreachWords.When(b.AwareAt)),
            new("Ska lämnas senast", due is { } d ? BreachWords.When(d) : "en månad efter incidentanmälan"),
        ];
        var suspected = b.Cause == BreachCause.HackingOrMalware ? "Ja, misstänks (intrång eller skadlig kod)" : "Inte angivet";
        var crossBorder = BreachWords.YesNo(b.CrossBorder);
        switch (known)
        {
            case CybersecurityStep.EarlyWarning:
                Lines.Add(new("Misstänks incidenten vara orsakad av en olaglig eller avsiktlig handling?", suspected));
                Lines.Add(new("Kan incidenten få gränsöverskridande påverkan?", crossBorder));
                Lines.Add(new("Kort beskrivning", b.Description));
                break;
            case CybersecurityStep.Notification:
                Lines.Add(new("Tidig varning lämnad", b.EarlyWarningSentAt is { } e ? BreachWords.When(e) : "inte ännu"));
                Lines.Add(new("Första bedömning av allvarlighetsgrad", BreachWords.Risk(b.Risk)));
                Lines.Add(new("Påverkan", $"{b.Types.SwedishList()}. {b.Consequences ?? "Konsekvenser inte angivna."}"));
                Lines.Add(new("Berörda system", b.Systems ?? "inte angivet"));
                Lines.Add(new("Angreppsindikatorer", "Fylls i av parten (registret håller inga tekniska indikatorer)."));
                Lines.Add(new("Misstänkt olaglig eller avsiktlig handling", suspected));
                Lines.Add(new("Gränsöverskridande påverkan", crossBorder));
                break;
            default:
                Lines.Add(new("Incidentanmälan lämnad", b.NotificationSentAt is { } n ? BreachWords.When(n) : "inte ännu"));
                Lines.Add(new("Utförlig beskrivning, allvarlighetsgrad och konsekvenser", $"{b.Description} {BreachWords.Risk(b.Risk)}. {b.Consequences}".Trim()));
                Lines.Add(new("Typ av hot eller grundorsak", b.Cause.Swedish()));
                Lines.Add(new("Tillämpade och pågående åtgärder", $"{b.MeasuresTaken ?? "inte angivet"} {b.MeasuresProposed}".Trim()));
                Lines.Add(new("Gränsöverskridande påverkan", crossBorder));
                break;
        }

        return Page();
    }
}
