using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Breaches;

/// <summary>
/// Quick registration of a breach (<c>…/incidenter/snabbregistrering</c>): title, controller, when the party became
/// aware and one line, through <see cref="QuickRegisterBreach"/>; the clock starts at once and the case page says what
/// is left to fill in. The full form stays for the details.
/// </summary>
[Authorize(Policy = Policies.PartyOfficer)]
public sealed class QuickModel(AppDbContext db, CurrentParty currentParty, QuickRegisterBreach register, TimeProvider clock) : FormPageModel
{
    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public Guid? ControllerId { get; set; }

    [BindProperty]
    public string? AwareDate { get; set; }

    [BindProperty]
    public string? AwareTime { get; set; }

    [BindProperty]
    public string? Summary { get; set; }

    public List<(Guid Id, string Name)> Controllers { get; private set; } = [];

    public string Slug => currentParty.Required.Slug;

    public async Task OnGetAsync(CancellationToken ct)
    {
        (AwareDate, AwareTime) = BreachWords.ToForm(clock.GetUtcNow());
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var aware = BreachWords.FromForm(AwareDate, AwareTime, out var ok);
        var result = await register.RunAsync(new QuickBreachInput(Title, ControllerId, aware, Summary), ct);
        if (!ok)
        {
            // The form's own error first, with everything else the command found.
            var errors = new List<Error> { new("AwareDate", "Skriv datum som ÅÅÅÅ-MM-DD och klockslag som TT:MM.") };
            errors.AddRange(result.Errors.Where(e => e.Field != nameof(QuickBreachInput.AwareAt)));
            result = CommandResult<Breach>.Invalid(errors);
        }

        if (!result.Ok)
        {
            await LoadAsync(ct);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Refusal(result.MapFields(f => f == nameof(QuickBreachInput.AwareAt) ? "AwareDate" : f))!;
        }

        var b = result.Value!;
        TempData[EditModel.NoticeKey] = $"Incidenten är registrerad med diarienummer {b.CaseNumber} och 72-timmarsfristen löper. Anmäl till IMY senast {BreachWords.When(b.ImyDeadlineAt)} om den är anmälningspliktig. Komplettera typ, orsak och övriga uppgifter under Ändra uppgifter.";
        return LocalRedirect($"/{Slug}/incidenter/{b.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var rows = await db.DataControllers.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        Controllers = [.. rows.Select(c => (c.Id, c.Name))];
    }
}
