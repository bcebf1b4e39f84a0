using GemensamNamnd.Domain.Dpo;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Dpo;

/// <summary>
/// A global administrator adds or changes any DPO person, also one shared by several parties, and sees the person's
/// allocations in every party with the total share over time.
/// </summary>
[Authorize(Policy = Policies.GlobalAdministrator)]
public sealed class PersonEditModel(AppDbContext db, DpoRegister register, DpoCrossParty crossParty) : PersonFormModel(db, register)
{
    public override string BackUrl => "/dataskyddsombud";

    protected override bool AsGlobalAdministrator => true;

    public List<(string Party, MatrixAllocation Allocation)> History { get; private set; } = [];

    public IReadOnlyList<ShareSegment> Totals { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await LoadAsync(ct);
        if (Id is { } id && result is PageResult)
        {
            var names = await Db.Parties.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
            var history = await crossParty.PersonHistoryAsync(id, ct);
            History = [.. history.Select(a => (names.GetValueOrDefault(a.PartyId, "okänd part"), a))];
            Totals = ShareTotals.Timeline(history.Select(a => (a.Span, a.SharePercent)));
        }

        return result;
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SaveAsync(ct);
}
