using GemensamNamnd.Domain.Breaches;
using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.CaseNumbers;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Breaches;

/// <summary>What a quick registration takes: enough to start the 72-hour clock, the details later.</summary>
public sealed record QuickBreachInput(string? Title, Guid? ControllerId, DateTimeOffset? AwareAt, string? Summary);

/// <summary>
/// Registers a breach in one line (<c>…/incidenter/snabbregistrering</c>): title, controller, awareness time and what
/// happened in a sentence. It gets its case number and its 72-hour deadline (Art. 33(1)) at once; type and cause are
/// left for the full form (<c>…/{id}/andra</c>), which asks for them before the details can be saved — the breach is
/// stored with no type (<see cref="BreachTypes.None"/>, "uppgifterna ej kompletterade") and the cause
/// <see cref="BreachCause.Other"/> until then. Every error is given at once; nothing is stored on any.
/// </summary>
public sealed class QuickRegisterBreach(AppDbContext db, CaseNumberAllocator caseNumbers, CurrentActor actor, TimeProvider clock)
{
    /// <summary>The one line: short enough for a sentence, the description is written in full later.</summary>
    public const int SummaryLimit = 500;

    public async Task<CommandResult<Breach>> RunAsync(QuickBreachInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        input = input with { AwareAt = SaveBreach.Instant(input.AwareAt) };
        var now = clock.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        void Error(string key, string message) => errors.TryAdd(key, [message]);

        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Trim().Length > Limits.Name)
        {
            Error(nameof(input.Title), "Ange en kort rubrik för incidenten (högst 200 tecken).");
        }

        if (input.ControllerId is not { } controllerId || !await db.DataControllers.AnyAsync(c => c.Id == controllerId && c.IsActive, cancellationToken))
        {
            Error(nameof(input.ControllerId), "Välj den personuppgiftsansvariga nämnd eller det bolag som incidenten gäller.");
        }

        if (FormValues.CheckRange(nameof(input.AwareAt), "Parten fick kännedom", input.AwareAt, clock) is { } range)
        {
            Error(range.Field, range.Message);
        }
        else
        {
            foreach (var e in BreachRules.CheckTimes(new BreachTimes(null, null, null, input.AwareAt, null), now))
            {
                Error(e.Field, e.Message);
            }
        }

        var summary = input.Summary?.Trim();
        if (string.IsNullOrEmpty(summary))
        {
            Error(nameof(input.Summary), "Beskriv med en mening vad som har hänt.");
        }
        else if (summary.Contains('\n', StringComparison.Ordinal) || summary.Length > SummaryLimit)
        {
            Error(nameof(input.Summary), $"Skriv en rad, högst {SummaryLimit} tecken. Hela beskrivningen skrivs sedan i formuläret för detaljerna.");
        }

        SaveBreach.CheckText(errors, nameof(input.Title), input.Title, Limits.Name, leaves: true);
        SaveBreach.CheckText(errors, nameof(input.Summary), input.Summary, SummaryLimit, leaves: true);
        if (errors.Count > 0)
        {
            return CommandResult<Breach>.Invalid(errors.ToErrors());
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var aware = input.AwareAt!.Value.ToUniversalTime();
        var breach = new Breach
        {
            CaseNumber = await caseNumbers.NextAsync(Swedish.Date(now).Year, cancellationToken),
            Title = input.Title!.Trim(),
            Description = summary!,
            ControllerIds = [input.ControllerId!.Value],
            AwareAt = aware,
            ImyDeadlineAt = BreachClock.DeadlineFor(aware),
            Types = BreachTypes.None,
            Cause = BreachCause.Other,
        };
        db.Breaches.Add(breach);
        db.BreachEvents.Add(new BreachEvent
        {
            BreachId = breach.Id,
            At = now,
            ActorName = actor.DisplayName,
            Text = $"Snabbregistrerad. Parten fick kännedom {Swedish.DateTime(breach.AwareAt)}; 72-timmarsfristen för anmälan till IMY löper till {Swedish.DateTime(breach.ImyDeadlineAt)} (art. 33.1). Typ, orsak och övriga uppgifter kompletteras.",
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return CommandResult.Done(breach);
    }
}
