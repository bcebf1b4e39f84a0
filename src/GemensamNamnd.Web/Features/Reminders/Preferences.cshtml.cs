using GemensamNamnd.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GemensamNamnd.Web.Features.Reminders;

/// <summary>/mina-paminnelser: each user chooses reminders as they happen, or one digest a day at 07:00 Swedish time.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class PreferencesModel(CurrentUser currentUser, SaveReminderPreference save) : PageModel
{
    public string? Email { get; private set; }

    [BindProperty] public bool WantsDailyDigest { get; set; }

    [TempData] public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await currentUser.GetAsync(ct);
        if (user is null)
        {
            return Forbid();
        }

        (Email, WantsDailyDigest) = (user.Email, user.WantsDailyDigest);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!(await save.SaveAsync(WantsDailyDigest, ct)).Ok)
        {
            return Forbid();
        }

        Notice = WantsDailyDigest ? "Sparat: du får en sammanfattning per dag kl. 07.00." : "Sparat: du får varje påminnelse direkt.";
        return RedirectToPage();
    }
}
