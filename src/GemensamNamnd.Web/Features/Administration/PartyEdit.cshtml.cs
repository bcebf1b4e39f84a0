using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Domain.Identity;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Administration;

[Authorize(Policy = Policies.GlobalAdministrator)]
public sealed class PartyEditModel(AppDbContext db, Microsoft.Extensions.Options.IOptions<Retention.RetentionOptions> retention) : FormPageModel
{
    /// <summary>First path segments the application itself uses; a party slug may not shadow them.</summary>
    public static readonly IReadOnlySet<string> ReservedSlugs = new HashSet<string>(StringComparer.Ordinal)
    {
        "admin", "api", "tidsfrister", "logga-in", "logga-ut", "demo", "fel", "health", "openapi", "byt-part", "hangfire", "mina-paminnelser", "css", "js", "lib", "favicon.ico",
        "dataskyddsombud", "mognad",
    };

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
        var tids = new List<Guid>();
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > Limits.Name)
        {
            errors[nameof(Name)] = ["Ange partens namn (högst 200 tecken)."];
        }

        Slug = Slug?.Trim();
        if (Slug is null || !TenantResolutionMiddleware.SlugPattern().IsMatch(Slug) || ReservedSlugs.Contains(Slug))
        {
            errors[nameof(Slug)] = ["Adressen får bara innehålla a–z, 0–9 och bindestreck (högst 40 tecken) och får inte vara ett reserverat ord."];
        }
        else if (await db.Parties.AnyAsync(p => p.Slug == Slug && p.Id != Id, ct))
        {
            errors[nameof(Slug)] = ["Adressen används redan av en annan part."];
        }

        if (!string.IsNullOrWhiteSpace(OrganisationNumber) && !Domain.Identity.OrganisationNumber.IsValid(OrganisationNumber.Trim()))
        {
            errors[nameof(OrganisationNumber)] = ["Organisationsnumret är inte giltigt. Skriv det som NNNNNN-NNNN."];
        }

        foreach (var line in (EntraTenantIds ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Guid.TryParse(line, out var tid))
            {
                tids.Add(tid);
            }
            else
            {
                errors[nameof(EntraTenantIds)] = [$"”{line}” är inte ett giltigt klient-id (GUID)."];
            }
        }

        var intakeClients = new List<Guid>();
        foreach (var line in (IntakeClientIds ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Guid.TryParse(line, out var client))
            {
                intakeClients.Add(client);
            }
            else
            {
                errors[nameof(IntakeClientIds)] = [$"”{line}” är inte ett giltigt klient-id (GUID)."];
            }
        }

        // One e-tjänst registers at one party only: a client id mapped twice would let it choose.
        var mappedElsewhere = (await db.Parties.AsNoTracking().Where(p => p.Id != Id).Select(p => new { p.Name, p.Settings }).ToListAsync(ct))
            .FirstOrDefault(p => p.Settings.IntakeClientIds.Intersect(intakeClients).Any());
        if (mappedElsewhere is not null)
        {
            errors[nameof(IntakeClientIds)] = [$"En av e-tjänsterna är redan kopplad till {mappedElsewhere.Name}. En e-tjänst kan bara kopplas till en part."];
        }

        if (string.IsNullOrWhiteSpace(CaseNumberPrefix) || CaseNumberPrefix.Trim().Length > 20)
        {
            errors[nameof(CaseNumberPrefix)] = ["Ange ett prefix för diarienummer (högst 20 tecken)."];
        }

        // The same minimum as the party's own retention page (Retention:MinimumMonths).
        if (GemensamNamnd.Domain.Retention.RetentionRules.WhyNotPeriod(RequestRetentionMonths, retention.Value.MinimumMonths) is { } requestWhy)
        {
            errors[nameof(RequestRetentionMonths)] = [requestWhy];
        }

        if (GemensamNamnd.Domain.Retention.RetentionRules.WhyNotPeriod(BreachRetentionMonths, retention.Value.MinimumMonths) is { } breachWhy)
        {
            errors[nameof(BreachRetentionMonths)] = [breachWhy];
        }

        var reminders = Reminders.ReminderSettingsInput.Parse(RequestReminderDays, RequestOverdueReminderEveryDays, ExtensionNoticeReminderDays,
            IdentityCheckReminderDays, ReminderExtraAddresses, MailFrom, errors);
        var breachHours = Reminders.ReminderSettingsInput.ParseBreachHours(BreachReminderHours, errors);
        if (SupplementReminderDays is < 0 or > 27)
        {
            errors[nameof(SupplementReminderDays)] = ["Ange 0–27 dagar (kompletteringen ska in inom fyra veckor)."];
        }

        if (DrillIntervalMonths is < 1 or > 60)
        {
            errors[nameof(DrillIntervalMonths)] = ["Ange hur ofta incidentrutinen ska övas i hela månader, 1–60."];
        }

        AddErrors(errors);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var party = Id is null ? null : await db.Parties.FirstOrDefaultAsync(p => p.Id == Id, ct);
        if (Id is not null && party is null)
        {
            return NotFound();
        }

        party ??= db.Parties.Add(new Party { Name = string.Empty, Slug = string.Empty }).Entity;
        party.Name = Name!.Trim();
        party.Slug = Slug!;
        party.Kind = Kind;
        party.OrganisationNumber = string.IsNullOrWhiteSpace(OrganisationNumber) ? null : OrganisationNumber.Trim();
        party.EntraTenantIds = tids.Distinct().ToList();
        party.IsActive = IsActive;
        // Set field by field: settings this form does not show keep their values.
        party.Settings.CaseNumberPrefix = CaseNumberPrefix!.Trim();
        party.Settings.RequestClockStart = RequestClockStart;
        party.Settings.EvesAreHolidays = EvesAreHolidays;
        party.Settings.RequestRetentionMonths = RequestRetentionMonths;
        party.Settings.BreachRetentionMonths = BreachRetentionMonths;
        party.Settings.IntakeClientIds = intakeClients.Distinct().ToList();
        party.Settings.RequestReminderDays = reminders.RequestReminderDays;
        party.Settings.RequestOverdueReminderEveryDays = RequestOverdueReminderEveryDays;
        party.Settings.ExtensionNoticeReminderDays = ExtensionNoticeReminderDays;
        party.Settings.IdentityCheckReminderDays = IdentityCheckReminderDays;
        party.Settings.ReminderExtraAddresses = reminders.ExtraAddresses;
        party.Settings.MailFrom = reminders.MailFrom;
        party.Settings.BreachReminderHours = breachHours;
        party.Settings.SupplementReminderDays = SupplementReminderDays;
        party.Settings.DrillIntervalMonths = DrillIntervalMonths;
        await db.SaveChangesAsync(ct);
        return LocalRedirect("/admin");
    }
}
