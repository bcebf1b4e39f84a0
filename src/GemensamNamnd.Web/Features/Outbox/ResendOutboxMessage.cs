using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Outbox;

/// <summary>
/// Puts a failed mail back in the queue with fresh attempts; the same Message-Id, so no duplicate if it did arrive.
/// Done with false when the mail was not failed (nothing to do).
/// </summary>
public sealed class ResendOutboxMessage(AppDbContext db, TimeProvider clock, ILogger<ResendOutboxMessage> logger)
{
    public async Task<CommandResult<bool>> ResendAsync(Guid id, CancellationToken ct)
    {
        var message = await db.OutboxMessages.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (message is null)
        {
            return CommandResult<bool>.NotFound();
        }

        if (message.Status != OutboxStatus.Failed)
        {
            return CommandResult.Done(false);
        }

        message.Status = OutboxStatus.Pending;
        message.Attempts = 0;
        message.NextAttemptAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Outbox message {OutboxMessageId} queued again by an administrator", id);
        return CommandResult.Done(true);
    }
}
