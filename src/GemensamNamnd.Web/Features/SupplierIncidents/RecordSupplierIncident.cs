using GemensamNamnd.Domain.Breaches;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Breaches;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.SupplierIncidents;

/// <summary>What a supplier incident is recorded with; <c>PartiesToldAt</c> (default now) starts each draft's clock.</summary>
public sealed record SupplierIncidentInput(Guid? SupplierId, string? Title, string? Description, DateTimeOffset? SupplierAwareAt, IReadOnlyList<Guid>? PartyIds, DateTimeOffset? PartiesToldAt);

/// <summary>
/// Records a supplier incident, then fans it out through <see cref="SupplierIncidentDrafts"/>. Everything is validated
/// before anything is stored; no party → nothing stored.
/// </summary>
public sealed class RecordSupplierIncident(AppDbContext db, SupplierIncidentDrafts drafts, CurrentActor actor, TimeProvider clock)
{
    public async Task<CommandResult<SupplierIncident>> RunAsync(SupplierIncidentInput input, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        var supplier = input.SupplierId is { } sid ? await db.Suppliers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sid && s.IsActive, ct) : null;
        if (supplier is null)
        {
            errors["SupplierId"] = ["Välj leverantören."];
        }

        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Trim().Length > Limits.Name)
        {
            errors["Title"] = ["Ange en kort rubrik (högst 200 tecken)."];
        }

        if (string.IsNullOrWhiteSpace(input.Description))
        {
            errors["Description"] = ["Beskriv vad som har hänt hos leverantören."];
        }

        SaveBreach.CheckText(errors, "Description", input.Description, BreachRules.TextLimit, leaves: true);
        SaveBreach.CheckText(errors, "Title", input.Title, Limits.Name, leaves: true);
        if (input.SupplierAwareAt is not { } aware)
        {
            errors["SupplierAwareAt"] = ["Ange när leverantören fick kännedom om incidenten."];
        }
        else if (aware > now + BreachRules.Skew)
        {
            errors["SupplierAwareAt"] = ["Tidpunkten då leverantören fick kännedom kan inte ligga i framtiden."];
        }

        var told = SaveBreach.Instant(input.PartiesToldAt ?? now)!.Value;
        if (told > now + BreachRules.Skew)
        {
            errors["PartiesToldAt"] = ["Tidpunkten då parterna fick veta kan inte ligga i framtiden."];
        }
        else if (input.SupplierAwareAt is { } a && told < a)
        {
            errors["PartiesToldAt"] = ["Parterna kan inte ha fått veta före leverantören."];
        }

        var partyIds = input.PartyIds?.Distinct().ToList() ?? [];
        if (partyIds.Count == 0)
        {
            errors["PartyIds"] = ["Välj minst en berörd part."];
        }
        else
        {
            var active = await db.Parties.AsNoTracking().Where(p => partyIds.Contains(p.Id) && p.IsActive).Select(p => p.Id).ToListAsync(ct);
            if (active.Count != partyIds.Count)
            {
                errors["PartyIds"] = ["Välj parter som finns i nämnden."];
            }
        }

        if (errors.Count > 0)
        {
            return CommandResult<SupplierIncident>.Invalid(errors.ToErrors());
        }

        var incident = new SupplierIncident
        {
            SupplierId = supplier!.Id,
            Title = input.Title!.Trim(),
            Description = input.Description!.Trim(),
            SupplierAwareAt = SaveBreach.Instant(input.SupplierAwareAt)!.Value,
            PartiesToldAt = told,
            RecordedAt = now,
            RecordedBy = actor.DisplayName,
            PartyIds = partyIds,
        };
        db.Add(incident);
        await db.SaveChangesAsync(ct);

        await drafts.EnsureAsync(incident, ct);
        return CommandResult.Done(incident);
    }
}

