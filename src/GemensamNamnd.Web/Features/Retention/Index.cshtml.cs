using System.Globalization;
using GemensamNamnd.Domain.Retention;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Breaches;
using GemensamNamnd.Web.Features.Requests;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GemensamNamnd.Web.Features.Retention;

/// <summary>
/// The party's retention (<c>/{tenant}/gallring</c>): the plan, what falls due within the preview window, holds and the
/// log. The DPO and the administrator see it and place holds; the plan and "Gallra nu" are the administrator's.
/// </summary>
[Authorize(Policy = Policies.PartyOversight)]
public sealed class IndexModel(
    AppDbContext db, TenantContext tenant, CurrentUser currentUser, CurrentActor actor, RetentionPlan plan, RetentionRun run,
    IOptions<RetentionOptions> options, TimeProvider clock) : FormPageModel
{
    [TempData] public string? Notice { get; set; }

    [BindProperty] public int? RequestMonths { get; set; }

    [BindProperty] public RetentionAction RequestAction { get; set; }

    [BindProperty] public int? BreachMonths { get; set; }

    [BindProperty] public RetentionAction BreachAction { get; set; }

    [BindProperty] public RetentionRegister HoldRegister { get; set; }

    [BindProperty] public string? HoldCaseNumber { get; set; }

    [BindProperty] public string? HoldReason { get; set; }

    [BindProperty] public Guid? HoldId { get; set; }

    public bool IsAdministrator { get; private set; }

    public int MinimumMonths => options.Value.MinimumMonths;

    public int PreviewDays => options.Value.PreviewDays;

    public DateOnly Today => Swedish.Today(clock);

    public IReadOnlyList<RetentionRule> Rules => plan.Current;

    public List<RetentionCandidate> Preview { get; private set; } = [];

    public List<RetentionHold> Holds { get; private set; } = [];

    public List<RetentionLogEntry> Log { get; private set; } = [];

    public string Slug => tenant.Required.Slug;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var s = tenant.Required.Settings;
        (RequestMonths, RequestAction, BreachMonths, BreachAction) = (s.RequestRetentionMonths, s.RequestRetentionAction, s.BreachRetentionMonths, s.BreachRetentionAction);
        HoldCaseNumber = Request.Query["stoppa"];
        if (Enum.TryParse<RetentionRegister>(Request.Query["register"], out var register))
        {
            HoldRegister = register;
        }

        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostPlanAsync(CancellationToken ct)
    {
        if (!await IsAdministratorAsync(ct))
        {
            return Forbid();
        }

        ModelState.Clear();
        var errors = new Dictionary<string, string[]>();
        if (RetentionRules.WhyNotPeriod(RequestMonths, MinimumMonths) is { } r)
        {
            errors[nameof(RequestMonths)] = [r];
        }

        if (RetentionRules.WhyNotPeriod(BreachMonths, MinimumMonths) is { } b)
        {
            errors[nameof(BreachMonths)] = [b];
        }

        if (!Enum.IsDefined(RequestAction) || RequestAction == RetentionAction.Keep)
        {
            errors[nameof(RequestAction)] = ["Välj om avslutade begäranden gallras eller raderas."];
        }

        if (!Enum.IsDefined(BreachAction) || BreachAction == RetentionAction.Keep)
        {
            errors[nameof(BreachAction)] = ["Välj om avslutade incidenter gallras eller raderas."];
        }

        if (errors.Count > 0)
        {
            AddErrors(errors);
            await LoadAsync(ct);
            return Page();
        }

        // Set field by field: the settings this page does not show keep their values.
        var party = await db.Parties.FirstAsync(p => p.Id == tenant.Required.Id, ct);
        party.Settings.RequestRetentionMonths = RequestMonths!.Value;
        party.Settings.RequestRetentionAction = RequestAction;
        party.Settings.BreachRetentionMonths = BreachMonths!.Value;
        party.Settings.BreachRetentionAction = BreachAction;
        await db.SaveChangesAsync(ct);
        Notice = "Gallringsplanen är sparad.";
        return LocalRedirect($"/{Slug}/gallring");
    }

    public async Task<IActionResult> OnPostHoldAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var errors = new Dictionary<string, string[]>();
        var number = HoldCaseNumber?.Trim();
        Guid? caseId = null;
        if (string.IsNullOrEmpty(number))
        {
            errors[nameof(HoldCaseNumber)] = ["Ange diarienumret på ärendet som inte ska gallras."];
        }
        else
        {
            caseId = HoldRegister switch
            {
                RetentionRegister.Requests => await RequestQueries.IdByCaseNumberAsync(db, number, ct),
                RetentionRegister.Breaches => await BreachQueries.IdByCaseNumberAsync(db, number, ct),
                _ => null,
            };
            if (caseId is null)
            {
                errors[nameof(HoldCaseNumber)] = [$"Det finns inget ärende {number} bland {RegisterWord(HoldRegister)}."];
            }
            else if (await db.RetentionHolds.AnyAsync(h => h.Register == HoldRegister && h.CaseId == caseId, ct))
            {
                errors[nameof(HoldCaseNumber)] = [$"Ärende {number} har redan ett gallringsstopp."];
            }
        }

        if (string.IsNullOrWhiteSpace(HoldReason) || HoldReason.Trim().Length > Limits.Reason)
        {
            errors[nameof(HoldReason)] = ["Ange skälet till gallringsstoppet (t.ex. ett pågående överklagande), högst 1 000 tecken."];
        }

        if (errors.Count > 0)
        {
            AddErrors(errors);
            await LoadAsync(ct);
            return Page();
        }

        db.RetentionHolds.Add(new RetentionHold
        {
            Register = HoldRegister, CaseId = caseId!.Value, CaseNumber = number!, Reason = HoldReason!.Trim(),
            PlacedBy = (await currentUser.GetAsync(ct))?.DisplayName ?? actor.DisplayName, PlacedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        Notice = $"Ärende {number} gallras inte förrän stoppet tas bort.";
        return LocalRedirect($"/{Slug}/gallring");
    }

    public async Task<IActionResult> OnPostReleaseAsync(CancellationToken ct)
    {
        var hold = await db.RetentionHolds.FirstOrDefaultAsync(h => h.Id == HoldId, ct);
        if (hold is null)
        {
            return NotFound();
        }

        db.RetentionHolds.Remove(hold);
        await db.SaveChangesAsync(ct);
        Notice = $"Gallringsstoppet för ärende {hold.CaseNumber} är borttaget.";
        return LocalRedirect($"/{Slug}/gallring");
    }

    /// <summary>"Gallra nu": the same run as the nightly job, as the administrator (who is then in the log).</summary>
    public async Task<IActionResult> OnPostRunAsync(CancellationToken ct)
    {
        if (!await IsAdministratorAsync(ct))
        {
            return Forbid();
        }

        var result = await run.RunAsync(ct);
        Notice = string.Create(CultureInfo.InvariantCulture,
            $"Gallringen är klar: {result.Thinned} gallrade, {result.Deleted} raderade, {result.Held} med gallringsstopp.");
        return LocalRedirect($"/{Slug}/gallring");
    }

    public static string RegisterWord(RetentionRegister register) => register switch
    {
        RetentionRegister.Requests => "begärandena",
        RetentionRegister.Breaches => "incidenterna",
        _ => "uppdragen",
    };

    private async Task<bool> IsAdministratorAsync(CancellationToken ct) =>
        (await currentUser.RolesInAsync(tenant.Required.Id, ct)).Contains(PartyRole.Administrator);

    private async Task LoadAsync(CancellationToken ct)
    {
        IsAdministrator = await IsAdministratorAsync(ct);
        Preview = await plan.DueByAsync(Today.AddDays(PreviewDays), ct);
        Holds = await db.RetentionHolds.AsNoTracking().OrderBy(h => h.PlacedAt).ToListAsync(ct);
        Log = await db.RetentionLog.AsNoTracking().OrderByDescending(l => l.At).ThenBy(l => l.CaseNumber).Take(200).ToListAsync(ct);
    }
}
