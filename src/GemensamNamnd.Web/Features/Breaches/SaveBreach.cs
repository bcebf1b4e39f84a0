using GemensamNamnd.Domain.Breaches;
using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Domain.Identity;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.CaseNumbers;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Breaches;

/// <summary>The facts of a breach, as a form or a detecting system sends them. Times are instants.</summary>
public sealed record BreachInput(
    string? Title,
    IReadOnlyList<Guid>? ControllerIds,
    DateTimeOffset? OccurredFrom,
    DateTimeOffset? OccurredTo,
    DateTimeOffset? DiscoveredAt,
    DateTimeOffset? AwareAt,
    DateTimeOffset? CeasedAt,
    string? ReportedInternallyBy,
    string? Description,
    BreachTypes Types,
    BreachCause? Cause,
    string? Systems,
    IReadOnlyList<AffectedGroup>? Groups,
    DataKinds DataKinds,
    int? ApproxRecords,
    string? Consequences,
    string? MeasuresTaken,
    string? MeasuresProposed,
    string? ContactName,
    string? ContactDetails,
    BreachIncidentFacts? Incident = null);

/// <summary>
/// The facts beyond GDPR: whether it is a significant incident under cybersäkerhetslagen (2025:1506), the police and
/// CERT-SE, the processor involved, cross-border, and who decided on notification. Null on an update keeps what is stored.
/// </summary>
public sealed record BreachIncidentFacts(
    bool SignificantIncident,
    bool? ReportedToPolice = null,
    bool? ReportedToCertSe = null,
    Guid? SupplierId = null,
    bool? CrossBorder = null,
    string? NotificationDecidedBy = null);

/// <summary>
/// Registers a breach or edits its facts: validates everything at once (nothing is stored on any error), allocates the
/// case number in the party's breach series, stores the 72-hour deadline (Art. 33(1)) and writes the timeline.
/// </summary>
public sealed class SaveBreach(AppDbContext db, CaseNumberAllocator caseNumbers, CurrentActor actor, TimeProvider clock)
{
    /// <summary>Largest approximate count accepted: more people than live in Sweden is a typing error.</summary>
    public const int MaxCount = 100_000_000;

    /// <summary>
    /// Instants are kept to the whole second, in UTC: PostgreSQL keeps microseconds, other stores less, and a report "at
    /// exactly 72 hours" must compare equal to the stored deadline whatever the caller's clock precision.
    /// </summary>
    public static DateTimeOffset? Instant(DateTimeOffset? at) =>
        at is { } a ? new DateTimeOffset(a.UtcTicks - (a.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero) : null;

    private static BreachInput Normalised(BreachInput i) => i with
    {
        OccurredFrom = Instant(i.OccurredFrom),
        OccurredTo = Instant(i.OccurredTo),
        DiscoveredAt = Instant(i.DiscoveredAt),
        AwareAt = Instant(i.AwareAt),
        CeasedAt = Instant(i.CeasedAt),
    };

    public Task<CommandResult<Breach>> CreateAsync(BreachInput input, CancellationToken cancellationToken = default) =>
        CreateAsync(input, null, cancellationToken);

    /// <summary>Registers a breach; <paramref name="supplierIncidentId"/> ties a draft to the supplier incident it came from.</summary>
    public async Task<CommandResult<Breach>> CreateAsync(BreachInput input, Guid? supplierIncidentId, CancellationToken cancellationToken = default)
    {
        input = Normalised(input);
        var errors = await ValidateAsync(input, null, cancellationToken);
        if (errors.Count > 0)
        {
            return CommandResult<Breach>.Invalid(errors.ToErrors());
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var breach = new Breach
        {
            CaseNumber = await caseNumbers.NextAsync(Swedish.Date(now).Year, cancellationToken),
            Title = input.Title!.Trim(),
            Description = input.Description!.Trim(),
            SupplierIncidentId = supplierIncidentId,
        };
        Apply(breach, input);
        db.Breaches.Add(breach);
        db.BreachEvents.Add(Event(breach, $"Registrerad. Parten fick kännedom {Swedish.DateTime(breach.AwareAt)}; 72-timmarsfristen för anmälan till IMY löper till {Swedish.DateTime(breach.ImyDeadlineAt)} (art. 33.1).{CybersecurityWords(breach)}"));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return CommandResult.Done(breach);
    }

    public async Task<CommandResult<Breach>> UpdateAsync(Guid id, Guid version, BreachInput input, CancellationToken cancellationToken = default)
    {
        input = Normalised(input);
        var breach = await db.Breaches.FirstOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (breach is null)
        {
            return CommandResult<Breach>.NotFound();
        }

        if (breach.Version != version)
        {
            return CommandResult<Breach>.Conflict();
        }

        var errors = await ValidateAsync(input, breach, cancellationToken);
        if (errors.Count > 0)
        {
            return CommandResult<Breach>.Invalid(errors.ToErrors());
        }

        var previousAware = breach.AwareAt;
        var wasSignificant = breach.SignificantIncident;
        breach.Title = input.Title!.Trim();
        breach.Description = input.Description!.Trim();
        Apply(breach, input);
        var text = "Uppgifterna om incidenten ändrades.";
        if (breach.AwareAt != previousAware)
        {
            text += $" Tidpunkten för kännedom ändrades från {Swedish.DateTime(previousAware)} till {Swedish.DateTime(breach.AwareAt)}; 72-timmarsfristen löper nu till {Swedish.DateTime(breach.ImyDeadlineAt)} (art. 33.1).";
        }

        if (breach.SignificantIncident && (!wasSignificant || breach.AwareAt != previousAware))
        {
            text += CybersecurityWords(breach);
        }
        else if (wasSignificant && !breach.SignificantIncident)
        {
            text += " Markeringen som betydande incident enligt cybersäkerhetslagen togs bort.";
        }

        db.Entry(breach).Property(x => x.Version).OriginalValue = version;
        db.BreachEvents.Add(Event(breach, text));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult<Breach>.Conflict();
        }

        return CommandResult.Done(breach);
    }

    /// <summary>Every error the input has, without saving (a form with other errors of its own shows them all at once).</summary>
    public async Task<List<Error>> CheckAsync(BreachInput input, Guid? id, CancellationToken cancellationToken = default)
    {
        var existing = id is { } known ? await db.Breaches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == known, cancellationToken) : null;
        return (await ValidateAsync(Normalised(input), existing, cancellationToken)).ToErrors();
    }

