using System.Globalization;
using GemensamNamnd.Domain.Dpo;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Dpo;

/// <summary>The committee's independence rules: the conflicting roles (Art. 38(6)) and the minimum share (Art. 38(2)).</summary>
[Authorize(Policy = Policies.GlobalAdministrator)]
public sealed class RulesModel(AppDbContext db, SaveDpoRules save) : FormPageModel
{
    /// <summary>One role per line.</summary>
    [BindProperty] public string? ConflictingRoles { get; set; }
    [BindProperty] public string? MinimumSharePercent { get; set; }
    [BindProperty] public Guid Version { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rules = await db.DpoRules.AsNoTracking().FirstOrDefaultAsync(ct) ?? new DpoRules();
        (ConflictingRoles, MinimumSharePercent, Version) =
            (string.Join('\n', rules.ConflictingRoles), rules.MinimumSharePercent.ToString(CultureInfo.InvariantCulture), rules.Version);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Refusal(await save.SaveAsync(ConflictingRoles, MinimumSharePercent, Version, ct)) is { } refused)
        {
            return refused;
        }

        TempData["DpoNotice"] = "Reglerna för oberoende är sparade.";
        return LocalRedirect("/dataskyddsombud");
    }
}
