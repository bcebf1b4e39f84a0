using System.Globalization;
using GemensamNamnd.Domain.Maturity;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Dpo;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Maturity;

/// <summary>The self-assessment rounds (<c>/mognad/omgangar</c>): the list with who has answered, and a new draft round.</summary>
[Authorize(Policy = Policies.EStrategist)]
public sealed class RoundsModel(AppDbContext db, MaturityRounds rounds, MaturityCrossParty crossParty, TimeProvider clock) : FormPageModel
{
    public sealed record RoundRow(MaturityRound Round, int Answered);

    [BindProperty] public string? Year { get; set; }

    [BindProperty] public string? ClosesOn { get; set; }

    public List<RoundRow> Rows { get; private set; } = [];

    public int PartyCount { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = Swedish.Today(clock);
        Year ??= (today.Year).ToString(CultureInfo.InvariantCulture);
        ClosesOn ??= DpoWords.Iso(today.AddDays(30));
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var closes = FormValues.Date(ClosesOn);
        var year = int.TryParse(Year?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : 0;
        var outcome = closes is not null || string.IsNullOrWhiteSpace(ClosesOn)
            ? await rounds.CreateAsync(year, closes, ct)
            : CommandResult<Guid>.Invalid(nameof(ClosesOn), "Sista svarsdagen kunde inte läsas (skriv ÅÅÅÅ-MM-DD).");
        if (outcome.Ok)
        {
            return LocalRedirect($"/mognad/omgangar/{outcome.Value}");
        }

        Response.StatusCode = outcome.HttpStatus();
        await LoadAsync(ct);
        return Refusal(outcome)!;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var all = await db.MaturityRounds.AsNoTracking().OrderByDescending(r => r.Year).ToListAsync(ct);
        PartyCount = await db.Parties.CountAsync(p => p.IsActive, ct);
        var levels = await crossParty.LevelsAsync([.. all.Select(r => r.Id)], ct);
        Rows = [.. all.Select(r => new RoundRow(r, levels.Count(l => l.RoundId == r.Id)))];
    }
}
