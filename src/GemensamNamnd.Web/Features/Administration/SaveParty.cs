using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Domain.Identity;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GemensamNamnd.Web.Features.Administration;

/// <summary>A party as the administration form sends it: the lists as typed (one per line, or comma-separated numbers).</summary>
public sealed record PartyInput(
    string? Name,
    string? Slug,
    PartyKind Kind,
    string? OrganisationNumber,
    string? EntraTenantIds,
    string? IntakeClientIds,
    string? CaseNumberPrefix,
    DeadlineClockStart RequestClockStart,
    bool EvesAreHolidays,
    int RequestRetentionMonths,
    int BreachRetentionMonths,
    bool IsActive,
    string? RequestReminderDays,
    int RequestOverdueReminderEveryDays,
    int ExtensionNoticeReminderDays,
    int IdentityCheckReminderDays,
    string? ReminderExtraAddresses,
    string? MailFrom,
    string? BreachReminderHours,
    int SupplementReminderDays,
    int DrillIntervalMonths);

/// <summary>
/// Creates (<c>id</c> null) or changes a party (global administrators): validates every field at once, then sets the
/// settings field by field, so the settings the form does not show keep their values.
/// </summary>
public sealed class SaveParty(AppDbContext db, IOptions<Retention.RetentionOptions> retention)
{
    /// <summary>First path segments the application itself uses; a party slug may not shadow them.</summary>
    public static readonly IReadOnlySet<string> ReservedSlugs = new HashSet<string>(StringComparer.Ordinal)
    {
        "admin", "api", "tidsfrister", "logga-in", "logga-ut", "demo", "fel", "health", "openapi", "byt-part", "hangfire", "mina-paminnelser", "css", "js", "lib", "favicon.ico",
        "dataskyddsombud", "mognad", "att-gora", "kalender",
    };

    /// <summary>Every error of the input, without saving (a form with binding errors of its own shows them all at once).</summary>
    public async Task<List<Error>> CheckAsync(Guid? id, PartyInput input, CancellationToken ct) => (await ValidateAsync(id, input, ct)).Errors.ToErrors();

    public async Task<CommandResult<Party>> SaveAsync(Guid? id, PartyInput input, CancellationToken ct)
    {
        var (errors, parsed) = await ValidateAsync(id, input, ct);
        if (CommandResult.RefuseIfAny<Party>(errors.ToErrors()) is { } refused)
        {
            return refused;
        }

        var party = id is null ? null : await db.Parties.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (id is not null && party is null)
        {
            return CommandResult<Party>.NotFound();
        }

        party ??= db.Parties.Add(new Party { Name = string.Empty, Slug = string.Empty }).Entity;
        party.Name = input.Name!.Trim();
        party.Slug = input.Slug!.Trim();
        party.Kind = input.Kind;
        party.OrganisationNumber = string.IsNullOrWhiteSpace(input.OrganisationNumber) ? null : input.OrganisationNumber.Trim();
        party.EntraTenantIds = parsed.TenantIds.Distinct().ToList();
        party.IsActive = input.IsActive;
        // Set field by field: settings this form does not show keep their values.
        party.Settings.CaseNumberPrefix = input.CaseNumberPrefix!.Trim();
        party.Settings.RequestClockStart = input.RequestClockStart;
        party.Settings.EvesAreHolidays = input.EvesAreHolidays;
        party.Settings.RequestRetentionMonths = input.RequestRetentionMonths;
        party.Settings.BreachRetentionMonths = input.BreachRetentionMonths;
        party.Settings.IntakeClientIds = parsed.IntakeClients.Distinct().ToList();
        party.Settings.RequestReminderDays = parsed.Reminders.RequestReminderDays;
        party.Settings.RequestOverdueReminderEveryDays = input.RequestOverdueReminderEveryDays;
        party.Settings.ExtensionNoticeReminderDays = input.ExtensionNoticeReminderDays;
        party.Settings.IdentityCheckReminderDays = input.IdentityCheckReminderDays;
        party.Settings.ReminderExtraAddresses = parsed.Reminders.ExtraAddresses;
        party.Settings.MailFrom = parsed.Reminders.MailFrom;
        party.Settings.BreachReminderHours = parsed.BreachHours;
        party.Settings.SupplementReminderDays = input.SupplementReminderDays;
        party.Settings.DrillIntervalMonths = input.DrillIntervalMonths;
        return await db.TrySaveUniqueAsync(ct)
            ? CommandResult.Done(party)
            : CommandResult<Party>.Invalid(nameof(input.Slug), "Adressen används redan av en annan part.");
    }