    private void Apply(Breach b, BreachInput input)
    {
        b.ControllerIds = [.. input.ControllerIds!.Distinct()];
        b.OccurredFrom = input.OccurredFrom?.ToUniversalTime();
        b.OccurredTo = input.OccurredTo?.ToUniversalTime();
        b.DiscoveredAt = input.DiscoveredAt?.ToUniversalTime();
        b.AwareAt = input.AwareAt!.Value.ToUniversalTime();
        b.CeasedAt = input.CeasedAt?.ToUniversalTime();
        b.ReportedInternallyBy = Clean(input.ReportedInternallyBy);
        b.Types = input.Types;
        b.Cause = input.Cause!.Value;
        b.Systems = Clean(input.Systems);
        b.Groups = [.. (input.Groups ?? []).GroupBy(g => g.Group).Select(g => new AffectedGroup { Group = g.Key, ApproxCount = g.All(x => x.ApproxCount is null) ? null : g.Sum(x => x.ApproxCount) })
            .OrderBy(g => g.Group)];
        b.DataKinds = input.DataKinds;
        b.ApproxRecords = input.ApproxRecords;
        b.Consequences = Clean(input.Consequences);
        b.MeasuresTaken = Clean(input.MeasuresTaken);
        b.MeasuresProposed = Clean(input.MeasuresProposed);
        b.ContactName = Clean(input.ContactName);
        b.ContactDetails = Clean(input.ContactDetails);
        b.ImyDeadlineAt = BreachClock.DeadlineFor(b.AwareAt);
        if (input.Incident is { } facts)
        {
            b.SignificantIncident = facts.SignificantIncident;
            b.ReportedToPolice = facts.ReportedToPolice;
            b.ReportedToCertSe = facts.ReportedToCertSe;
            b.SupplierId = facts.SupplierId;
            b.CrossBorder = facts.CrossBorder;
            b.NotificationDecidedBy = Clean(facts.NotificationDecidedBy);
        }

        SetCybersecurityDue(b);
    }

    /// <summary>
    /// Stores the cybersecurity act's due instants from the awareness time and the notification sent (NIS2 Art. 23(4));
    /// all null when the breach is not a significant incident.
    /// </summary>
    public static void SetCybersecurityDue(Breach b)
    {
        if (!b.SignificantIncident)
        {
            (b.EarlyWarningDueAt, b.NotificationDueAt, b.FinalReportDueAt) = (null, null, null);
            return;
        }

        b.EarlyWarningDueAt = CybersecurityClock.EarlyWarningDue(b.AwareAt);
        b.NotificationDueAt = CybersecurityClock.NotificationDue(b.AwareAt);
        b.FinalReportDueAt = CybersecurityClock.FinalReportDue(b.NotificationSentAt, Swedish.TimeZone);
    }

    private async Task<Dictionary<string, string[]>> ValidateAsync(BreachInput input, Breach? existing, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        void Error(string key, string message) => errors.TryAdd(key, [message]);

        if (existing is not null && BreachStatusRules.IsClosed(existing.Status))
        {
            Error("Status", "En avslutad incident kan inte ändras.");
        }

        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Trim().Length > Limits.Name)
        {
            Error(nameof(input.Title), "Ange en kort rubrik för incidenten (högst 200 tecken).");
        }

