using System.Globalization;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Drills;

/// <summary>Records a drill (<c>…/ovningar/ny</c>) or updates it and its follow-up actions (<c>…/ovningar/{id}</c>).</summary>
[Authorize(Policy = Policies.PartyOfficer)]
public sealed class EditModel(AppDbContext db, CurrentParty currentParty, SaveDrill save, TimeProvider clock) : FormPageModel
{
    /// <summary>Empty action rows offered on the form for new follow-up actions.</summary>
    public const int BlankActions = 3;

    [FromRoute] public Guid? Id { get; set; }

    [BindProperty] public Guid? Version { get; set; }

    [BindProperty] public string? HeldOn { get; set; }

    [BindProperty] public string? Scenario { get; set; }

    [BindProperty] public string? Participants { get; set; }

    [BindProperty] public string? Findings { get; set; }

    [BindProperty] public List<string?> ActionTexts { get; set; } = [];

    /// <summary>Indexes (into <see cref="ActionTexts"/>) of the actions that are done.</summary>
    [BindProperty] public List<int> ActionsDone { get; set; } = [];

    public string Slug => currentParty.Required.Slug;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is null)
        {
            HeldOn = Swedish.Today(clock).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        else
        {
            var d = await db.Drills.AsNoTracking().FirstOrDefaultAsync(x => x.Id == Id, ct);
            if (d is null)
            {
                return NotFound();
            }

            (Version, Scenario, Participants, Findings) = (d.Version, d.Scenario, d.Participants, d.Findings);
            HeldOn = d.HeldOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            ActionTexts = [.. d.Actions.Select(a => (string?)a.Text)];
            ActionsDone = [.. d.Actions.Select((a, i) => (a, i)).Where(x => x.a.Done).Select(x => x.i)];
        }

        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var actions = ActionTexts.Select((t, i) => new DrillAction { Text = t ?? string.Empty, Done = ActionsDone.Contains(i) })
            .Where(a => !string.IsNullOrWhiteSpace(a.Text)).ToList();
        var input = new DrillInput(FormValues.Date(HeldOn), Scenario, Participants, Findings, actions);
        var result = await save.SaveAsync(Id, Version, input, ct);
        Pad();
        return Refusal(result) ?? LocalRedirect($"/{Slug}/ovningar");
    }

    private void Pad()
    {
        for (var i = 0; i < BlankActions; i++)
        {
            ActionTexts.Add(null);
        }
    }
}
