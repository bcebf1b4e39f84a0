using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Outbox;

/// <summary>/admin/utkorg: the mail queue's state, and the mails given up on, each with "Skicka igen".</summary>
[Authorize(Policy = Policies.GlobalAdministrator)]
public sealed class OutboxIndexModel(AppDbContext db, TimeProvider clock, ILogger<OutboxIndexModel> logger) : PageModel
{
    public const int Shown = 200;

    public Dictionary<OutboxStatus, int> Counts { get; private set; } = [];

    public List<OutboxMessage> Failed { get; private set; } = [];

    public Dictionary<Guid, string> PartyNames { get; private set; } = [];

    [TempData] public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Counts = await db.OutboxMessages.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        Failed = await db.OutboxMessages.AsNoTracking().Where(m => m.Status == OutboxStatus.Failed)
            .OrderByDescending(m => m.NextAttemptAt).Take(Shown).ToListAsync(ct);
        PartyNames = await db.Parties.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
    }

    /// <summary>Puts a failed mail back in the queue with fresh attempts; the same Message-Id, so no duplicate if it did arrive.</summary>
    public async Task<IActionResult> OnPostResendAsync(Guid id, CancellationToken ct)
    {
        var message = await db.OutboxMessages.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (message is null)
        {
            return NotFound();
        }

        if (message.Status == OutboxStatus.Failed)
        {
            message.Status = OutboxStatus.Pending;
            message.Attempts = 0;
            message.NextAttemptAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Outbox message {OutboxMessageId} queued again by an administrator", id);
            Notice = "Meddelandet ligger i kö igen och skickas inom kort.";
        }

        return RedirectToPage();
    }
}
