using GemensamNamnd.Domain.Maturity;
using GemensamNamnd.Web.Features.Maturity;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GemensamNamnd.Web.Tests.Features.Maturity;

/// <summary>
/// Every indicator on PostgreSQL (cross-party path as the owner role) for a known data set (<see cref="MaturityFactory"/>),
/// period 2026, today 23 November 2026. The expected numbers are worked out by hand in the comments.
/// </summary>
[Collection(MaturityCollection.Name)]
public sealed class MaturityIndicatorsTests(MaturityFactory app)
{
    private async Task<(MeasuredComparison Shown, ComparisonRow Alfa)> BuildAsync()
    {
        using var scope = app.Services.CreateScope();
        var comparison = scope.ServiceProvider.GetRequiredService<MaturityComparison>();
        return await comparison.OwnRowAsync(app.Alfa, Period.Year(2026), MaturityFactory.Today, default);
    }

    private static double? V(ComparisonRow row, string key) => row.Cells[key].Value;

    [PostgresFact]
    public async Task Requests_AlfasOwnFigures_Exact()
    {
        var (_, alfa) = await BuildAsync();
        // Received in 2026: cases 1–8 (case 9 came in December 2025).
        Assert.Equal(8, V(alfa, "req.count"));
        // Decided: answered 1, 2, 3, 4, 5 (a refusal with reasons is an answer) + open 6 past its due day 2 Nov = 6.
        // On time: 1 (22 Jan ≤ 12 Feb), 2 (on the due day), 4 (19 Jun ≤ extended 1 Jul), 5 → 4 of 6.
        Assert.Equal(4.0 / 6, V(alfa, "req.ontime")!.Value, 6);
        // Days to answer: 10, 28, 35, 79, 14 → sorted 10, 14, 28, 35, 79 → 28.
        Assert.Equal(28, V(alfa, "req.median"));
        // Extended: case 4, of the 7 not withdrawn.
        Assert.Equal(1.0 / 7, V(alfa, "req.extended")!.Value, 6);
        // Open now: 6 and 7; overdue now: 6.
        Assert.Equal(2, V(alfa, "req.open"));
        Assert.Equal(1, V(alfa, "req.overdue"));
    }

    [PostgresFact]
    public async Task Breaches_AlfasOwnFigures_Exact_CountingTheSwedishDay()
    {
        var (_, alfa) = await BuildAsync();
        // 1–6, and 7: aware 31 Dec 2025 23:30 UTC = 1 Jan 2026 00:30 in Sweden → 7.
        Assert.Equal(7, V(alfa, "br.count"));
        // Reportable: 1, 2, 3, 4, 6; within 72 h: 1 (10 h), 2 (exactly 72 h), 6 (20 h) → 3 of 5.
        Assert.Equal(0.6, V(alfa, "br.72h")!.Value, 6);
        // Reported after 10, 72, 100, 20 h → sorted 10, 20, 72, 100 → (20 + 72) / 2 = 46.
        Assert.Equal(46, V(alfa, "br.median"));
        // High risk: 2, 3, 4; told (Art. 34): 2 → 1 of 3.
        Assert.Equal(1.0 / 3, V(alfa, "br.art34")!.Value, 6);
    }

    [PostgresFact]
    public async Task DpoAndDrills_PerParty()
    {
        var (shown, alfa) = await BuildAsync();
        var beta = shown.Row(app.Beta)!;
        var gamma = shown.Row(app.Gamma)!;
        // Alfa 40 % of a post against a target of 50 %; Beta 10 %; Gamma 100 %.
        Assert.Equal(40, V(alfa, "dpo.share"));
        Assert.Equal("40 % (mål 50 %)", MaturityComparison.Format(MaturityComparison.Def("dpo.share"), shown.Row(app.Alfa)!.Cells["dpo.share"]));
        Assert.Equal(10, V(beta, "dpo.share"));
        Assert.Equal(100, V(gamma, "dpo.share"));
        // Beta's Socialnämnden has no DPO: 1 of 2.
        Assert.Equal(1, V(beta, "dpo.uncovered"));
        Assert.Equal(0, V(alfa, "dpo.uncovered"));
        // Beta: reports below the highest management (38.3), 10 % < the 20 % minimum (38.2), the person is IT-chef (38.6) → 3.
        Assert.Equal(3, V(beta, "dpo.warnings"));
        Assert.Equal(0, V(alfa, "dpo.warnings"));
        Assert.Equal(0, V(gamma, "dpo.warnings"));
        // Last drills: Alfa 15 Mar 2026 → 8 whole months to 23 Nov; Gamma 23 Nov 2024 → 24; Beta none.
        Assert.Equal(8, V(alfa, "drill.months"));
        Assert.Equal(24, V(gamma, "drill.months"));
        Assert.Null(V(beta, "drill.months"));
        Assert.Equal("ingen övning", MaturityComparison.Format(MaturityComparison.Def("drill.months"), beta.Cells["drill.months"]));
    }

