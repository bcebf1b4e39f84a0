using System.Globalization;
using GemensamNamnd.Domain.Maturity;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Maturity;

/// <summary>
/// A party's maturity page (<c>/{party}/mognad</c>) for its DPO and administrator: answer the open round (levels 1–5 with a
/// justification), and see the party's own figures against the regional median — the other parties are never named.
/// </summary>
[Authorize(Policy = Policies.PartyOversight)]
public sealed class PartyModel(AppDbContext db, CurrentParty currentParty, MaturityComparison comparison, MaturityRounds rounds, TimeProvider clock) : FormPageModel
{
    [BindProperty(SupportsGet = true, Name = "ar")] public int? Year { get; set; }

    [BindProperty] public Guid RoundId { get; set; }

    [BindProperty] public Dictionary<string, string?> Levels { get; set; } = [];

    [BindProperty] public Dictionary<string, string?> Justifications { get; set; } = [];

    public string Slug => currentParty.Required.Slug;

    /// <summary>Rounds open for answers now (normally one).</summary>
    public List<MaturityRound> OpenRounds { get; private set; } = [];

    /// <summary>The party's answers by round id.</summary>
    public Dictionary<Guid, MaturityAnswer> Answers { get; private set; } = [];

    public MeasuredComparison Measured { get; private set; } = null!;

    public ComparisonRow Own { get; private set; } = null!;

    /// <summary>The latest round with answers, compared: the party's level and the regional median per dimension.</summary>
    public AssessedComparison? Assessed { get; private set; }

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        foreach (var round in OpenRounds)
        {
            if (Answers.TryGetValue(round.Id, out var a))
            {
                foreach (var item in a.Items)
                {
                    Levels[$"{round.Id:N}-{item.Key}"] = item.Level.ToString(CultureInfo.InvariantCulture);
                    Justifications[$"{round.Id:N}-{item.Key}"] = item.Justification;
                }
            }
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var round = await db.MaturityRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == RoundId, ct);
        if (round is null)
        {
            return NotFound();
        }

        var answers = round.Dimensions.Where(d => Levels.ContainsKey(Field(round.Id, d.Key)) || Justifications.ContainsKey(Field(round.Id, d.Key)))
            .Select(d => new DimensionAnswer(d.Key,
                int.TryParse(Levels.GetValueOrDefault(Field(round.Id, d.Key)), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l : 0,
                Justifications.GetValueOrDefault(Field(round.Id, d.Key)) ?? string.Empty))
            .ToList();
        var outcome = await rounds.AnswerAsync(round.Id, answers, ct);
        if (outcome.Ok)
        {
            TempData["MaturityNotice"] = $"Svaret på omgång {round.Year} är sparat. Det kan ändras fram till och med {GemensamNamnd.Domain.Deadlines.SwedishDates.Long(round.ClosesOn)}.";
            return LocalRedirect($"/{Slug}/mognad");
        }

        if (outcome.Status == CommandStatus.NotFound)
        {
            return NotFound();
        }

        // Field names of the form: Level_{key} → the fieldset's id for that round; 400 for bad input, 409 for a closed round.
        Response.StatusCode = outcome.HttpStatus();
        await LoadAsync(ct);
        return Refusal(outcome.MapFields(f => f.Length == 0 ? string.Empty : $"{round.Id:N}-{f}"))!;
    }

    public static string Field(Guid roundId, string key) => $"{roundId:N}-{key}";

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = Swedish.Today(clock);
        if (Year is not { } y || y < 2000 || y > 2100)
        {
            Year = Today.Year;
        }

        OpenRounds = await db.MaturityRounds.AsNoTracking().Where(r => r.Status == RoundStatus.Open).OrderBy(r => r.ClosesOn).ToListAsync(ct);
        Answers = await db.MaturityAnswers.AsNoTracking().ToDictionaryAsync(a => a.RoundId, ct);
        (Measured, Own) = await comparison.OwnRowAsync(currentParty.Required.Id, Period.Year(Year.Value), Today, ct);
        var answeredRoundIds = Answers.Keys.ToList();
        var latest = await db.MaturityRounds.AsNoTracking().Where(r => r.Status != RoundStatus.Draft && answeredRoundIds.Contains(r.Id))
            .OrderByDescending(r => r.Year).FirstOrDefaultAsync(ct);
        Assessed = latest is null ? null : await comparison.AssessedAsync(latest, ct);
    }

    /// <summary>The party's own level in the compared round.</summary>
    public int? OwnLevel(string key) => Assessed?.Parties.FirstOrDefault(p => p.PartyId == currentParty.Required.Id).Levels?.TryGetValue(key, out var l) == true ? l : null;
}
