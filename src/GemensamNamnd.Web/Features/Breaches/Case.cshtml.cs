using GemensamNamnd.Domain.Breaches;
using GemensamNamnd.Web.Audit;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Breaches;

/// <summary>
/// One breach: the 72-hour clock in Swedish time, the facts, the assessment, the report and its supplements, the
/// timeline. Officers move it on through plain POST forms that carry the version they read; <see cref="ChangeBreach"/>
/// holds the rules. Administrators only read.
/// </summary>
[Authorize(Policy = Policies.PartyMember)]
public sealed class CaseModel(
    AppDbContext db,
    CurrentParty currentParty,
    PersonalDataReadLog reads,
    ChangeBreach change,
    AssignBreachHandler handlers,
    IAuthorizationService authorization,
    TimeProvider clock) : FormPageModel
{
    [BindProperty] public Guid? Version { get; set; }

    [BindProperty] public RiskLevel? Risk { get; set; }

    [BindProperty] public string? RiskReasoning { get; set; }

    [BindProperty] public bool? Reportable { get; set; }

    [BindProperty] public string? NotReportableReason { get; set; }

    [BindProperty] public bool? SubjectNoticeRequired { get; set; }

    [BindProperty] public string? SubjectNoticeNotRequiredReason { get; set; }

    [BindProperty] public string? ReportedDate { get; set; }

    [BindProperty] public string? ReportedTime { get; set; }

    [BindProperty] public string? ImyReference { get; set; }

    [BindProperty] public string? LateReason { get; set; }

    [BindProperty] public string? CorrectedAwareDate { get; set; }

    [BindProperty] public string? CorrectedAwareTime { get; set; }

    [BindProperty] public string? CorrectionReason { get; set; }

    [BindProperty] public string? SupplementDate { get; set; }

    [BindProperty] public string? SupplementTime { get; set; }

    [BindProperty] public string? SupplementText { get; set; }

    [BindProperty] public string? NoticeDate { get; set; }

    [BindProperty] public string? NoticeTime { get; set; }

    [BindProperty] public string? NoticeMethod { get; set; }

    [BindProperty] public Guid? HandlerId { get; set; }

    /// <summary>The cybersecurity act's step being recorded as sent (Registrera skickad).</summary>
    [BindProperty] public Domain.Deadlines.CybersecurityStep? CyberStep { get; set; }

    [BindProperty] public string? CyberDate { get; set; }

    [BindProperty] public string? CyberTime { get; set; }

    [BindProperty] public string? LessonsLearned { get; set; }

    /// <summary>The assigned handler's name, or null when none is assigned.</summary>
    public string? HandlerName { get; private set; }

    /// <summary>Those the breach can be assigned to (for officers).</summary>
    public List<(Guid Id, string Name)> Handlers { get; private set; } = [];

    public Breach Case { get; private set; } = null!;

    public List<string> ControllerNames { get; private set; } = [];

    public List<BreachSupplement> Supplements { get; private set; } = [];

    public List<BreachEvent> Events { get; private set; } = [];

    public bool MayChange { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public string? Notice { get; private set; }

    /// <summary>The processor involved, by name; null when none is recorded.</summary>
    public string? SupplierName { get; private set; }

    public string Slug => currentParty.Required.Slug;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostAssessAsync(Guid id, CancellationToken ct) =>
        ChangeAsync(id, [], v => change.AssessAsync(id, v, new BreachAssessment(Risk, RiskReasoning, Reportable, NotReportableReason, SubjectNoticeRequired, SubjectNoticeNotRequiredReason), ct),
            b => b.Reportable == true
                ? $"Bedömningen är sparad. Anmäl till IMY senast {BreachWords.When(b.ImyDeadlineAt)}."
                : "Bedömningen är sparad. Incidenten anmäls inte; skälen är dokumenterade (art. 33.5).", ct);

    public Task<IActionResult> OnPostReportAsync(Guid id, CancellationToken ct) =>
        ChangeAsync(id, At("ReportedAt", ReportedDate, ReportedTime, out var at), v => change.ReportAsync(id, v, at, ImyReference, LateReason, ct),
            b => $"Anmälan till IMY är registrerad. Första kompletteringen ska lämnas senast {Domain.Deadlines.SwedishDates.Long(b.SupplementDueOn!.Value)}.", ct);

    public Task<IActionResult> OnPostCorrectAwarenessAsync(Guid id, CancellationToken ct) =>
        ChangeAsync(id, At("AwareAt", CorrectedAwareDate, CorrectedAwareTime, out var at), v => change.CorrectAwarenessAsync(id, v, at, CorrectionReason, LateReason, ct),
            b => $"Tidpunkten för kännedom är rättad. Den tidigare, {BreachWords.When(b.AwareAtAsReported)}, står kvar i händelseloggen.", ct);

    public Task<IActionResult> OnPostSupplementAsync(Guid id, CancellationToken ct) =>
        ChangeAsync(id, At("SubmittedAt", SupplementDate, SupplementTime, out var at), v => change.SupplementAsync(id, v, at, SupplementText, ct),
            _ => "Kompletteringen är registrerad.", ct);

    public Task<IActionResult> OnPostNoticeAsync(Guid id, CancellationToken ct) =>
        ChangeAsync(id, At("NoticeSentAt", NoticeDate, NoticeTime, out var at), v => change.RecordNoticeAsync(id, v, at, NoticeMethod, ct),
            _ => "Informationen till de registrerade är registrerad (art. 34).", ct);

    public Task<IActionResult> OnPostCybersecurityAsync(Guid id, CancellationToken ct)
    {
        var missing = At("SentAt", CyberDate, CyberTime, out var at);
        if (CyberStep is null || !Enum.IsDefined(CyberStep.Value))
        {
            missing.Add(new Error("CyberStep", "Välj vilken rapport som skickades."));
        }

        return ChangeAsync(id, missing, v => change.RecordCybersecuritySentAsync(id, v, CyberStep!.Value, at, ct),
            _ => $"{CyberStep!.Value.Swedish()} är registrerad som skickad.", ct);
    }

    public Task<IActionResult> OnPostAssignHandlerAsync(Guid id, CancellationToken ct) =>
        ChangeAsync(id, [], v => handlers.RunAsync(id, v, HandlerId, ct),
            b => b.HandlerId is null ? "Incidenten har ingen tilldelad handläggare." : "Handläggaren är tilldelad.", ct);

    /// <summary>The confirmation asked before closing (<see cref="Confirmation"/>); null when none is asked.</summary>
    public Confirmation? Confirm { get; private set; }

    /// <summary>Avsluta incidenten: asked first, stating the consequence (<see cref="Confirmation"/>); only the confirmed post closes.</summary>
    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct)
    {
        if (Confirmation.IsConfirmed(Request))
        {
            return await ChangeAsync(id, [], v => change.CloseAsync(id, v, LessonsLearned, ct), _ => "Incidenten är avslutad.", ct);
        }

        if (!await db.Breaches.AnyAsync(b => b.Id == id, ct))
        {
            return NotFound();
        }

        if (!await MayChangeAsync())
        {
            return Forbid();
        }

        ModelState.Clear();
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Confirm = new Confirmation("Close", $"Avsluta incidenten {Case.CaseNumber}?",
            "Incidenten avslutas: därefter kan ingen bedömning, anmälan till IMY, komplettering eller information till de registrerade registreras i ärendet, och inga fler påminnelser skickas. Det går inte att ångra.",
            "Ja, avsluta incidenten", [new("Version", Version?.ToString()), new("LessonsLearned", LessonsLearned)]);
        return Page();
    }

    /// <summary>The form field an error belongs to.</summary>
    public static string FieldId(string key) => key switch
    {
        "ReportedAt" => nameof(ReportedDate),
        "SubmittedAt" => nameof(SupplementDate),
        "NoticeSentAt" => nameof(NoticeDate),
        "AwareAt" => nameof(CorrectedAwareDate),
        "Reason" => nameof(CorrectionReason),
        "SentAt" or "Step" or "SignificantIncident" => nameof(CyberDate),
        _ => key,
    };

    /// <summary>The form's date and time as an instant, or the error for <paramref name="field"/> when they do not parse.</summary>
    private static List<Error> At(string field, string? date, string? time, out DateTimeOffset? at)
    {
        at = BreachWords.FromForm(date, time, out var ok);
        return ok ? [] : [new Error(field, "Skriv datum som ÅÅÅÅ-MM-DD och klockslag som TT:MM.")];
    }

    private async Task<IActionResult> ChangeAsync(
        Guid id, List<Error> missing, Func<Guid, Task<CommandResult<Breach>>> run, Func<Breach, string> notice, CancellationToken ct)
    {
        if (!await db.Breaches.AnyAsync(b => b.Id == id, ct))
        {
            return NotFound();
        }

        if (!await MayChangeAsync())
        {
            return Forbid();
        }

        ModelState.Clear();
        if (Version is null)
        {
            // The form always carries the version it showed: without it the page is stale.
            missing.Add(new Error("Version", CommandMessages.Conflict));
        }

        var result = missing.Count > 0 ? CommandResult<Breach>.Invalid(missing) : await run(Version!.Value);
        if (result.Ok)
        {
            TempData[EditModel.NoticeKey] = notice(result.Value!);
            return LocalRedirect($"/{Slug}/incidenter/{id}");
        }

        if (result.Status == CommandStatus.NotFound || !await LoadAsync(id, ct))
        {
            return NotFound();
        }

        return Refusal(result.MapFields(FieldId))!;
    }

    private async Task<bool> MayChangeAsync() => (await authorization.AuthorizeAsync(User, Policies.PartyOfficer)).Succeeded;

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var b = await db.Breaches.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (b is null)
        {
            return false;
        }

        await reads.RecordAsync(nameof(Breach), id, "Visade incidenten", ct);
        Case = b;
        Now = clock.GetUtcNow();
        ControllerNames = await db.DataControllers.AsNoTracking().Where(c => b.ControllerIds.Contains(c.Id)).OrderBy(c => c.Name).Select(c => c.Name).ToListAsync(ct);
        Supplements = await db.BreachSupplements.AsNoTracking().Where(s => s.BreachId == id).OrderBy(s => s.SubmittedAt).ToListAsync(ct);
        Events = await db.BreachEvents.AsNoTracking().Where(e => e.BreachId == id).OrderByDescending(e => e.At).ThenByDescending(e => e.Id).ToListAsync(ct);
        MayChange = await MayChangeAsync();
        HandlerName = b.HandlerId is { } handlerId
            ? await db.Users.AsNoTracking().Where(u => u.Id == handlerId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct)
            : null;
        if (MayChange && !BreachStatusRules.IsClosed(b.Status))
        {
            Handlers = await handlers.CandidatesAsync(ct);
        }

        // The forms start from what is recorded, or now.
        var (date, time) = BreachWords.ToForm(Now);
        var assessing = Request.HasFormContentType && Request.Query["handler"] == "Assess";
        if (!assessing)
        {
            (Risk, RiskReasoning, Reportable, NotReportableReason, SubjectNoticeRequired, SubjectNoticeNotRequiredReason) =
                (b.Risk, b.RiskReasoning, b.Reportable, b.NotReportableReason, b.SubjectNoticeRequired, b.SubjectNoticeNotRequiredReason);
        }

        ReportedDate ??= date;
        ReportedTime ??= time;
        SupplementDate ??= date;
        SupplementTime ??= time;
        NoticeDate ??= date;
        NoticeTime ??= time;
        CyberDate ??= date;
        CyberTime ??= time;
        SupplierName = b.SupplierId is { } supplierId
            ? await db.Suppliers.AsNoTracking().Where(s => s.Id == supplierId).Select(s => s.Name).FirstOrDefaultAsync(ct)
            : null;
        Notice = TempData[EditModel.NoticeKey] as string;
        return true;
    }
}
