using System.Globalization;
using GemensamNamnd.Domain.Processors;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Processors;

/// <summary>Records (<c>…/radgivningslogg/ny</c>) or updates (<c>…/radgivningslogg/{id}</c>) a consultation of the DPO.</summary>
[Authorize(Policy = Policies.PartyOfficer)]
public sealed class ConsultationEditModel(AppDbContext db, CurrentParty currentParty, SaveConsultation save, TimeProvider clock) : FormPageModel
{
    [FromRoute] public Guid? Id { get; set; }

    [BindProperty] public Guid? Version { get; set; }

    [BindProperty] public Guid? ControllerId { get; set; }

    [BindProperty] public string? AskedOn { get; set; }

    [BindProperty] public string? Subject { get; set; }

    [BindProperty] public string? Advice { get; set; }

    [BindProperty] public string? DecidedOn { get; set; }

    [BindProperty] public string? Followed { get; set; }

    [BindProperty] public string? FollowedNote { get; set; }

    public List<Controllers.DataController> PartyControllers { get; private set; } = [];

    public string Slug => currentParty.Required.Slug;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is null)
        {
            AskedOn = Swedish.Today(clock).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            Followed = nameof(AdviceFollowed.Unknown);
        }
        else
        {
            var c = await db.DpoConsultations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == Id, ct);
            if (c is null)
            {
                return NotFound();
            }

            (Version, ControllerId, Subject, Advice, FollowedNote) = (c.Version, c.ControllerId, c.Subject, c.Advice, c.FollowedNote);
            AskedOn = c.AskedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            DecidedOn = c.DecidedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            Followed = c.Followed.ToString();
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var followed = FormValues.Choice<AdviceFollowed>(Followed);
        var input = new ConsultationInput(ControllerId, FormValues.Date(AskedOn), Subject, Advice, FormValues.Date(DecidedOn), followed, FollowedNote);
        var result = await save.SaveAsync(Id, Version, input, ct);
        if (Refusal(result) is { } refusal)
        {
            await LoadAsync(ct);
            return refusal;
        }

        return LocalRedirect($"/{Slug}/radgivningslogg");
    }

    private async Task LoadAsync(CancellationToken ct) =>
        PartyControllers = await db.DataControllers.AsNoTracking().Where(c => c.IsActive || c.Id == ControllerId).OrderBy(c => c.Name).ToListAsync(ct);
}
