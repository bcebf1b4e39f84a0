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
public sealed class RulesModel(AppDbContext db) : FormPageModel
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
        var roles = DpoPersonInput.Lines(ConflictingRoles).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var errors = new Dictionary<string, string[]>();
        if (roles.Count > 100 || roles.Any(r => r.Length > DpoLimits.Role))
        {
            errors[nameof(ConflictingRoles)] = [$"Högst 100 roller, var och en högst {DpoLimits.Role} tecken."];
        }

        if (!int.TryParse(MinimumSharePercent?.Trim().TrimEnd('%').Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var minimum) || !AllocationRules.IsValidShare(minimum))
        {
            errors[nameof(MinimumSharePercent)] = ["Minsta andel ska vara ett heltal från 1 till 100 %."];
        }

        if (errors.Count > 0)
        {
            AddErrors(errors);
            return Page();
        }

        var rules = await db.DpoRules.FirstOrDefaultAsync(ct);
        if (rules is null)
        {
            rules = new DpoRules();
            db.DpoRules.Add(rules);
        }
        else
        {
            db.Entry(rules).Property(r => r.Version).OriginalValue = Version;
        }

        rules.ConflictingRoles = roles;
        rules.MinimumSharePercent = minimum;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, DpoRegister.ConcurrencyMessage);
            return Page();
        }

        TempData["DpoNotice"] = "Reglerna för oberoende är sparade.";
        return LocalRedirect("/dataskyddsombud");
    }
}
