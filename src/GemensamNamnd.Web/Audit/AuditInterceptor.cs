using System.Reflection;
using System.Text.Json;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GemensamNamnd.Web.Audit;

/// <summary>
/// Writes the audit trail for every change, in the same SaveChanges (so in the same transaction) as the change itself.
/// The one place audit rows are made: handlers never write them by hand.
/// </summary>
public sealed class AuditInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    private const string Protected = "[skyddat]";

    // Readable Swedish in the log (å, ä, ö unescaped); the log is shown HTML-encoded, never as raw HTML.
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Record(DbContext? context)
    {
        if (context is not AppDbContext db)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var entries = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            // Case-number counters, form submission keys, the mail outbox and the reminder ledger are bookkeeping, not case data.
            .Where(e => e.Entity is not (AuditEntry or PersonalDataRead or DataProtectionKey or Features.CaseNumbers.CaseNumberSeries or Infrastructure.FormSubmission) && !e.Metadata.IsOwned())
            .Where(e => e.Entity is not (Features.Outbox.OutboxMessage or Features.Reminders.SentReminder or Identity.UserSession))
            .ToList();

        foreach (var entry in entries)
        {
            var changes = Describe(entry);
            if (entry.State == EntityState.Modified && changes.Count == 0)
            {
                continue;
            }

            db.AuditEntries.Add(new AuditEntry
            {
                PartyId = entry.Entity is IPartyOwned owned ? owned.PartyId : null,
                At = now,
                ActorId = db.Actor?.Id ?? "okänd",
                ActorName = db.Actor?.DisplayName ?? "okänd",
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString())),
                Action = entry.State switch
                {
                    EntityState.Added => AuditAction.Created,
                    EntityState.Deleted => AuditAction.Deleted,
                    _ => AuditAction.Modified,
                },
                Changes = JsonSerializer.Serialize(changes, Json),
            });
        }
    }

    private static Dictionary<string, object?> Describe(EntityEntry entry)
    {
        var result = new Dictionary<string, object?>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (name is nameof(IVersioned.Version) || property.Metadata.IsShadowProperty())
            {
                continue;
            }

            var isPersonal = property.Metadata.PropertyInfo?.GetCustomAttribute<PersonalDataAttribute>() is not null;
            // Enums by name, so the log reads "Registered → InProgress", not numbers.
            object? Show(object? value) => isPersonal && value is not null ? Protected : value is Enum e ? e.ToString() : value;

            switch (entry.State)
            {
                case EntityState.Added:
                    result[name] = Show(property.CurrentValue);
                    break;
                case EntityState.Deleted:
                    result[name] = Show(property.OriginalValue);
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    result[name] = new { from = Show(property.OriginalValue), to = Show(property.CurrentValue) };
                    break;
            }
        }

        // Owned JSON documents (party settings) are audited as part of their owner.
        foreach (var reference in entry.References.Where(r => r.TargetEntry is { } t && t.Metadata.IsOwned()))
        {
            var target = reference.TargetEntry!;
            if (entry.State == EntityState.Modified && target.State != EntityState.Modified && target.State != EntityState.Added)
            {
                continue;
            }

            result[reference.Metadata.Name] = target.Properties.ToDictionary(p => p.Metadata.Name, p => p.CurrentValue);
        }

        return result;
    }
}