        var controllerIds = input.ControllerIds?.Distinct().ToList() ?? [];
        if (controllerIds.Count == 0)
        {
            Error(nameof(input.ControllerIds), "Välj minst en personuppgiftsansvarig nämnd eller ett bolag.");
        }
        else
        {
            var known = await db.DataControllers.Where(c => controllerIds.Contains(c.Id) && c.IsActive).CountAsync(cancellationToken);
            if (known != controllerIds.Count)
            {
                Error(nameof(input.ControllerIds), "Välj personuppgiftsansvariga som finns hos parten.");
            }
        }

        // Years outside 2000…next year never reach the clock's arithmetic (a breach dated 1900 is not stored).
        var outOfRange = new[]
        {
            FormValues.CheckRange(nameof(input.OccurredFrom), "Inträffade från", input.OccurredFrom, clock),
            FormValues.CheckRange(nameof(input.OccurredTo), "Inträffade till", input.OccurredTo, clock),
            FormValues.CheckRange(nameof(input.DiscoveredAt), "Upptäcktes", input.DiscoveredAt, clock),
            FormValues.CheckRange(nameof(input.AwareAt), "Parten fick kännedom", input.AwareAt, clock),
            FormValues.CheckRange(nameof(input.CeasedAt), "Upphörde", input.CeasedAt, clock),
        }.OfType<Error>().ToList();
        foreach (var e in outOfRange)
        {
            Error(e.Field, e.Message);
        }

        if (outOfRange.Count == 0)
        {
            foreach (var e in BreachRules.CheckTimes(new BreachTimes(input.OccurredFrom, input.OccurredTo, input.DiscoveredAt, input.AwareAt, input.CeasedAt), now))
            {
                Error(e.Field, e.Message);
            }
        }

        // Art. 33(1): whether the report was within 72 hours is judged against the awareness it was made with. Once the
        // breach is reported, the awareness time (and with it the deadline) is locked on every path.
        if (existing?.ReportedAt is { } reported && input.AwareAt is { } aware && aware != existing.AwareAt)
        {
            errors[nameof(input.AwareAt)] = [$"Incidenten är anmäld till IMY {Swedish.DateTime(reported)}. Tidpunkten för kännedom ({Swedish.DateTime(existing.AwareAt)}) som 72-timmarsfristen räknades från kan då inte ändras (art. 33.1)."];
        }

        if (string.IsNullOrWhiteSpace(input.Description))
        {
            Error(nameof(input.Description), "Beskriv vad som har hänt.");
        }

        if (input.Incident is { } facts)
        {
            foreach (var e in CybersecurityRules.CheckMarking(facts.SignificantIncident, input.AwareAt))
            {
                Error(e.Field, e.Message);
            }

            if (!facts.SignificantIncident && existing is { SignificantIncident: true } && (existing.EarlyWarningSentAt ?? existing.NotificationSentAt ?? existing.FinalReportSentAt) is not null)
            {
                Error("SignificantIncident", "En rapport enligt cybersäkerhetslagen är redan registrerad som skickad: markeringen som betydande incident kan inte tas bort.");
            }

            if (facts.SignificantIncident && existing?.NotificationSentAt is not null && input.AwareAt is { } a && a != existing.AwareAt)
            {
                Error(nameof(input.AwareAt), "Incidentanmälan enligt cybersäkerhetslagen är skickad: tidpunkten för kännedom som fristerna räknades från kan inte ändras.");
            }

            var keptSupplier = existing?.SupplierId;
            if (facts.SupplierId is { } supplierId && !await db.Suppliers.AnyAsync(s => s.Id == supplierId && (s.IsActive || s.Id == keptSupplier), cancellationToken))
            {
                Error("SupplierId", "Välj ett personuppgiftsbiträde som finns i leverantörsregistret.");
            }

            CheckText(errors, "NotificationDecidedBy", facts.NotificationDecidedBy, Limits.Name, leaves: true);
        }

        if (input.Types == BreachTypes.None || (input.Types & ~(BreachTypes.Confidentiality | BreachTypes.Integrity | BreachTypes.Availability)) != 0)
        {
            Error(nameof(input.Types), "Välj minst en typ av incident: konfidentialitet, riktighet eller tillgänglighet.");
        }

        if (input.Cause is null || !Enum.IsDefined(input.Cause.Value))
        {
            Error(nameof(input.Cause), "Välj orsak.");
        }

        var allKinds = Enum.GetValues<DataKinds>().Aggregate(DataKinds.None, (all, k) => all | k);
        if ((input.DataKinds & ~allKinds) != 0)
        {
            Error(nameof(input.DataKinds), "Okänd typ av personuppgifter.");
        }

