using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Letters;

/// <summary>
/// Saves a party's own template of one kind, or goes back to the product's default. A template that does not parse is
/// refused with a message naming the line, and the template in force is kept (nothing is stored).
/// </summary>
public sealed class SaveLetterTemplate(AppDbContext db, CurrentActor actor, TimeProvider clock)
{
    public async Task<CommandResult<LetterTemplate>> SaveAsync(LetterKind kind, string? source, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            return CommandResult<LetterTemplate>.Invalid("Source", "Skriv mallen, eller återställ standardmallen.");
        }

        if (source.Length > LetterTemplate.MaxLength)
        {
            return CommandResult<LetterTemplate>.Invalid("Source", "Mallen får vara högst 20 000 tecken.");
        }

        if (!LetterTemplates.TryParse(source, out _, out var error))
        {
            return CommandResult<LetterTemplate>.Invalid("Source", error!);
        }

        var row = await db.LetterTemplates.FirstOrDefaultAsync(t => t.Kind == kind, ct);
        if (row is null)
        {
            row = new LetterTemplate { Kind = kind, Source = source, ChangedBy = actor.DisplayName };
            db.LetterTemplates.Add(row);
        }

        row.Source = source;
        row.ChangedBy = actor.DisplayName.Length <= Limits.Name ? actor.DisplayName : actor.DisplayName[..Limits.Name];
        row.ChangedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return CommandResult.Done(row);
    }

    /// <summary>"Återställ standardmallen": the party's own template of <paramref name="kind"/> goes.</summary>
    public async Task<CommandResult<bool>> ResetAsync(LetterKind kind, CancellationToken ct = default)
    {
        var row = await db.LetterTemplates.FirstOrDefaultAsync(t => t.Kind == kind, ct);
        if (row is not null)
        {
            db.LetterTemplates.Remove(row);
            await db.SaveChangesAsync(ct);
        }

        return CommandResult.Done(row is not null);
    }
}
