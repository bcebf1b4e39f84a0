using System.Globalization;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Parties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GemensamNamnd.Web.Features.CaseNumbers;

/// <summary>
/// The last case number (diarienummer) taken in one party's series for one year. One series per party and year for
/// every register (requests, breaches, …), as in a diarium: a number names one case, whatever its kind.
/// </summary>
public sealed class CaseNumberSeries : IPartyOwned
{
    public Guid PartyId { get; set; }

    public int Year { get; init; }

    public int LastNumber { get; set; }
}

internal sealed class CaseNumberSeriesConfiguration : IEntityTypeConfiguration<CaseNumberSeries>
{
    public void Configure(EntityTypeBuilder<CaseNumberSeries> b)
    {
        b.HasKey(s => new { s.PartyId, s.Year });
    }
}

/// <summary>
/// Hands out case numbers per party and year, shared by all registers — <c>KS 2026/0042</c> — unique and never reused, also when many
/// requests are registered at once: the increment is one UPDATE whose row lock serialises concurrent callers until their
/// transaction ends. A number taken by a save that later fails is skipped, never handed out again.
/// </summary>
public sealed class CaseNumberAllocator(AppDbContext db, CurrentParty currentParty)
{
    public async Task<string> NextAsync(int year, CancellationToken cancellationToken = default)
    {
        var number = await NextNumberAsync(year, cancellationToken);
        return Format(currentParty.Required.Settings.CaseNumberPrefix, year, number);
    }

    public static string Format(string prefix, int year, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix} {year}/{number:0000}");

    private async Task<int> NextNumberAsync(int year, CancellationToken cancellationToken)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await using (own)
        {
            for (var attempt = 0; ; attempt++)
            {
                var rows = await db.Set<CaseNumberSeries>().Where(s => s.Year == year)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastNumber, x => x.LastNumber + 1), cancellationToken);
                if (rows == 0)
                {
                    // The year's first number: create the series. A concurrent creator makes this insert fail; EF rolls
                    // back to the savepoint it took inside the transaction, and the next attempt increments instead.
                    var first = new CaseNumberSeries { Year = year, LastNumber = 1 };
                    db.Add(first);
                    try
                    {
                        await db.SaveChangesAsync(cancellationToken);
                    }
                    catch (DbUpdateException) when (attempt < 3)
                    {
                        db.Entry(first).State = EntityState.Detached;
                        continue;
                    }
                }

                var number = await db.Set<CaseNumberSeries>().Where(s => s.Year == year)
                    .Select(s => s.LastNumber).SingleAsync(cancellationToken);
                if (own is not null)
                {
                    await own.CommitAsync(cancellationToken);
                }

                return number;
            }
        }
    }
}

public static class CaseNumberExtensions
{
    public static IServiceCollection AddCaseNumbers(this IServiceCollection services) => services.AddScoped<CaseNumberAllocator>();
}
