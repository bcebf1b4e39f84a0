using GemensamNamnd.Domain.Maturity;
using GemensamNamnd.Domain.Processors;
using GemensamNamnd.Web.Features.Maturity;
using GemensamNamnd.Web.Features.Processors;
using GemensamNamnd.Web.Features.Suppliers;
using GemensamNamnd.Web.Features.Systems;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GemensamNamnd.Web.Tests.Features.Maturity;

/// <summary>
/// Issue 21's measured indicators on the known data set, period 2026, today 23 November 2026: the share of processors
/// in use with an agreement in force, and the consultations of the DPO, suppressed below five like the others.
/// </summary>
[Collection(MaturityCollection.Name)]
public sealed class ProcessorIndicatorsTests(MaturityFactory app)
{
    [PostgresFact]
    public async Task ProcessorsWithAgreement_AndConsultations_PerParty_SuppressedBelowFive()
    {
        var today = MaturityFactory.Today;
        var suppliers = new List<Guid>();
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GemensamNamnd.Web.Data.AppDbContext>();
            for (var i = 0; i < 6; i++)
            {
                var s = new Supplier { Name = $"Indikator {i} {Guid.NewGuid():N}"[..30], Country = "SE" };
                db.Suppliers.Add(s);
                suppliers.Add(s.Id);
            }

            await db.SaveChangesAsync();
        }

        // Alfa: five suppliers of active systems (the sixth's system is out of use); agreements in force with three, one
        // expired on 1 November, one starting in December, one with the sixth → 3 of 5 = 0.6. Then the record of
        // processing names the sixth as processor of an activity: in use after all → 4 of 6.
        // Consultations: six in 2026, one in 2025 → 6. Beta: two in 2026 → shown "< 5".
        await app.InParty("m-alfa", async db =>
        {
            var controller = await db.DataControllers.Select(c => c.Id).FirstAsync();
            for (var i = 0; i < 6; i++)
            {
                db.PartySystems.Add(new PartySystem { Name = $"Indikatorsystem {i} {Guid.NewGuid():N}"[..30], SupplierId = suppliers[i], IsActive = i < 5 });
            }

            ProcessorAgreement Agreement(Guid supplier, DateOnly from, DateOnly? to) =>
                new() { SupplierId = supplier, ControllerIds = [controller], ValidFrom = from, ValidTo = to, Standard = AgreementStandard.SkrTemplate };
            db.ProcessorAgreements.AddRange(
                Agreement(suppliers[0], new DateOnly(2024, 1, 1), null),
                Agreement(suppliers[1], new DateOnly(2024, 1, 1), new DateOnly(2026, 12, 31)),
                Agreement(suppliers[2], new DateOnly(2024, 1, 1), today),
                Agreement(suppliers[3], new DateOnly(2024, 1, 1), new DateOnly(2026, 11, 1)),
                Agreement(suppliers[4], new DateOnly(2026, 12, 1), null),
                Agreement(suppliers[5], new DateOnly(2024, 1, 1), null));
            for (var i = 0; i < 6; i++)
            {
                db.DpoConsultations.Add(new DpoConsultation { ControllerId = controller, AskedOn = new DateOnly(2026, 1 + i, 10), Subject = "Fråga" });
            }

            db.DpoConsultations.Add(new DpoConsultation { ControllerId = controller, AskedOn = new DateOnly(2025, 12, 31), Subject = "Fråga" });
            return await db.SaveChangesAsync();
        });
        await app.InParty("m-beta", async db =>
        {
            var controller = await db.DataControllers.Select(c => c.Id).FirstAsync();
            db.DpoConsultations.Add(new DpoConsultation { ControllerId = controller, AskedOn = new DateOnly(2026, 3, 1), Subject = "Fråga" });
            db.DpoConsultations.Add(new DpoConsultation { ControllerId = controller, AskedOn = new DateOnly(2026, 4, 1), Subject = "Fråga" });
            return await db.SaveChangesAsync();
        });

        using var s2 = app.Services.CreateScope();
        var comparison = s2.ServiceProvider.GetRequiredService<MaturityComparison>();
        var (shown, alfa) = await comparison.OwnRowAsync(app.Alfa, Period.Year(2026), today, default);
        Assert.Equal(0.6, alfa.Cells["proc.agreements"].Value!.Value, 6);
        Assert.Equal(6, alfa.Cells["dpo.consultations"].Value);
        Assert.Equal(6, shown.Row(app.Alfa)!.Cells["dpo.consultations"].Value);
        Assert.Equal(0.6, shown.Row(app.Alfa)!.Cells["proc.agreements"].Value!.Value, 6);

        await app.InParty("m-alfa", async db =>
        {
            var controller = await db.DataControllers.Select(c => c.Id).FirstAsync();
            db.ProcessingActivities.Add(new GemensamNamnd.Web.Features.Processing.ProcessingActivity { ControllerId = controller, Name = "Indikatorbehandling", SupplierIds = [suppliers[5]] });
            return await db.SaveChangesAsync();
        });
        using var s3 = app.Services.CreateScope();
        var (_, alfaAgain) = await s3.ServiceProvider.GetRequiredService<MaturityComparison>().OwnRowAsync(app.Alfa, Period.Year(2026), today, default);
        Assert.Equal(4 / 6.0, alfaAgain.Cells["proc.agreements"].Value!.Value, 6);
        var beta = shown.Row(app.Beta)!;
        Assert.True(beta.Cells["dpo.consultations"].Suppressed);
        Assert.Null(beta.Cells["dpo.consultations"].Value);
        Assert.Null(beta.Cells["proc.agreements"].Value); // no processor in use
    }
}
