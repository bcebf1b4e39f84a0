using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Domain.Dpo;
using GemensamNamnd.Web.Features.Controllers;
using GemensamNamnd.Web.Features.Reminders;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Dpo;

/// <summary>
/// The DPO register's reminders, from the same rules as its warnings (<see cref="FollowUp"/>, <see cref="CoverageGaps"/>):
/// an allocation ending within 30 days (so a successor is designated in time), an ordinary DPO whose contact details IMY
/// has not had 14 days after the start (Art. 37(7)), and a controller without an ordinary DPO today (Art. 37(1)(a)).
/// Each is sent once per occurrence: the ending per end date, the gap per the day it began.
/// </summary>
public sealed class DpoReminderSource : IReminderSource
{
    public const string Ending = "dpo.ending";
    public const string ImyNotice = "dpo.imy-notice";
    public const string Gap = "dpo.gap";

    public async Task<IReadOnlyList<DueReminder>> FindDueAsync(ReminderContext context, CancellationToken cancellationToken)
    {
        var today = context.Today;
        var allocations = await context.Db.DpoAllocations.AsNoTracking().ToListAsync(cancellationToken);
        var controllers = await context.Db.DataControllers.AsNoTracking().Where(c => c.IsActive)
            .Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        var path = $"/{context.Party.Slug}/dataskyddsombud";
        var result = new List<DueReminder>();

        foreach (var a in allocations)
        {
            var reference = $"{a.Role.Swedish()} dataskyddsombud från {SwedishDates.Long(a.StartsOn)}";
            if (FollowUp.EndingSoon(a.Span, today) is not null && a.EndsOn is { } end)
            {
                result.Add(new DueReminder(a.Id, Ending, end.DayNumber, reference,
                    $"Uppdraget upphör {SwedishDates.Long(end)}. Utse en efterträdare i tid så att ingen nämnd står utan dataskyddsombud (art. 37.1).",
                    SwedishDates.Long(end), path, null, Summary: $"upphör {SwedishDates.Long(end)}", IsCase: false));
            }

            if (FollowUp.ImyNotTold(a.Role, a.Span, a.ImyReportedOn, today) is not null)
            {
                var due = FollowUp.ImyNoticeDue(a.StartsOn);
                result.Add(new DueReminder(a.Id, ImyNotice, FollowUp.ImyNoticeDays, reference,
                    $"IMY har inte fått dataskyddsombudets kontaktuppgifter fast uppdraget började för mer än {FollowUp.ImyNoticeDays} dagar sedan (art. 37.7).",
                    SwedishDates.Long(due), path, null, Summary: "IMY har inte fått kontaktuppgifterna", IsCase: false));
            }
        }

        var gaps = CoverageGaps.Find(controllers.Select(c => c.Id), allocations.Select(a => a.Facts), today, today);
        foreach (var gap in gaps)
        {
            // The gap as it stands today began where the last ordinary allocation before it ended; a controller that never
            // had one is keyed 0, so either way the key stays the same every day the gap lasts.
            var began = allocations
                .Where(a => a.Role == DpoRole.Ordinarie && a.ControllerIds.Contains(gap.ControllerId) && a.EndsOn < today)
                .Select(a => a.EndsOn!.Value.AddDays(1))
                .DefaultIfEmpty(DateOnly.MinValue)
                .Max();
            var name = controllers.First(c => c.Id == gap.ControllerId).Name;
            result.Add(new DueReminder(gap.ControllerId, Gap, began.DayNumber, name,
                "Inget ordinarie dataskyddsombud är utsett i dag. Varje myndighet ska utse ett dataskyddsombud (art. 37.1 a).",
                SwedishDates.Long(today), path, null, [gap.ControllerId], "inget dataskyddsombud utsett", IsCase: false));
        }

        return result;
    }

    /// <summary>
    /// Parties with an allocation ending within <see cref="FollowUp.EndingSoonDays"/> days, an ordinary DPO not told to
    /// IMY in time, or an active controller that no ordinary allocation covers today: the same rules as
    /// <see cref="FindDueAsync"/> (no per-party settings), as conditions on the party's rows.
    /// </summary>
    public async Task<IReadOnlyCollection<Guid>> FindCandidatesAsync(ReminderCandidateContext context, CancellationToken cancellationToken)
    {
        var today = context.Today;
        var endingBy = today.AddDays(FollowUp.EndingSoonDays);
        var imyBefore = today.AddDays(-FollowUp.ImyNoticeDays);
        var allocations = context.Sets.Set<DpoAllocation>();
        var controllers = context.Sets.Set<DataController>();
        return await context.Parties
            .Where(p => allocations.Any(a => a.PartyId == p.Id && a.EndsOn >= today && a.EndsOn <= endingBy)
                || allocations.Any(a => a.PartyId == p.Id && a.Role == DpoRole.Ordinarie && a.ImyReportedOn == null && a.StartsOn < imyBefore
                    && (a.EndsOn == null || a.EndsOn >= today))
                || controllers.Any(c => c.PartyId == p.Id && c.IsActive && !allocations.Any(a => a.PartyId == p.Id && a.Role == DpoRole.Ordinarie
                    && a.ControllerIds.Contains(c.Id) && a.StartsOn <= today && (a.EndsOn == null || a.EndsOn >= today))))
            .Select(p => p.Id)
            .ToListAsync(cancellationToken);
    }
}
