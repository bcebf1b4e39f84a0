using GemensamNamnd.Web.Audit;
using GemensamNamnd.Web.Parties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GemensamNamnd.Web.Data;

/// <summary>
/// Stamps new party-owned rows with the current party and refuses rows of another party, changes through the
/// cross-party path, and edits of the append-only logs. Runs before <see cref="AuditInterceptor"/>.
/// </summary>
public sealed class PartyBoundaryInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Guard(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Guard(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Guard(DbContext? context)
    {
        if (context is not AppDbContext db)
        {
            return;
        }

        var changes = db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        if (db.IsCrossParty && changes.Count > 0)
        {
            throw new PartyBoundaryException("Den partsöverskridande vägen är skrivskyddad.");
        }

        foreach (var entry in changes)
        {
            if (entry.Entity is AuditEntry or PersonalDataRead or Features.Retention.RetentionLogEntry && entry.State != EntityState.Added)
            {
                throw new PartyBoundaryException("Loggen kan bara läggas till, aldrig ändras eller tas bort.");
            }

            if (entry.Entity is IVersioned versioned && entry.State is EntityState.Added or EntityState.Modified)
            {
                versioned.Version = Guid.NewGuid();
            }

            if (entry.Entity is not IPartyOwned owned)
            {
                continue;
            }

            var current = db.CurrentPartyId ?? throw new PartyBoundaryException($"{entry.Metadata.ClrType.Name} kan bara sparas som en part.");
            if (entry.State == EntityState.Added && owned.PartyId == Guid.Empty)
            {
                owned.PartyId = current;
            }

            var original = entry.State == EntityState.Added ? owned.PartyId : entry.Property(nameof(IPartyOwned.PartyId)).OriginalValue as Guid?;
            if (owned.PartyId != current || original != current)
            {
                throw new PartyBoundaryException($"{entry.Metadata.ClrType.Name} tillhör en annan part och kan inte sparas här.");
            }
        }
    }
}

/// <summary>An attempt to cross the party boundary: a programming error, never user input.</summary>
public sealed class PartyBoundaryException(string message) : InvalidOperationException(message);