/// <summary>
/// The fan-out: every affected party gets one draft breach in its own register, created inside
/// <see cref="PartyScope.RunAsync{T}"/> so row-level security holds, starting from the time the parties were told (each
/// party's own awareness, EDPB Guidelines 9/2022); the party then edits it, assesses it and decides. A draft is one
/// transaction in its party, and the fan-out only adds what is missing (a unique index keeps one per party), so when it
/// stops half-way — a party's database call fails, the instance restarts — "Skapa saknade utkast" finishes it.
/// </summary>
public sealed class SupplierIncidentDrafts(AppDbContext db, PartyScope scope, CurrentActor actor, ILogger<SupplierIncidentDrafts> log)
{
    /// <summary>Creates the drafts that are missing; returns how many it created.</summary>
    public async Task<int> EnsureAsync(SupplierIncident incident, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var supplierName = await db.Suppliers.AsNoTracking().Where(s => s.Id == incident.SupplierId).Select(s => s.Name).FirstAsync(ct);
        var who = actor.DisplayName;
        var created = 0;
        foreach (var partyId in incident.PartyIds)
        {
            if (await scope.RunAsync(partyId, sp => DraftAsync(sp, incident, supplierName, who, ct), ct))
            {
                created++;
            }
        }

        log.LogInformation("Supplier incident {IncidentId}: {Created} drafts created for {Parties} parties", incident.Id, created, incident.PartyIds.Count);
        return created;
    }

    /// <summary>The draft in one party's register, as that party (row-level security holds).</summary>
    private static async Task<bool> DraftAsync(IServiceProvider sp, SupplierIncident incident, string supplierName, string who, CancellationToken ct)
    {
        sp.GetRequiredService<CurrentActor>().UseSystem(who);
        var partyDb = sp.GetRequiredService<AppDbContext>();
        if (await partyDb.Breaches.AnyAsync(b => b.SupplierIncidentId == incident.Id, ct))
        {
            return false;
        }

        var told = incident.PartiesToldAt;
        var controllers = await partyDb.DataControllers.Where(c => c.IsActive).OrderBy(c => c.Name).Select(c => c.Id).ToListAsync(ct);
        var input = new BreachInput(
            $"Leverantörsincident: {incident.Title}", controllers, null, null, told, told, null, supplierName,
            $"Utkast från leverantörsincident hos {supplierName} (leverantören fick kännedom {Swedish.DateTime(incident.SupplierAwareAt)}). {incident.Description} Granska: välj berörda nämnder, typ, orsak och grupper, och ändra tidpunkten för kännedom om parten fick veta vid en annan tid.",
            BreachTypes.Confidentiality, BreachCause.Other, null, [], DataKinds.None, null, null, null, null, null, null,
            new BreachIncidentFacts(false, SupplierId: incident.SupplierId));
        var result = await sp.GetRequiredService<SaveBreach>().CreateAsync(input, incident.Id, ct);
        return result.Ok ? true : throw new InvalidOperationException($"Utkastet kunde inte skapas: {string.Join(" ", result.Errors.Select(e => e.Message))}");
    }
}

/// <summary>"Skicka uppdatering": the supplier's news onto every draft's timeline, each inside its own party.</summary>
public sealed class PushSupplierUpdate(AppDbContext db, PartyScope scope, CurrentActor actor, TimeProvider clock)
{
    public async Task<CommandResult<SupplierIncidentUpdate>> RunAsync(Guid incidentId, string? text, CancellationToken ct = default)
    {
        var incident = await db.Set<SupplierIncident>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == incidentId, ct);
        if (incident is null)
        {
            return CommandResult<SupplierIncidentUpdate>.NotFound();
        }

        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(text))
        {
            errors["UpdateText"] = ["Skriv vad leverantören har meddelat."];
        }

        SaveBreach.CheckText(errors, "UpdateText", text, BreachRules.TextLimit, leaves: true);
        if (errors.Count > 0)
        {
            return CommandResult<SupplierIncidentUpdate>.Invalid(errors.ToErrors());
        }

        var now = clock.GetUtcNow();
        var update = new SupplierIncidentUpdate { SupplierIncidentId = incident.Id, At = now, ActorName = actor.DisplayName, Text = text!.Trim() };
        db.Add(update);
        await db.SaveChangesAsync(ct);
        var who = actor.DisplayName;
        foreach (var partyId in incident.PartyIds)
        {
            await scope.RunAsync(partyId, async sp =>
            {
                var partyDb = sp.GetRequiredService<AppDbContext>();
                var ids = await partyDb.Breaches.Where(b => b.SupplierIncidentId == incident.Id).Select(b => b.Id).ToListAsync(ct);
                foreach (var id in ids)
                {
                    partyDb.BreachEvents.Add(new BreachEvent { BreachId = id, At = now, ActorName = who, Text = $"Uppdatering från leverantören: {update.Text}" });
                }

                await partyDb.SaveChangesAsync(ct);
            }, ct);
        }

        return CommandResult.Done(update);
    }
}
