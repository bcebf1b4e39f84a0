using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Domain.Identity;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Administration;

[Authorize(Policy = Policies.GlobalAdministrator)]
public sealed class PartyEditModel(AppDbContext db, SaveParty save) : FormPageModel
{
    [FromRoute] public Guid? Id { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Slug { get; set; }
    [BindProperty] public PartyKind Kind { get; set; } = PartyKind.Kommun;
    [BindProperty] public string? OrganisationNumber { get; set; }
    [BindProperty] public string? EntraTenantIds { get; set; }
    [BindProperty] public string? IntakeClientIds { get; set; }
    [BindProperty] public string? CaseNumberPrefix { get; set; } = "KS";
    [BindProperty] public DeadlineClockStart RequestClockStart { get; set; }
    [BindProperty] public bool EvesAreHolidays { get; set; }
    [BindProperty] public int RequestRetentionMonths { get; set; } = 24;
    [BindProperty] public int BreachRetentionMonths { get; set; } = 60;
    [BindProperty] public bool IsActive { get; set; } = true;
    [BindProperty] public string? RequestReminderDays { get; set; } = "7, 2, 0";
    [BindProperty] public int RequestOverdueReminderEveryDays { get; set; } = 7;
    [BindProperty] public int ExtensionNoticeReminderDays { get; set; } = 3;
    [BindProperty] public int IdentityCheckReminderDays { get; set; } = 7;
    [BindProperty] public string? ReminderExtraAddresses { get; set; }
    [BindProperty] public string? MailFrom { get; set; }
    [BindProperty] public string? BreachReminderHours { get; set; } = "24, 48, 66, 72";
    [BindProperty] public int SupplementReminderDays { get; set; } = 3;
    [BindProperty] public int DrillIntervalMonths { get; set; } = Domain.Breaches.DrillRules.DefaultIntervalMonths;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is null)
        {
            return Page();
        }

        var p = await db.Parties.AsNoTracking().FirstOrDefaultAsync(x => x.Id == Id, ct);
        if (p is null)
        {
            return NotFound();
        }

        (Name, Slug, Kind, OrganisationNumber, IsActive) = (p.Name, p.Slug, p.Kind, p.OrganisationNumber, p.IsActive);
        EntraTenantIds = string.Join('\n', p.EntraTenantIds);
        IntakeClientIds = string.Join('\n', p.Settings.IntakeClientIds);
        (CaseNumberPrefix, RequestClockStart, EvesAreHolidays) = (p.Settings.CaseNumberPrefix, p.Settings.RequestClockStart, p.Settings.EvesAreHolidays);
        (RequestRetentionMonths, BreachRetentionMonths) = (p.Settings.RequestRetentionMonths, p.Settings.BreachRetentionMonths);
        RequestReminderDays = string.Join(", ", p.Settings.RequestReminderDays);
        (RequestOverdueReminderEveryDays, ExtensionNoticeReminderDays, IdentityCheckReminderDays) =
            (p.Settings.RequestOverdueReminderEveryDays, p.Settings.ExtensionNoticeReminderDays, p.Settings.IdentityCheckReminderDays);
        (ReminderExtraAddresses, MailFrom) = (string.Join('\n', p.Settings.ReminderExtraAddresses), p.Settings.MailFrom);
        (BreachReminderHours, SupplementReminderDays, DrillIntervalMonths) =
            (string.Join(", ", p.Settings.BreachReminderHours), p.Settings.SupplementReminderDays, p.Settings.DrillIntervalMonths);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Slug = Slug?.Trim();
        var input = new PartyInput(Name, Slug, Kind, OrganisationNumber, EntraTenantIds, IntakeClientIds, CaseNumberPrefix, RequestClockStart,
            EvesAreHolidays, RequestRetentionMonths, BreachRetentionMonths, IsActive, RequestReminderDays, RequestOverdueReminderEveryDays,
            ExtensionNoticeReminderDays, IdentityCheckReminderDays, ReminderExtraAddresses, MailFrom, BreachReminderHours, SupplementReminderDays,
            DrillIntervalMonths);
        if (!ModelState.IsValid)
        {
            // A number that did not bind: show it together with every other error, and save nothing.
            AddErrors(await save.CheckAsync(Id, input, ct));
            return Page();
        }

        return Refusal(await save.SaveAsync(Id, input, ct)) ?? LocalRedirect("/admin");
    }
}
