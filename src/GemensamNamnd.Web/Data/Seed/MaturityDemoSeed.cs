using GemensamNamnd.Domain.Maturity;
using GemensamNamnd.Web.Features.Maturity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Data.Seed;

/// <summary>
/// Two closed self-assessment rounds (the two years before this one), answered by every party, so the e-strateg's
/// comparison, heat map and trend show something on first run. The levels are fixed per party and dimension and rise a
/// little in the later year where the committee's minutes say work was done (Östersund's request process, Region's DPO).
/// Runs once (skipped when any round exists); with <c>Demo:Cases</c> only, like the other demo cases.
/// </summary>
public static class MaturityDemoSeed
{
    // Levels of the earlier year, dimension by dimension (requests, incidents, dpo, training, records, resilience).
    private static readonly Dictionary<string, int[]> Base = new(StringComparer.Ordinal)
    {
        ["region-jh"] = [3, 3, 4, 3, 4, 4],
        ["berg"] = [2, 2, 2, 1, 2, 2],
        ["bracke"] = [2, 3, 2, 2, 2, 2],
        ["harjedalen"] = [2, 2, 2, 2, 3, 2],
        ["krokom"] = [2, 1, 2, 2, 2, 3],
        ["ragunda"] = [1, 1, 2, 2, 1, 2],
        ["stromsund"] = [2, 2, 1, 2, 2, 2],
        ["are"] = [3, 2, 2, 3, 2, 3],
        ["ostersund"] = [4, 3, 2, 3, 3, 3],
    };

    private static readonly string[] Why =
    [
        "Saknas i dag; behöver tas fram.",
        "Finns delvis men är inte känt i organisationen.",
        "Rutin finns och följs i de flesta förvaltningar.",
        "Följs upp årligen; förbättringar genomförs.",
        "Väl etablerat och utvärderat.",
    ];

    public static async Task EnsureAsync(AppDbContext db, PartyScope partyScope, CancellationToken ct)
    {
        if (await db.MaturityRounds.AnyAsync(ct))
        {
            return;
        }

        var parties = await db.Parties.AsNoTracking().Where(p => p.IsActive).ToListAsync(ct);
        if (parties.Count == 0)
        {
            return;
        }

        var today = await partyScope.RunAsync(parties[0].Id, sp => Task.FromResult(Swedish.Today(sp.GetRequiredService<TimeProvider>())), ct);
        var rounds = new[] { today.Year - 2, today.Year - 1 }.Select(year =>
        {
            var r = MaturityRound.Draft(year, new DateOnly(year, 11, 30));
            r.Status = RoundStatus.Closed;
            r.OpenedAt = new DateTimeOffset(year, 10, 1, 8, 0, 0, TimeSpan.Zero);
            r.ClosedAt = new DateTimeOffset(year, 12, 1, 8, 0, 0, TimeSpan.Zero);
            return r;
        }).ToList();
        db.MaturityRounds.AddRange(rounds);
        await db.SaveChangesAsync(ct);

        foreach (var (party, index) in parties.Select((p, i) => (p, i)))
        {
            var levels = Base.TryGetValue(party.Slug, out var known) ? known : [.. Enumerable.Range(0, 6).Select(d => 1 + ((index + d) % 4))];
            await partyScope.RunAsync(party.Id, async sp =>
            {
                var partyDb = sp.GetRequiredService<AppDbContext>();
                foreach (var (round, later) in rounds.Select((r, i) => (r, i == 1)))
                {
                    partyDb.MaturityAnswers.Add(new MaturityAnswer
                    {
                        RoundId = round.Id,
                        SubmittedAt = new DateTimeOffset(round.Year, 11, 15, 9, 0, 0, TimeSpan.Zero),
                        Items = [.. round.Dimensions.Select((d, i) =>
                        {
                            // The later year: one step up on every other dimension (never above 5).
                            var level = Math.Min(RoundRules.MaxLevel, levels[i % levels.Length] + (later && (i + index) % 2 == 0 ? 1 : 0));
                            return new AnswerItem { Key = d.Key, Level = level, Justification = Why[level - 1] };
                        })],
                    });
                }

                await partyDb.SaveChangesAsync(ct);
            }, ct);
        }

    }
}
