using GemensamNamnd.Domain.Breaches;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Breaches;

/// <summary>
/// The party's members who can handle a breach (Handläggare and Dataskyddsombud, those the officer policy admits), for
/// the handler select, and the assignment itself: one handler or none, only while the breach is open, with the version
/// read and one line in the timeline (the audit interceptor records the change).
/// </summary>
public sealed class AssignBreachHandler(AppDbContext db, CurrentParty currentParty, CurrentActor actor, TimeProvider clock)
{
    public const string Field = "HandlerId";

    /// <summary>The party's possible handlers by name.</summary>
    public async Task<List<(Guid Id, string Name)>> CandidatesAsync(CancellationToken cancellationToken = default)
    {
        var partyId = currentParty.Required.Id;
        var rows = await db.Memberships.AsNoTracking()
            .Where(m => m.PartyId == partyId && (m.Role == PartyRole.Handlaggare || m.Role == PartyRole.Dataskyddsombud))
            .Join(db.Users.Where(u => !u.IsDisabled), m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.DisplayName })
            .Distinct().OrderBy(u => u.DisplayName).ToListAsync(cancellationToken);
        return [.. rows.Select(u => (u.Id, u.DisplayName))];
    }

    public async Task<CommandResult<Breach>> RunAsync(Guid id, Guid version, Guid? handlerId, CancellationToken cancellationToken = default)
    {
        var b = await db.Breaches.FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (b is null)
        {
            return CommandResult<Breach>.NotFound();
        }

        if (b.Version != version)
        {
            return CommandResult<Breach>.Conflict();
        }

        if (BreachStatusRules.IsClosed(b.Status))
        {
            return CommandResult<Breach>.Invalid(Field, "En avslutad incident kan inte tilldelas.");
        }

        string text;
        if (handlerId is { } handler)
        {
            var name = (await CandidatesAsync(cancellationToken)).Where(c => c.Id == handler).Select(c => c.Name).FirstOrDefault();
            if (name is null)
            {
                return CommandResult<Breach>.Invalid(Field, "Välj en handläggare eller ett dataskyddsombud hos parten.");
            }

            text = $"Tilldelad {name}.";
        }
        else
        {
            text = "Ingen handläggare tilldelad.";
        }

        if (b.HandlerId == handlerId)
        {
            return CommandResult.Done(b);
        }

        b.HandlerId = handlerId;
        db.Entry(b).Property(x => x.Version).OriginalValue = version;
        db.BreachEvents.Add(new BreachEvent { BreachId = b.Id, At = clock.GetUtcNow(), ActorName = actor.DisplayName, Text = text });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return CommandResult<Breach>.Conflict();
        }

        return CommandResult.Done(b);
    }
}
