using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GemensamNamnd.Web.Features.Start;

/// <summary>The party switcher's target: a plain GET form, so it works without script.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class SwitchPartyModel : PageModel
{
    public IActionResult OnGet(string? part) =>
        part is not null && PartyResolutionMiddleware.SlugPattern().IsMatch(part) ? LocalRedirect($"/{part}") : LocalRedirect("/");
}
