using System.Globalization;
using GemensamNamnd.Domain.Retention;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Breaches;
using GemensamNamnd.Web.Features.Requests;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GemensamNamnd.Web.Features.Retention;

/// <summary>
/// The party's retention (<c>/{party}/gallring</c>): the plan, what falls due within the preview window, holds and the
/// log. The DPO and the administrator see it and place holds; the plan and "Gallra nu" are the administrator's.
/// </summary>
[Authorize(Policy = Policies.PartyOversight)]
public sealed class IndexModel(
    AppDbContext db, CurrentParty currentParty, IAuthorizationService authorization, RetentionPlan plan, RetentionRun run,
    SaveRetentionPlan savePlan, PlaceRetentionHold placeHold, ReleaseRetentionHold releaseHold,
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

    public string Slug => currentParty.Required.Slug;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var s = currentParty.Required.Settings;
        (RequestMonths, RequestAction, BreachMonths, BreachAction) = (s.RequestRetentionMonths, s.RequestRetentionAction, s.BreachRetentionMonths, s.BreachRetentionAction);
        HoldCaseNumber = Request.Query["stoppa"];
        if (FormValues.Choice<RetentionRegister>(Request.Query["register"].ToString()) is { } register)
        {
            HoldRegister = register;
        }

        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostPlanAsync(CancellationToken ct)
    {
        if (!await IsAdministratorAsync())
        {
            return Forbid();
        }

        ModelState.Clear();
        var result = await savePlan.SaveAsync(RequestMonths, RequestAction, BreachMonths, BreachAction, ct);
        if (!result.Ok)
        {
            await LoadAsync(ct);
            return Refusal(result)!;
        }

        Notice = "Gallringsplanen är sparad.";
        return LocalRedirect($"/{Slug}/gallring");
    }

    public async Task<IActionResult> OnPostHoldAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var result = await placeHold.PlaceAsync(HoldRegister, HoldCaseNumber, HoldReason, ct);
        if (!result.Ok)
        {
            await LoadAsync(ct);
            return Refusal(result)!;
        }

        Notice = $"Ärende {result.Value!.CaseNumber} gallras inte förrän stoppet tas bort.";
        return LocalRedirect($"/{Slug}/gallring");
    }

    public async Task<IActionResult> OnPostReleaseAsync(CancellationToken ct)
    {
        var result = await releaseHold.ReleaseAsync(HoldId, ct);
        if (!result.Ok)
        {
            return NotFound();
        }

        Notice = $"Gallringsstoppet för ärende {result.Value!.CaseNumber} är borttaget.";
        return LocalRedirect($"/{Slug}/gallring");
    }

    /// <summary>The confirmation asked before "Gallra nu" (<see cref="Confirmation"/>); null when none is asked.</summary>
    public Confirmation? Confirm { get; private set; }

    /// <summary>
    /// "Gallra nu": the same run as the nightly job, as the administrator (who is then in the log). Asked first with the
    /// count of what falls due today (<see cref="Confirmation"/>); only the confirmed post runs.
    /// </summary>
    public async Task<IActionResult> OnPostRunAsync(CancellationToken ct)
    {
        if (!await IsAdministratorAsync())
        {
            return Forbid();
        }

        if (!Confirmation.IsConfirmed(Request))
        {
            ModelState.Clear();
            await LoadAsync(ct);
            var due = (await plan.DueByAsync(Today, ct)).Where(c => !c.Held).ToList();
            var thinned = due.Count(c => c.Rule.Action == RetentionAction.Thin);
            var deleted = due.Count(c => c.Rule.Action == RetentionAction.Delete);
            Confirm = new Confirmation("Run", "Gallra nu?",
                due.Count == 0
                    ? "Inget ärende har förfallit till gallring i dag: körningen ändrar ingenting."
                    : $"{Swedish.Count(due.Count, "ärende", "ärenden")} gallras ({thinned} rensas på personuppgifter, {deleted} raderas helt). Det går inte att ångra.",
                due.Count == 0 ? "Ja, kör gallringen" : $"Ja, gallra {Swedish.Count(due.Count, "ärende", "ärenden")}", []);
            return Page();
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

    private async Task<bool> IsAdministratorAsync() => (await authorization.AuthorizeAsync(User, Policies.PartyAdministrator)).Succeeded;

    private async Task LoadAsync(CancellationToken ct)
    {
        IsAdministrator = await IsAdministratorAsync();
        Preview = await plan.DueByAsync(Today.AddDays(PreviewDays), ct);
        Holds = await db.RetentionHolds.AsNoTracking().OrderBy(h => h.PlacedAt).ToListAsync(ct);
        Log = await db.RetentionLog.AsNoTracking().OrderByDescending(l => l.At).ThenBy(l => l.CaseNumber).Take(200).ToListAsync(ct);
    }
}
