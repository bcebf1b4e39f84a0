using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Features.Todo;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Requests;

/// <summary>
/// The request register's part of the to-do list, for the party's officers and DPO, only the cases the viewer may open
/// (skyddad identitet): overdue cases and those due within <see cref="HorizonDays"/> days (Art. 12(3)); the last days to
/// extend and tell the data subject (Art. 12(3), within the first month); identity checks waiting for an answer (Art. 12(6)).
/// </summary>
public sealed class RequestTodoSource : ITodoSource
{
    public const string Overdue = "request.overdue";
    public const string Due = "request.due";
    public const string ExtensionNotice = "request.extension-notice";
    public const string IdentityCheck = "request.identity-check";

    /// <summary>How far ahead the list looks for a request's deadline.</summary>
    public const int HorizonDays = 7;

    public async Task<IReadOnlyList<TodoItem>> FindAsync(TodoContext context, CancellationToken cancellationToken)
    {
        if (!context.IsOfficer)
        {
            return [];
        }

        var s = context.Party.Settings;
        var horizon = context.Today.AddDays(HorizonDays);
        var noticeDays = Math.Max(HorizonDays, s.ExtensionNoticeReminderDays);
        var rows = await context.Db.Requests.AsNoTracking().OpenTo(context.Viewer)
            .Where(r => RequestStatusRules.Open.Contains(r.Status)
                && (r.EffectiveDueOn <= horizon || r.Status == RequestStatus.IdentityCheck))
            .Select(r => new { r.Id, r.CaseNumber, r.Status, r.DueOn, r.EffectiveDueOn, r.ClockRule, r.IdentityCheckAskedAt, r.IdentityConfirmedAt, r.ExtensionNoticeSentOn })
            .ToListAsync(cancellationToken);

        var items = new List<TodoItem>();
        foreach (var r in rows)
        {
            var path = $"/{context.Party.Slug}/begaranden/{r.Id}";
            var waiting = r.Status == RequestStatus.IdentityCheck && r.IdentityConfirmedAt is null && r.IdentityCheckAskedAt is not null;

            // While the clock waits for the identity (the party's Art. 12(6) rule), there is no deadline running yet.
            var clockWaits = waiting && r.ClockRule == DeadlineClockStart.IdentityConfirmed;
            if (!clockWaits && r.EffectiveDueOn <= horizon)
            {
                var extended = r.Status == RequestStatus.Extended;
                items.Add(context.ByDay(r.EffectiveDueOn < context.Today ? Overdue : Due, r.CaseNumber,
                    extended ? "Besvara den förlängda begäran (art. 12.3)" : "Besvara begäran (art. 12.3)", r.EffectiveDueOn, path));
            }

            var mayExtend = r.Status is RequestStatus.InProgress or RequestStatus.IdentityCheck && r.ExtensionNoticeSentOn is null && !clockWaits;
            if (mayExtend && r.DueOn >= context.Today && r.DueOn <= context.Today.AddDays(noticeDays))
            {
                items.Add(context.ByDay(ExtensionNotice, r.CaseNumber, "Sista dag att förlänga och meddela den registrerade (art. 12.3)", r.DueOn, path));
            }

            if (waiting)
            {
                var askedOn = Infrastructure.Swedish.Date(r.IdentityCheckAskedAt!.Value);
                items.Add(context.ByDay(IdentityCheck, r.CaseNumber, "Identitetskontrollen väntar på svar (art. 12.6)",
                    askedOn.AddDays(RequestReminderSource.IdentityWaitDays(s)), path));
            }
        }

        return items;
    }
}
