using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Outbox;

/// <summary>/admin/utkorg: the mail queue's state, and the mails given up on, each with "Skicka igen".</summary>
[Authorize(Policy = Policies.GlobalAdministrator)]
public sealed class OutboxIndexModel(AppDbContext db, ResendOutboxMessage resend, MailOutage outage, TimeProvider clock, Microsoft.Extensions.Options.IOptions<MailOptions> mail) : PageModel
{
    public const int Shown = 200;

    public Dictionary<OutboxStatus, int> Counts { get; private set; } = [];

    public List<OutboxMessage> Failed { get; private set; } = [];

    public Dictionary<Guid, string> PartyNames { get; private set; } = [];

    [TempData] public string? Notice { get; set; }

    /// <summary>The mail server's outage, as the dispatcher recorded it (none when it answers).</summary>
    public MailOutageState Outage { get; private set; } = new(null, false, null, null);

    /// <summary>Mails that failed at least once and wait for their next attempt.</summary>
    public int Waiting { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public int RetryHours => mail.Value.RetryHours;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Counts = await db.OutboxMessages.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        Failed = await db.OutboxMessages.AsNoTracking().Where(m => m.Status == OutboxStatus.Failed)
            .OrderByDescending(m => m.NextAttemptAt).Take(Shown).ToListAsync(ct);
        PartyNames = await db.Parties.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        Outage = outage.Current();
        Waiting = await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Pending && m.Attempts > 0, ct);
        Now = clock.GetUtcNow();
    }

    /// <summary>"Skicka igen": <see cref="ResendOutboxMessage"/>.</summary>
    public async Task<IActionResult> OnPostResendAsync(Guid id, CancellationToken ct)
    {
        var result = await resend.ResendAsync(id, ct);
        if (!result.Ok)
        {
            return NotFound();
        }

        if (result.Value)
        {
            Notice = "Meddelandet ligger i kö igen och skickas inom kort.";
        }

        return RedirectToPage();
    }
}