    private sealed record Parsed(List<Guid> TenantIds, List<Guid> IntakeClients, Reminders.ReminderSettingsInput Reminders, List<int> BreachHours);

    private async Task<(Dictionary<string, string[]> Errors, Parsed Parsed)> ValidateAsync(Guid? id, PartyInput input, CancellationToken ct)
    {
        var tids = new List<Guid>();
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > Limits.Name)
        {
            errors[nameof(input.Name)] = ["Ange partens namn (högst 200 tecken)."];
        }

        var slug = input.Slug?.Trim();
        if (slug is null || !PartyResolutionMiddleware.SlugPattern().IsMatch(slug) || ReservedSlugs.Contains(slug))
        {
            errors[nameof(input.Slug)] = ["Adressen får bara innehålla a–z, 0–9 och bindestreck (högst 40 tecken) och får inte vara ett reserverat ord."];
        }
        else if (await db.Parties.AnyAsync(p => p.Slug == slug && p.Id != id, ct))
        {
            errors[nameof(input.Slug)] = ["Adressen används redan av en annan part."];
        }

        if (!string.IsNullOrWhiteSpace(input.OrganisationNumber) && !Domain.Identity.OrganisationNumber.IsValid(input.OrganisationNumber.Trim()))
        {
            errors[nameof(input.OrganisationNumber)] = ["Organisationsnumret är inte giltigt. Skriv det som NNNNNN-NNNN."];
        }

        foreach (var line in (input.EntraTenantIds ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Guid.TryParse(line, out var tid))
            {
                tids.Add(tid);
            }
            else
            {
                errors[nameof(input.EntraTenantIds)] = [$"”{line}” är inte ett giltigt klientorganisations-id (GUID)."];
            }
        }

        var intakeClients = new List<Guid>();
        foreach (var line in (input.IntakeClientIds ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Guid.TryParse(line, out var client))
            {
                intakeClients.Add(client);
            }
            else
            {
                errors[nameof(input.IntakeClientIds)] = [$"”{line}” är inte ett giltigt klient-id (GUID)."];
            }
        }

        // One e-tjänst registers at one party only: a client id mapped twice would let it choose.
        var mappedElsewhere = (await db.Parties.AsNoTracking().Where(p => p.Id != id).Select(p => new { p.Name, p.Settings }).ToListAsync(ct))
            .FirstOrDefault(p => p.Settings.IntakeClientIds.Intersect(intakeClients).Any());
        if (mappedElsewhere is not null)
        {
            errors[nameof(input.IntakeClientIds)] = [$"En av e-tjänsterna är redan kopplad till {mappedElsewhere.Name}. En e-tjänst kan bara kopplas till en part."];
        }

        if (string.IsNullOrWhiteSpace(input.CaseNumberPrefix) || input.CaseNumberPrefix.Trim().Length > 20)
        {
            errors[nameof(input.CaseNumberPrefix)] = ["Ange ett prefix för diarienummer (högst 20 tecken)."];
        }

        // The same minimum as the party's own retention page (Retention:MinimumMonths).
        if (Domain.Retention.RetentionRules.WhyNotPeriod(input.RequestRetentionMonths, retention.Value.MinimumMonths) is { } requestWhy)
        {
            errors[nameof(input.RequestRetentionMonths)] = [requestWhy];
        }

        if (Domain.Retention.RetentionRules.WhyNotPeriod(input.BreachRetentionMonths, retention.Value.MinimumMonths) is { } breachWhy)
        {
            errors[nameof(input.BreachRetentionMonths)] = [breachWhy];
        }

        var reminders = Reminders.ReminderSettingsInput.Parse(input.RequestReminderDays, input.RequestOverdueReminderEveryDays, input.ExtensionNoticeReminderDays,
            input.IdentityCheckReminderDays, input.ReminderExtraAddresses, input.MailFrom, errors);
        var breachHours = Reminders.ReminderSettingsInput.ParseBreachHours(input.BreachReminderHours, errors);
        if (input.SupplementReminderDays is < 0 or > 27)
        {
            errors[nameof(input.SupplementReminderDays)] = ["Ange 0–27 dagar (kompletteringen ska in inom fyra veckor)."];
        }

        if (input.DrillIntervalMonths is < 1 or > 60)
        {
            errors[nameof(input.DrillIntervalMonths)] = ["Ange hur ofta incidentrutinen ska övas i hela månader, 1–60."];
        }

        return (errors, new Parsed(tids, intakeClients, reminders, breachHours));
    }
}
