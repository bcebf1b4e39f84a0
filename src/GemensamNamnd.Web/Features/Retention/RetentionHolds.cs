using GemensamNamnd.Domain.Retention;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Breaches;
using GemensamNamnd.Web.Features.Requests;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Retention;

/// <summary>Places a hold: a case (by its case number) that retention leaves alone until the hold is released, with the reason.</summary>
public sealed class PlaceRetentionHold(AppDbContext db, CurrentUser currentUser, CurrentActor actor, TimeProvider clock)
{
    public async Task<CommandResult<RetentionHold>> PlaceAsync(RetentionRegister register, string? caseNumber, string? reason, CancellationToken ct)
    {
        var errors = new List<Error>();
        var number = caseNumber?.Trim();
        Guid? caseId = null;
        if (string.IsNullOrEmpty(number))
        {
            errors.Add(new Error("HoldCaseNumber", "Ange diarienumret på ärendet som inte ska gallras."));
        }
        else
        {
            caseId = register switch
            {
                RetentionRegister.Requests => await RequestQueries.IdByCaseNumberAsync(db, number, ct),
                RetentionRegister.Breaches => await BreachQueries.IdByCaseNumberAsync(db, number, ct),
                _ => null,
            };
            if (caseId is null)
            {
                errors.Add(new Error("HoldCaseNumber", $"Det finns inget ärende {number} bland {IndexModel.RegisterWord(register)}."));
            }
            else if (await db.RetentionHolds.AnyAsync(h => h.Register == register && h.CaseId == caseId, ct))
            {
                errors.Add(new Error("HoldCaseNumber", $"Ärende {number} har redan ett gallringsstopp."));
            }
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > Limits.Reason)
        {
            errors.Add(new Error("HoldReason", "Ange skälet till gallringsstoppet (t.ex. ett pågående överklagande), högst 1 000 tecken."));
        }

        if (CommandResult.RefuseIfAny<RetentionHold>(errors) is { } refused)
        {
            return refused;
        }

        var hold = new RetentionHold
        {
            Register = register,
            CaseId = caseId!.Value,
            CaseNumber = number!,
            Reason = reason!.Trim(),
            PlacedBy = (await currentUser.GetAsync(ct))?.DisplayName ?? actor.DisplayName,
            PlacedAt = clock.GetUtcNow(),
        };
        db.RetentionHolds.Add(hold);
        await db.SaveChangesAsync(ct);
        return CommandResult.Done(hold);
    }
}

/// <summary>Releases a hold: the case is retained by the plan again.</summary>
public sealed class ReleaseRetentionHold(AppDbContext db)
{
    public async Task<CommandResult<RetentionHold>> ReleaseAsync(Guid? holdId, CancellationToken ct)
    {
        var hold = await db.RetentionHolds.FirstOrDefaultAsync(h => h.Id == holdId, ct);
        if (hold is null)
        {
            return CommandResult<RetentionHold>.NotFound();
        }

        db.RetentionHolds.Remove(hold);
        await db.SaveChangesAsync(ct);
        return CommandResult.Done(hold);
    }
}
