using GemensamNamnd.Domain.Maturity;
using GemensamNamnd.Domain.Processing;
using GemensamNamnd.Web.Features.Maturity;
using GemensamNamnd.Web.Features.Processing;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GemensamNamnd.Web.Tests.Features.Maturity;

/// <summary>
/// Issue 21's indicators in the e-strateg's comparison, on a known data set added here (PostgreSQL, cross-party path):
/// the share of activities with a legal basis and of required assessments done, suppressed below five as other shares.
/// </summary>
[Collection(MaturityCollection.Name)]
public sealed class RecordIndicatorsTests(MaturityFactory app)
{
    [PostgresFact]
    public async Task RecordIndicators_AreSharesOverTheActivities_AndSuppressedBelowFive()
    {
        // Gamma: six activities as controller (five with a basis), one as processor (no basis of its own, left out);
        // five require an assessment: three decided, one begun, one none → 3 of 5.
        await app.InParty("m-gamma", async db =>
        {
            // An existing controller: a new one would change the DPO figures the other tests of the data set count.
            var controller = await db.DataControllers.OrderBy(c => c.Name).FirstAsync();
            for (var i = 0; i < 7; i++)
            {
                var activity = new ProcessingActivity
                {
                    ControllerId = controller.Id,
                    Name = $"Behandling {i}",
                    LegalBasis = i is 0 or 6 ? null : LegalBasis.PublicTask,
                    AsProcessor = i == 6,
                    ExternalController = i == 6 ? "Förbundet" : null,
                    RetentionRule = "Bevaras",
                    DpiaRequired = i < 5,
                };
                db.ProcessingActivities.Add(activity);
                if (i < 4)
                {
                    db.ImpactAssessments.Add(new ImpactAssessment { ActivityId = activity.Id, Description = "Bedömning", Decision = i < 3 ? DpiaDecision.Proceed : null });
                }
            }

            return await db.SaveChangesAsync();
        });

        // Beta: two activities, both with a basis: too few to show.
        await app.InParty("m-beta", async db =>
        {
            var controller = await db.DataControllers.OrderBy(c => c.Name).FirstAsync();
            db.ProcessingActivities.AddRange(
                new ProcessingActivity { ControllerId = controller.Id, Name = "A", LegalBasis = LegalBasis.LegalObligation, RetentionRule = "Bevaras" },
                new ProcessingActivity { ControllerId = controller.Id, Name = "B", LegalBasis = LegalBasis.Contract, RetentionRule = "Bevaras" });
            return await db.SaveChangesAsync();
        });

        using var scope = app.Services.CreateScope();
        var comparison = scope.ServiceProvider.GetRequiredService<MaturityComparison>();
        var (shown, gamma) = await comparison.OwnRowAsync(app.Gamma, Period.Year(2026), MaturityFactory.Today, default);
        Assert.Equal(5.0 / 6, gamma.Cells["rec.basis"].Value!.Value, 6);
        Assert.Equal(3.0 / 5, gamma.Cells["rec.dpia"].Value!.Value, 6);

        var shownGamma = shown.Row(app.Gamma)!;
        Assert.Equal(5.0 / 6, shownGamma.Cells["rec.basis"].Value!.Value, 6);
        Assert.False(shownGamma.Cells["rec.dpia"].Suppressed);
        var beta = shown.Row(app.Beta)!;
        Assert.True(beta.Cells["rec.basis"].Suppressed);
        Assert.Null(beta.Cells["rec.basis"].Value);
        Assert.Equal("Registerförteckning", MaturityComparison.Def("rec.dpia").Group);
    }
}