        foreach (var g in input.Groups ?? [])
        {
            if (!Enum.IsDefined(g.Group))
            {
                Error(nameof(input.Groups), "Okänd grupp av registrerade.");
            }
            else if (g.ApproxCount is < 0 or > MaxCount)
            {
                Error($"Count-{g.Group}", $"Ange ett ungefärligt antal från 0 till 100 000 000 för {g.Group.Swedish().ToLower(Swedish.Culture)}.");
            }
        }

        if (input.ApproxRecords is < 0 or > MaxCount)
        {
            Error(nameof(input.ApproxRecords), "Ange ett ungefärligt antal poster från 0 till 100 000 000.");
        }

        CheckText(errors, nameof(input.Description), input.Description, BreachRules.TextLimit, leaves: true);
        CheckText(errors, nameof(input.Systems), input.Systems, Limits.Reason, leaves: true);
        CheckText(errors, nameof(input.Consequences), input.Consequences, BreachRules.TextLimit, leaves: true);
        CheckText(errors, nameof(input.MeasuresTaken), input.MeasuresTaken, BreachRules.TextLimit, leaves: true);
        CheckText(errors, nameof(input.MeasuresProposed), input.MeasuresProposed, BreachRules.TextLimit, leaves: true);
        CheckText(errors, nameof(input.Title), input.Title, Limits.Name, leaves: true);
        CheckText(errors, nameof(input.ReportedInternallyBy), input.ReportedInternallyBy, Limits.Name, leaves: false);
        CheckText(errors, nameof(input.ContactName), input.ContactName, Limits.Name, leaves: true);
        CheckText(errors, nameof(input.ContactDetails), input.ContactDetails, Limits.Reason, leaves: true);
        return errors;
    }

    /// <summary>
    /// Length, and for text that leaves the register — the report to IMY, a public record there, or a mail — nothing
    /// shaped like a personnummer or samordningsnummer (<see cref="PersonalNumberShape"/>), with a message naming the field.
    /// </summary>
    internal static void CheckText(Dictionary<string, string[]> errors, string key, string? text, int limit, bool leaves)
    {
        if (text?.Trim().Length > limit)
        {
            errors.TryAdd(key, [string.Create(Swedish.Culture, $"Texten får vara högst {limit:N0} tecken.")]);
        }
        else if (leaves && PersonalNumberShape.Contains(text))
        {
            errors.TryAdd(key, [$"{FieldLabel(key)}: texten ser ut att innehålla ett personnummer eller samordningsnummer (10 eller 12 siffror). Den kommer med i anmälan till IMY, som blir en allmän handling: skriv inga personnummer. Skriv ett telefonnummer i grupper, t.ex. 070-123 45 67."]);
        }
    }

    /// <summary>The field's name as the form and the report to IMY call it.</summary>
    internal static string FieldLabel(string key) => key switch
    {
        nameof(BreachInput.Title) => "Rubrik",
        nameof(BreachInput.Description) => "Beskrivning",
        nameof(BreachInput.Systems) => "Berörda system",
        nameof(BreachInput.Consequences) => "Sannolika konsekvenser",
        nameof(BreachInput.MeasuresTaken) => "Vidtagna åtgärder",
        nameof(BreachInput.MeasuresProposed) => "Föreslagna åtgärder",
        nameof(BreachInput.ContactName) => "Kontaktperson",
        nameof(BreachInput.ContactDetails) => "Kontaktuppgifter",
        nameof(BreachInput.ReportedInternallyBy) => "Rapporterad internt av",
        "RiskReasoning" => "Motivering av risken",
        "SubjectNoticeNotRequiredReason" => "Skäl att inte informera de registrerade",
        "LateReason" => "Skäl till förseningen",
        "SupplementText" => "Komplettering",
        "ImyReference" => "IMY:s diarienummer",
        "NoticeMethod" => "Hur de registrerade informerades",
        "NotificationDecidedBy" => "Vem beslutade om anmälan",
        "LessonsLearned" => "Lärdomar",
        _ => key,
    };

    /// <summary>The timeline's words for the cybersecurity act's clocks; empty when not a significant incident.</summary>
    internal static string CybersecurityWords(Breach b) => b is { SignificantIncident: true, EarlyWarningDueAt: { } early, NotificationDueAt: { } notification }
        ? $" Betydande incident enligt cybersäkerhetslagen (2025:1506): tidig varning senast {Swedish.DateTime(early)}, incidentanmälan senast {Swedish.DateTime(notification)}, slutrapport en månad efter incidentanmälan."
        : string.Empty;

    private BreachEvent Event(Breach b, string text) =>
        new() { BreachId = b.Id, At = clock.GetUtcNow(), ActorName = actor.DisplayName, Text = text };

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