    [PostgresFact]
    public async Task CrossPartyView_SuppressesSmallNumbers()
    {
        var (shown, _) = await BuildAsync();
        var alfa = shown.Row(app.Alfa)!;
        var beta = shown.Row(app.Beta)!;
        string F(ComparisonRow row, string key) => MaturityComparison.Format(MaturityComparison.Def(key), row.Cells[key]);

        // Counts below 5 are "< 5": Alfa's 2 open and 1 overdue, Beta's 3 requests and 0 breaches.
        Assert.Equal("8", F(alfa, "req.count"));
        Assert.Equal("< 5", F(alfa, "req.open"));
        Assert.Equal("< 5", F(alfa, "req.overdue"));
        Assert.Equal("< 5", F(beta, "req.count"));
        Assert.Equal("< 5", F(beta, "br.count"));
        Assert.Null(beta.Cells["req.count"].Value); // the number itself never leaves the comparison
        // A share on fewer than five cases is not shown: Alfa's Art. 34 share (3 high-risk), Beta's on-time share (3 decided).
        Assert.True(alfa.Cells["br.art34"].Suppressed);
        Assert.Null(alfa.Cells["br.art34"].Value);
        Assert.True(beta.Cells["req.ontime"].Suppressed);
        Assert.Null(beta.Cells["req.ontime"].Value);
        Assert.Equal("färre än 5 ärenden", F(beta, "req.ontime"));
        // Five or more: shown (Alfa 6 decided → 67 %; 5 answered → median 28 days).
        Assert.Equal("67 %", F(alfa, "req.ontime"));
        Assert.Equal("28 dagar", F(alfa, "req.median"));
        // Beta has no breach: no share at all ("–"), which is not a suppression.
        Assert.False(beta.Cells["br.72h"].Suppressed);
        Assert.Equal("–", F(beta, "br.72h"));
    }

    [PostgresFact]
    public async Task RegionalMedians_OverTheShownValues()
    {
        var (shown, _) = await BuildAsync();
        double? M(string key) => shown.Medians[key].Value;
        // Requests received: 8, 3, 5 → 5 (a count enters the median always).
        Assert.Equal(5, M("req.count"));
        Assert.False(shown.Medians["req.count"].Suppressed);
        // On time: Alfa 4/6, Gamma 5/5; Beta's 1/3 is hidden, so it does not enter → (0.6667 + 1) / 2 = 0.8333.
        Assert.Equal((4.0 / 6 + 1) / 2, M("req.ontime")!.Value, 6);
        // Median days: Alfa 28, Gamma 9 (5, 7, 9, 11, 13) → 18.5.
        Assert.Equal(18.5, M("req.median"));
        // Open now: 2, 1, 0 → 1, itself shown "< 5", and the number is dropped like every hidden one.
        Assert.Null(M("req.open"));
        Assert.True(shown.Medians["req.open"].Suppressed);
        // Within 72 h: Alfa 0.6 (5 reportable), Gamma 1.0 → 0.8. Median hours: Alfa's 46 rests on 4 reported breaches
        // and is hidden, so only Gamma's 10 enters → 10.
        Assert.Equal(0.8, M("br.72h")!.Value, 6);
        Assert.True(shown.Row(app.Alfa)!.Cells["br.median"].Suppressed);
        Assert.Equal(10, M("br.median"));
        // Art. 34: Alfa's is hidden, nobody else has high-risk breaches → no median.
        Assert.Null(M("br.art34"));
        // DPO share 40, 10, 100 → 40; warnings 0, 3, 0 → 0; drills 8, none, 24 → 16.
        Assert.Equal(40, M("dpo.share"));
        Assert.Equal(0, M("dpo.warnings"));
        Assert.Equal(16, M("drill.months"));
    }

    [PostgresFact]
    public async Task TheMeasuredTrend_ShowsTheOnTimeShareYearByYear_SuppressedBelowFiveDecided()
    {
        using var scope = app.Services.CreateScope();
        var trend = await scope.ServiceProvider.GetRequiredService<MaturityComparison>().OnTimeTrendAsync(MaturityFactory.Today, default);
        // Five years up to today's: 2022–2026.
        Assert.Equal([2022, 2023, 2024, 2025, 2026], trend.Years);
        var alfa = trend.Parties.Single(p => p.PartyId == app.Alfa).ByYear;
        var beta = trend.Parties.Single(p => p.PartyId == app.Beta).ByYear;
        var gamma = trend.Parties.Single(p => p.PartyId == app.Gamma).ByYear;
        // Alfa 2026: 4 of 6 decided on time (as on the table); 2025: one decided request only → not shown.
        Assert.Equal([2026], alfa.Keys);
        Assert.Equal(4.0 / 6, alfa[2026], 6);
        // Beta: 3 decided → not shown; Gamma: 5 of 5.
        Assert.Empty(beta);
        Assert.Equal(1, gamma[2026], 6);
        // The regional median over the shown values: (0.6667 + 1) / 2; no shown value in the earlier years → none.
        Assert.Equal((4.0 / 6 + 1) / 2, trend.MedianByYear[2026]!.Value, 6);
        Assert.Null(trend.MedianByYear[2025]);
    }

    [PostgresFact]
    public async Task AnEarlierPeriod_CountsOnlyItsCases_AndTheDrillAsOfItsEnd()
    {
        using var scope = app.Services.CreateScope();
        var comparison = scope.ServiceProvider.GetRequiredService<MaturityComparison>();
        var (_, alfa) = await comparison.OwnRowAsync(app.Alfa, Period.Year(2025), MaturityFactory.Today, default);
        // 2025: request 9 only (answered 5 Jan 2026, due 12 Jan: on time, 26 days); open now is still today's 2.
        Assert.Equal(1, V(alfa, "req.count"));
        Assert.Equal(1, V(alfa, "req.ontime"));
        Assert.Equal(26, V(alfa, "req.median"));
        Assert.Equal(2, V(alfa, "req.open"));
        Assert.Equal(0, V(alfa, "br.count"));
        // As of 31 Dec 2025 the last drill was 1 May 2025 → 7 whole months.
        Assert.Equal(7, V(alfa, "drill.months"));
    }
}
