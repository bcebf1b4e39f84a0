using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GemensamNamnd.Web.Features.Dpo;

/// <summary>The party's DPOs on a chosen day: who covers each controller, gaps, shares against the target, and warnings.</summary>
[Authorize(Policy = Policies.PartyMember)]
public sealed class IndexModel(DpoRegister register, CurrentParty currentParty, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "datum")]
    public string? Date { get; set; }

    public PartyDpoOverview Overview { get; private set; } = null!;

    public bool CanEdit { get; private set; }

    public bool BadDate { get; private set; }

    public string Slug => currentParty.Required.Slug;

    public string PartyName => currentParty.Required.Name;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var on = DpoApi.DayOrToday(Date, register.Today);
        BadDate = on is null;
        Overview = await register.OverviewAsync(on ?? register.Today, ct);
        Date = DpoWords.Iso(Overview.On);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.PartyAdministrator)).Succeeded;
    }
}
