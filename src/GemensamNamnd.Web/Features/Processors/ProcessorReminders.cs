using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Domain.Processors;
using GemensamNamnd.Web.Features.Reminders;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Processors;

/// <summary>
/// Processor agreements (Art. 28): an agreement ending within 90 and within 30 days (<c>processor.ending</c>, keyed by the
/// agreement and the threshold, so each is sent once), and a sub-processor change notice that has awaited a decision for
/// 14 days (<c>processor.notice</c>, keyed by the notice; Art. 28(2) gives the controller the chance to object).
/// </summary>
public sealed class ProcessorReminderSource : IReminderSource
{
    public const string Ending = "processor.ending";
    public const string Notice = "processor.notice";

    public async Task<IReadOnlyList<DueReminder>> FindDueAsync(ReminderContext context, CancellationToken cancellationToken)
    {
        var today = context.Today;
        var last = today.AddDays(AgreementRules.ReminderDaysBefore.Max());
        var agreements = await context.Db.ProcessorAgreements.AsNoTracking()
            .Where(a => (a.ValidTo != null && a.ValidTo >= today && a.ValidTo <= last) || a.Notices.Count > 0)
            .ToListAsync(cancellationToken);
        if (agreements.Count == 0)
        {
            return [];
        }

        var ids = agreements.Select(a => a.SupplierId).Distinct().ToList();
        var names = await context.Db.Suppliers.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var path = $"/{context.Party.Slug}/personuppgiftsbitraden";
        var due = new List<DueReminder>();
        foreach (var a in agreements)
        {
            var supplier = names.GetValueOrDefault(a.SupplierId, "leverantören");
            if (AgreementRules.EndingThreshold(a.ValidTo, today) is { } days)
            {
                var end = a.ValidTo!.Value;
                due.Add(new DueReminder(a.Id, Ending, days, $"Avtal med {supplier}",
                    $"Personuppgiftsbiträdesavtalet med {supplier} upphör {SwedishDates.Long(end)}, om högst {days} dagar (art. 28.3).",
                    SwedishDates.Long(end), $"{path}/avtal/{a.Id}", null, a.ControllerIds, $"avtal upphör inom {days} dagar", IsCase: false));
            }

            foreach (var n in a.Notices.Where(n => AgreementRules.NoticeOverdue(n.ReceivedOn, n.Decision, today)))
            {
                due.Add(new DueReminder(n.Id, Notice, AgreementRules.NoticePendingDays, $"Avtal med {supplier}",
                    $"Ett meddelande från {supplier} om ändrade underbiträden, mottaget {SwedishDates.Long(n.ReceivedOn)}, väntar på beslut (art. 28.2).",
                    SwedishDates.Long(n.ReceivedOn.AddDays(AgreementRules.NoticePendingDays)), $"{path}/avtal/{a.Id}", null, a.ControllerIds,
                    "underbiträde väntar på beslut", IsCase: false));
            }
        }

        return due;
    }

    /// <summary>
    /// Parties with an agreement ending within 90 days or with any sub-processor notice: a superset (the notices are
    /// kept as JSON on the agreement, so whether one is pending is decided per party).
    /// </summary>
    public async Task<IReadOnlyCollection<Guid>> FindCandidatesAsync(ReminderCandidateContext context, CancellationToken cancellationToken)
    {
        var today = context.Today;
        var last = today.AddDays(AgreementRules.ReminderDaysBefore.Max());
        var agreements = context.Sets.Set<ProcessorAgreement>();
        return await context.Parties
            .Where(p => agreements.Any(a => a.PartyId == p.Id && ((a.ValidTo != null && a.ValidTo >= today && a.ValidTo <= last) || a.Notices.Count > 0)))
            .Select(p => p.Id)
            .ToListAsync(cancellationToken);
    }
}
