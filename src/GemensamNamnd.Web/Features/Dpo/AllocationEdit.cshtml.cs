using System.Globalization;
using GemensamNamnd.Domain.Dpo;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Dpo;

/// <summary>Create (<c>…/uppdrag/ny</c>) and change (<c>…/uppdrag/{id}</c>) an allocation; the same rules as the API.</summary>
[Authorize(Policy = Policies.PartyAdministrator)]
public sealed class AllocationEditModel(AppDbContext db, DpoRegister register, CurrentParty currentParty) : FormPageModel
{
    [FromRoute] public Guid? Id { get; set; }
    [BindProperty] public Guid? PersonId { get; set; }
    [BindProperty] public DpoRole? Role { get; set; }
    [BindProperty] public List<Guid> ControllerIds { get; set; } = [];
    [BindProperty] public string? SharePercent { get; set; }
    [BindProperty] public string? StartsOn { get; set; }
    [BindProperty] public string? EndsOn { get; set; }
    [BindProperty] public string? ReportsTo { get; set; }
    [BindProperty] public ReportingLevel? ReportingLevel { get; set; }
    [BindProperty] public string? ImyReportedOn { get; set; }
    [BindProperty] public string? PublicWebPage { get; set; }
    [BindProperty] public Guid Version { get; set; }

    public List<NamedRef> Persons { get; private set; } = [];

    public List<NamedRef> Controllers { get; private set; } = [];

    public string Slug => currentParty.Required.Slug;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is not null)
        {
            var a = await db.DpoAllocations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == Id, ct);
            if (a is null)
            {
                return NotFound();
            }

            (PersonId, Role, ControllerIds, SharePercent, ReportsTo, ReportingLevel, PublicWebPage, Version) =
                (a.PersonId, a.Role, a.ControllerIds, a.SharePercent.ToString(CultureInfo.InvariantCulture), a.ReportsTo, a.ReportingLevel, a.PublicWebPage, a.Version);
            (StartsOn, EndsOn, ImyReportedOn) = (DpoWords.Iso(a.StartsOn), a.EndsOn is { } e ? DpoWords.Iso(e) : null, a.ImyReportedOn is { } r ? DpoWords.Iso(r) : null);
        }
        else
        {
            StartsOn = DpoWords.Iso(register.Today);
            ReportingLevel = Domain.Dpo.ReportingLevel.HighestManagement;
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Id is not null && !await db.DpoAllocations.AnyAsync(a => a.Id == Id, ct))
        {
            return NotFound();
        }

        var errors = new Dictionary<string, string[]>();
        DateOnly? Date(string? text, string field)
        {
            var value = FormValues.Date(text);
            if (value is null && !string.IsNullOrWhiteSpace(text))
            {
                errors[field] = ["Skriv datumet som ÅÅÅÅ-MM-DD."];
            }

            return value;
        }

        var start = Date(StartsOn, nameof(StartsOn));
        var end = Date(EndsOn, nameof(EndsOn));
        var reported = Date(ImyReportedOn, nameof(ImyReportedOn));
        int? share = int.TryParse(SharePercent?.Trim().TrimEnd('%').Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : null;
        var input = new AllocationInput(PersonId, Role, ControllerIds, share, start, end, ReportsTo, ReportingLevel, reported, PublicWebPage);
        CommandResult<DpoAllocation> result;
        if (errors.Count == 0)
        {
            result = await register.SaveAllocationAsync(Id, Id is null ? null : Version, input, ct);
            if (result.Ok)
            {
                TempData["DpoNotice"] = "Uppdraget är sparat.";
                return LocalRedirect($"/{Slug}/dataskyddsombud");
            }
        }
        else
        {
            // Show every problem at once: the rest of the input is checked too.
            foreach (var (k, v) in input.Validate(register.Today))
            {
                errors.TryAdd(k, v);
            }

            result = CommandResult<DpoAllocation>.Invalid(errors.ToErrors());
        }

        await LoadAsync(ct);
        return Refusal(result)!;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Persons = await register.ChoosablePersonsAsync(PersonId, ct);
        Controllers = await db.DataControllers.AsNoTracking().Where(c => c.IsActive || ControllerIds.Contains(c.Id)).OrderBy(c => c.Name)
            .Select(c => new NamedRef(c.Id, c.Name)).ToListAsync(ct);
    }
}
