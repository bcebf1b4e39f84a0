using System.Text;
using GemensamNamnd.Domain.Breaches;
using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Web.Audit;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Dpo;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Breaches;

/// <summary>
/// The report to IMY, in the order of IMY's notification form (Art. 33(3)): printable as a clean page and copyable as
/// text (the same sections, from one source). The notification becomes a public record at IMY, so it carries no
/// personal data of the people affected: the register holds only groups and counts, and free text that looks like a
/// personnummer is refused when saved. The party's contact person and DPO are staff, named as IMY asks.
/// </summary>
[Authorize(Policy = Policies.PartyMember)]
public sealed class ReportModel(AppDbContext db, CurrentParty currentParty, PersonalDataReadLog reads, TimeProvider clock) : PageModel
{
    public sealed record Line(string Label, string Value);

    public sealed record Section(string Heading, IReadOnlyList<Line> Lines);

    public Breach Case { get; private set; } = null!;

    public List<Section> Sections { get; private set; } = [];

    /// <summary>The version of IMY's form the report follows (<see cref="ImyNotificationForm"/>).</summary>
    public ImyFormVersion Form { get; private set; } = ImyNotificationForm.Versions[^1];

    public string Text { get; private set; } = string.Empty;

    public string Slug => currentParty.Required.Slug;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, "Visade anmälan till IMY", ct) ? Page() : NotFound();

    /// <summary>The same report as plain text (UTF-8), for pasting into IMY's e-form.</summary>
    public async Task<IActionResult> OnGetTextAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, "Hämtade anmälan till IMY som text", ct) ? Content(Text, "text/plain; charset=utf-8", Encoding.UTF8) : NotFound();

    private async Task<bool> LoadAsync(Guid id, string purpose, CancellationToken ct)
    {
        var b = await db.Breaches.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (b is null)
        {
            return false;
        }

        await reads.RecordAsync(nameof(Breach), id, purpose, ct);

        Case = b;
        var party = currentParty.Required;
        var controllers = await db.DataControllers.AsNoTracking().Where(c => b.ControllerIds.Contains(c.Id)).OrderBy(c => c.Name)
            .Select(c => new { c.Name, c.OrganisationNumber }).ToListAsync(ct);
        var dpos = await DpoContactsAsync(b.ControllerIds, ct);
        var supplements = await db.BreachSupplements.AsNoTracking().Where(s => s.BreachId == id).OrderBy(s => s.SubmittedAt).ToListAsync(ct);

        string Or(string? value, string none = "Inte angivet") => string.IsNullOrWhiteSpace(value) ? none : value;
        var notice = b.SubjectNoticeSentAt is { } sent
            ? $"Ja, {BreachWords.When(sent)} via {b.SubjectNoticeMethod}"
            : b.SubjectNoticeRequired switch
            {
                true => "Ska informeras; inte gjort ännu",
                false => $"Nej{(b.SubjectNoticeNotRequiredReason is null ? "" : $". Skäl: {b.SubjectNoticeNotRequiredReason}")}",
                null => "Inte beslutat",
            };

        var processor = b.SupplierId is { } sid ? await db.Suppliers.AsNoTracking().Where(s => s.Id == sid).Select(s => s.Name).FirstOrDefaultAsync(ct) : null;
        var values = new Dictionary<ImyField, string>
        {
            [ImyField.Party] = party.Name,
            [ImyField.PartyOrganisationNumber] = Or(party.OrganisationNumber),
            [ImyField.Controllers] = string.Join("; ", controllers.Select(c => c.OrganisationNumber is null ? c.Name : $"{c.Name} ({c.OrganisationNumber})")),
            [ImyField.InternalReference] = b.CaseNumber,
            [ImyField.ContactPerson] = Or(string.Join(", ", new[] { b.ContactName, b.ContactDetails }.OfType<string>())),
            [ImyField.Dpo] = Or(string.Join("; ", dpos)),
            [ImyField.OccurredAt] = b.OccurredFrom is null ? "Okänt" : BreachWords.When(b.OccurredFrom) + (b.OccurredTo is null ? "" : $" – {BreachWords.When(b.OccurredTo)}"),
            [ImyField.DiscoveredAt] = BreachWords.When(b.DiscoveredAt),
            [ImyField.AwareAt] = BreachWords.When(b.AwareAt),
            [ImyField.CeasedAt] = b.CeasedAt is null ? "Pågår eller okänt" : BreachWords.When(b.CeasedAt),
            [ImyField.ReportedAt] = b.ReportedAt is { } r ? BreachWords.When(r) : "Inte lämnad ännu",
            [ImyField.LateReason] = b.ReportedAt is { } r2 && BreachClock.IsLate(b.AwareAt, r2) ? Or(b.LateReason)
                : b.ReportedAt is null && BreachClock.StateAt(b.AwareAt, b.Reportable, null, clock.GetUtcNow()) == BreachClockState.Overdue ? "Fristen har passerats: ange skälen när anmälan registreras" : "Ej tillämpligt",
            [ImyField.Types] = b.Types.SwedishList(),
            [ImyField.Cause] = b.Cause.Swedish(),
            [ImyField.Description] = b.Description,
            [ImyField.Systems] = Or(b.Systems),
            [ImyField.Processor] = processor ?? "Inget angivet",
            [ImyField.Groups] = BreachWords.Groups(b.Groups),
            [ImyField.TotalSubjects] = b.Groups.Any(g => g.ApproxCount is not null) ? BreachWords.Count(b.Groups.Sum(g => g.ApproxCount ?? 0)) : "Okänt",
            [ImyField.DataKinds] = BreachWords.Kinds(b.DataKinds),
            [ImyField.SpecialCategories] = b.DataKinds.HasFlag(DataKinds.Health) || b.DataKinds.HasFlag(DataKinds.OtherSpecialCategory) ? "Ja" : "Nej",
            [ImyField.CriminalOffences] = b.DataKinds.HasFlag(DataKinds.CriminalOffence) ? "Ja" : "Nej",
            [ImyField.PersonalIdentityNumbers] = b.DataKinds.HasFlag(DataKinds.PersonalIdentityNumber) ? "Ja" : "Nej",
            [ImyField.SecrecyData] = b.DataKinds.HasFlag(DataKinds.Secrecy) ? "Ja" : "Nej",
            [ImyField.ApproxRecords] = BreachWords.Count(b.ApproxRecords),
            [ImyField.Consequences] = Or(b.Consequences),
            [ImyField.Severity] = BreachWords.Risk(b.Risk),
            [ImyField.SeverityReasoning] = Or(b.RiskReasoning),
            [ImyField.MeasuresTaken] = Or(b.MeasuresTaken),
            [ImyField.MeasuresProposed] = Or(b.MeasuresProposed),
            [ImyField.SubjectsInformed] = notice,
            [ImyField.CrossBorder] = BreachWords.YesNo(b.CrossBorder),
        };

        // The form as it was when the notification was sent, or as it is today.
        Form = ImyNotificationForm.For(Swedish.Date(b.ReportedAt ?? clock.GetUtcNow()));
        Sections = [.. Form.Sections.Select(s => new Section(s.Heading, [.. s.Questions.Select(q => new Line(q.Label, values[q.Field]))]))];
        if (supplements.Count > 0 || b.SupplementDueOn is not null)
        {
            var lines = supplements.Select((s, i) => new Line($"Komplettering {i + 1}, {BreachWords.When(s.SubmittedAt)}", s.Text)).ToList();
            if (b.ImyReference is not null)
            {
                lines.Insert(0, new Line("IMY:s diarienummer", b.ImyReference));
            }

            if (supplements.Count == 0 && b.SupplementDueOn is { } due)
            {
                lines.Add(new Line("Första komplettering senast", SwedishDates.Long(due)));
            }

            Sections.Add(new($"{Form.Sections.Count + 1}. Kompletteringar (art. 33.4)", lines));
        }

        var text = new StringBuilder();
        text.AppendLine(Swedish.Culture, $"Anmälan av personuppgiftsincident – {party.Name}, {b.CaseNumber}");
        text.AppendLine(Swedish.Culture, $"Enligt {Form.Name}");
        foreach (var section in Sections)
        {
            text.AppendLine().AppendLine(section.Heading);
            foreach (var line in section.Lines)
            {
                text.AppendLine(Swedish.Culture, $"{line.Label}: {line.Value}");
            }
        }

        Text = text.ToString();
        return true;
    }

    /// <summary>
    /// The DPO contact for IMY's form (Art. 33(3)(b)), from the DPO register: the ordinary DPOs serving the breach's
    /// controllers today, or, when none is allocated to them, every DPO serving the party today.
    /// </summary>
    private async Task<List<string>> DpoContactsAsync(IReadOnlyCollection<Guid> controllerIds, CancellationToken ct)
    {
        var today = Swedish.Today(clock);
        var serving = await db.DpoAllocations.AsNoTracking().ServingOn(today)
            .Join(db.DpoPersons.AsNoTracking(), a => a.PersonId, p => p.Id, (a, p) => new { a.Role, a.ControllerIds, p.Name, p.WorkEmail, p.WorkPhone })
            .ToListAsync(ct);
        var forBreach = serving.Where(a => a.Role == Domain.Dpo.DpoRole.Ordinarie && a.ControllerIds.Intersect(controllerIds).Any()).ToList();
        return [.. (forBreach.Count > 0 ? forBreach : serving)
            .Select(a => string.Join(", ", new[] { a.Name, a.WorkEmail, a.WorkPhone }.Where(x => !string.IsNullOrWhiteSpace(x))))
            .Distinct()
            .Order(StringComparer.Create(Swedish.Culture, false))];
    }
}
