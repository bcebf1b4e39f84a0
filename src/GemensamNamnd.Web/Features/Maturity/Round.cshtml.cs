using GemensamNamnd.Domain.Maturity;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Dpo;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Maturity;

/// <summary>One question as the form edits it.</summary>
public sealed class DimensionForm
{
    public string? Key { get; set; }

    public string? Title { get; set; }

    public string? Question { get; set; }

    public List<string?> Levels { get; set; } = [];

    public bool Remove { get; set; }
}

/// <summary>
/// One round (<c>/mognad/omgangar/{id}</c>): edit the questions while a draft, open it, close it; who has and has not
/// answered. Refusals are Swedish, 400 for bad input and 409 for a round in the wrong state; nothing is stored.
/// </summary>
[Authorize(Policy = Policies.EStrategist)]
public sealed class RoundModel(AppDbContext db, MaturityRounds rounds, MaturityCrossParty crossParty) : FormPageModel
{
    [FromRoute] public Guid Id { get; set; }

    [BindProperty] public Guid Version { get; set; }

    [BindProperty] public string? ClosesOn { get; set; }

    [BindProperty] public List<DimensionForm> Dims { get; set; } = [];

    public MaturityRound Round { get; private set; } = null!;

    public List<string> Answered { get; private set; } = [];

    public List<string> NotAnswered { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Fill();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var closes = FormValues.Date(ClosesOn);
        var texts = Dims.Where(d => !d.Remove && !(string.IsNullOrWhiteSpace(d.Key) && string.IsNullOrWhiteSpace(d.Title) && string.IsNullOrWhiteSpace(d.Question)))
            .Select((d, i) => new DimensionText(
                string.IsNullOrWhiteSpace(d.Key) ? $"fraga-{Guid.NewGuid():N}"[..14] : d.Key.Trim(),
                d.Title?.Trim() ?? string.Empty,
                d.Question?.Trim() ?? string.Empty,
                [.. Enumerable.Range(0, RoundRules.MaxLevel).Select(l => d.Levels.ElementAtOrDefault(l)?.Trim() ?? string.Empty)]))
            .ToList();
        var outcome = closes is not null || string.IsNullOrWhiteSpace(ClosesOn)
            ? await rounds.EditAsync(Id, Version, closes, texts, ct)
            : CommandResult<Guid>.Invalid(nameof(ClosesOn), "Sista svarsdagen kunde inte läsas (skriv ÅÅÅÅ-MM-DD).");
        return await AfterAsync(outcome, "Frågorna är sparade.", keepForm: true, ct);
    }

    public async Task<IActionResult> OnPostOpenAsync(CancellationToken ct)
    {
        ModelState.Clear();
        return await AfterAsync(await rounds.OpenAsync(Id, Version, ct), "Omgången är öppnad. Parterna kan nu svara.", keepForm: false, ct);
    }

    public async Task<IActionResult> OnPostCloseAsync(CancellationToken ct)
    {
        ModelState.Clear();
        return await AfterAsync(await rounds.CloseAsync(Id, Version, ct), "Omgången är stängd och låst.", keepForm: false, ct);
    }

    private async Task<IActionResult> AfterAsync(CommandResult<Guid> outcome, string done, bool keepForm, CancellationToken ct)
    {
        if (outcome.Ok)
        {
            TempData["MaturityNotice"] = done;
            return LocalRedirect($"/mognad/omgangar/{Id}");
        }

        if (outcome.Status == CommandStatus.NotFound || !await LoadAsync(ct))
        {
            return NotFound();
        }

        if (!keepForm || Round.Status != RoundStatus.Draft)
        {
            Fill();
        }

        // 400 for bad input, 409 for a round in the wrong state.
        Response.StatusCode = outcome.HttpStatus();
        return Refusal(outcome.MapFields(FieldId))!;
    }

    /// <summary>The rule's field ("Dimensions[2].Levels") as the id of the form's input ("Dims_2_Levels_0"), so the summary links to it.</summary>
    private static string FieldId(string field)
    {
        var m = System.Text.RegularExpressions.Regex.Match(field, @"^Dimensions\[(\d+)\]\.(\w+)$");
        return !m.Success ? field
            : m.Groups[2].Value == "Levels" ? $"Dims_{m.Groups[1].Value}_Levels_0"
            : $"Dims_{m.Groups[1].Value}_{m.Groups[2].Value}";
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var round = await db.MaturityRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == Id, ct);
        if (round is null)
        {
            return false;
        }

        Round = round;
        var answered = await crossParty.AnsweredAsync(Id, ct);
        var parties = await db.Parties.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        Answered = [.. parties.Where(p => answered.Contains(p.Id)).Select(p => p.Name)];
        NotAnswered = [.. parties.Where(p => !answered.Contains(p.Id)).Select(p => p.Name)];
        return true;
    }

    private void Fill()
    {
        Version = Round.Version;
        ClosesOn = DpoWords.Iso(Round.ClosesOn);
        Dims = [.. Round.Dimensions.Select(d => new DimensionForm { Key = d.Key, Title = d.Title, Question = d.Question, Levels = [.. d.Levels] })];
        if (Round.Status == RoundStatus.Draft)
        {
            Dims.Add(new DimensionForm { Levels = [null, null, null, null, null] });
        }
    }
}
