using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Dpo;

/// <summary>The person form shared by the party page and the committee page; they differ in who may save.</summary>
public abstract class PersonFormModel(AppDbContext db, DpoRegister register) : FormPageModel
{
    [FromRoute] public Guid? Id { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? WorkPhone { get; set; }
    [BindProperty] public string? WorkEmail { get; set; }
    [BindProperty] public Guid? EmployingPartyId { get; set; }

    /// <summary>One role per line.</summary>
    [BindProperty] public string? OtherRoles { get; set; }

    [BindProperty] public bool IsActive { get; set; } = true;
    [BindProperty] public Guid Version { get; set; }

    public List<NamedRef> Parties { get; private set; } = [];

    protected AppDbContext Db => db;

    public abstract string BackUrl { get; }

    protected abstract bool AsGlobalAdministrator { get; }

    /// <summary>The party a party administrator writes for: the only employer offered besides the person's stored one.</summary>
    protected virtual Guid? OwnPartyId => null;

    private Guid? _storedEmployer;

    protected async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        if (Id is not null)
        {
            var p = await db.DpoPersons.AsNoTracking().FirstOrDefaultAsync(x => x.Id == Id, ct);
            if (p is null || (!AsGlobalAdministrator && !await register.IsOursAsync(p, ct)))
            {
                return NotFound();
            }

            (Name, WorkPhone, WorkEmail, EmployingPartyId, IsActive, Version) = (p.Name, p.WorkPhone, p.WorkEmail, p.EmployingPartyId, p.IsActive, p.Version);
            _storedEmployer = p.EmployingPartyId;
            OtherRoles = string.Join('\n', p.OtherRoles);
        }

        await LoadPartiesAsync(ct);
        return Page();
    }

    protected async Task<IActionResult> SaveAsync(CancellationToken ct)
    {
        var input = new DpoPersonInput(Name, WorkPhone, WorkEmail, EmployingPartyId, DpoPersonInput.Lines(OtherRoles), IsActive);
        var result = await register.SavePersonAsync(Id, Id is null ? null : Version, input, AsGlobalAdministrator, ct);
        if (result.Ok)
        {
            TempData["DpoNotice"] = $"{result.Value!.Name} är sparad.";
            return LocalRedirect(BackUrl);
        }

        await LoadPartiesAsync(ct);
        return Refusal(result)!;
    }

    private async Task LoadPartiesAsync(CancellationToken ct)
    {
        var own = OwnPartyId;
        var stored = _storedEmployer;
        Parties = await db.Parties.AsNoTracking().Where(p => p.IsActive && (own == null || p.Id == own || p.Id == stored))
            .OrderBy(p => p.Name).Select(p => new NamedRef(p.Id, p.Name)).ToListAsync(ct);
    }
}
