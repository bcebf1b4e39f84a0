using System.Globalization;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GemensamNamnd.Web.Features.Dpo;

/// <summary>The party's target share of a post for its DPOs and a note on the budget (party settings).</summary>
[Authorize(Policy = Policies.PartyAdministrator)]
public sealed class TargetModel(DpoRegister register, CurrentParty currentParty) : FormPageModel
{
    [BindProperty] public string? TargetPercent { get; set; }
    [BindProperty] public string? BudgetNote { get; set; }

    public string Slug => currentParty.Required.Slug;

    public void OnGet()
    {
        TargetPercent = currentParty.Required.Settings.DpoTargetSharePercent?.ToString(CultureInfo.InvariantCulture);
        BudgetNote = currentParty.Required.Settings.DpoBudgetNote;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        int? target = null;
        if (!string.IsNullOrWhiteSpace(TargetPercent))
        {
            if (!int.TryParse(TargetPercent.Trim().TrimEnd('%').Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var t))
            {
                AddErrors(new Dictionary<string, string[]> { [nameof(TargetPercent)] = ["Målet ska vara ett heltal i procent, t.ex. 100."] });
                return Page();
            }

            target = t;
        }

        var result = await register.SaveTargetAsync(target, BudgetNote, ct);
        if (Refusal(result) is { } refused)
        {
            return refused;
        }

        TempData["DpoNotice"] = "Mål och budget är sparade.";
        return LocalRedirect($"/{Slug}/dataskyddsombud");
    }
}
