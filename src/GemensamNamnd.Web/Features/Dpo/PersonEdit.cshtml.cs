using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GemensamNamnd.Web.Features.Dpo;

/// <summary>A global administrator adds or changes any DPO person, also one shared by several parties.</summary>
[Authorize(Policy = Policies.GlobalAdministrator)]
public sealed class PersonEditModel(AppDbContext db, DpoRegister register) : PersonFormModel(db, register)
{
    public override string BackUrl => "/dataskyddsombud";

    protected override bool AsGlobalAdministrator => true;

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SaveAsync(ct);
}
