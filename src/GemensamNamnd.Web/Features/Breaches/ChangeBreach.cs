using GemensamNamnd.Domain.Breaches;
using GemensamNamnd.Domain.Calendar;
using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Breaches;

/// <summary>
/// Moves a breach through Registrerad → Bedömd → Anmäld till IMY → Kompletterad → Avslutad. Every command checks
/// <see cref="BreachStatusRules"/> and <see cref="BreachRules"/>, carries the version the caller read (optimistic
/// concurrency) and writes one <see cref="BreachEvent"/> in the same save; the audit interceptor records the change.
/// Nothing is stored when a rule refuses.
/// </summary>
public sealed class ChangeBreach(AppDbContext db, CurrentParty currentParty, CurrentActor actor, TimeProvider clock)
{
    /// <summary>The risk assessment and the decision to report or not (Art. 33(1), 33(5)), and the Art. 34 decision.</summary>
    public async Task<CommandResult<Breach>> AssessAsync(Guid id, Guid version, BreachAssessment assessment, CancellationToken cancellationToken = default)
    {
        var (b, failed) = await LoadAsync(id, version, cancellationToken);
        if (b is null)
        {
            return failed!;
        }

        var errors = new Dictionary<string, string[]>();
        if (BreachStatusRules.WhyNot(b.Status, BreachStatus.Assessed) is { } why)
        {
            errors["Status"] = [why];
        }

        foreach (var e in BreachRules.CheckAssessment(assessment))
        {
            errors.TryAdd(e.Field, [e.Message]);
        }

        SaveBreach.CheckText(errors, nameof(assessment.RiskReasoning), assessment.RiskReasoning, BreachRules.TextLimit, leaves: true);
        SaveBreach.CheckText(errors, nameof(assessment.SubjectNoticeNotRequiredReason), assessment.SubjectNoticeNotRequiredReason, BreachRules.TextLimit, leaves: true);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var again = b.Status == BreachStatus.Assessed;
        b.Risk = assessment.Risk;
        b.RiskReasoning = assessment.RiskReasoning!.Trim();
        b.Reportable = assessment.Reportable;
        b.NotReportableReason = b.Reportable == false ? assessment.NotReportableReason!.Trim() : null;
        b.SubjectNoticeRequired = assessment.SubjectNoticeRequired;
        b.SubjectNoticeNotRequiredReason = assessment.SubjectNoticeRequired == false ? Clean(assessment.SubjectNoticeNotRequiredReason) : null;
        b.AssessedAt = clock.GetUtcNow();
        b.Status = BreachStatus.Assessed;

        var decision = b.Reportable == true
            ? $"Ska anmälas till IMY senast {Swedish.DateTime(b.ImyDeadlineAt)} (art. 33.1)."
            : $"Anmäls inte till IMY. Skäl: {b.NotReportableReason}";
        var notice = b.SubjectNoticeRequired switch
        {
            true => " De registrerade ska informeras (art. 34).",
            false when b.SubjectNoticeNotRequiredReason is not null => $" De registrerade informeras inte (art. 34.3): {b.SubjectNoticeNotRequiredReason}",
            _ => string.Empty,
        };
        var text = $"{(again ? "Ny bedömning" : "Bedömd")}: {b.Risk!.Value.Swedish().ToLower(Swedish.Culture)}. {b.RiskReasoning} {decision}{notice}";
        return await SaveAsync(b, version, text, cancellationToken);
    }

    /// <summary>The report to IMY (Art. 33(1)): when, IMY's reference, and the reasons when after 72 hours.</summary>
    public async Task<CommandResult<Breach>> ReportAsync(Guid id, Guid version, DateTimeOffset? reportedAt, string? imyReference, string? lateReason, CancellationToken cancellationToken = default)
    {
        reportedAt = SaveBreach.Instant(reportedAt);
        var (b, failed) = await LoadAsync(id, version, cancellationToken);
        if (b is null)
        {
            return failed!;
        }

        var errors = new Dictionary<string, string[]>();
        if (BreachStatusRules.WhyNot(b.Status, BreachStatus.ReportedToImy) is { } why)
        {
            errors["Status"] = [why];
        }
        else if (b.Reportable != true)
        {
            errors["Status"] = ["Incidenten är bedömd som inte anmälningspliktig. Gör en ny bedömning om den ska anmälas."];
        }

        var now = clock.GetUtcNow();
        foreach (var e in BreachRules.CheckReport(b.AwareAt, reportedAt, lateReason, now))
        {
            errors.TryAdd(e.Field, [e.Message]);
        }

        if (imyReference?.Trim().Length > 100)
        {
            errors["ImyReference"] = ["IMY:s diarienummer får vara högst 100 tecken."];
        }

        SaveBreach.CheckText(errors, "ImyReference", imyReference, 100, leaves: true);

        SaveBreach.CheckText(errors, "LateReason", lateReason, BreachRules.TextLimit, leaves: true);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var reported = reportedAt!.Value.ToUniversalTime();
        var late = BreachClock.IsLate(b.AwareAt, reported);
        var due = BreachClock.SupplementDue(Swedish.Date(reported), new PartyCalendar(currentParty.Required.Settings.EvesAreHolidays));
        b.ReportedAt = reported;
        b.ImyReference = Clean(imyReference);
        b.LateReason = late ? lateReason!.Trim() : null;
        b.SupplementDueOn = due.End;
        b.Status = BreachStatus.ReportedToImy;
        var hours = BreachClock.HoursToReport(b.AwareAt, reported);
        var timing = late
            ? string.Create(Swedish.Culture, $"efter {hours:0} timmar, alltså efter 72-timmarsfristen. Skäl till förseningen: {b.LateReason}")
            : string.Create(Swedish.Culture, $"efter {hours:0} timmar, inom 72-timmarsfristen");
        var text = $"Anmäld till IMY {Swedish.DateTime(reported)}{(b.ImyReference is null ? "" : $" (IMY:s diarienummer {b.ImyReference})")}, {timing}. " +
            $"En första komplettering ska lämnas senast {SwedishDates.Long(due.End)} (fyra veckor, art. 33.4).";
        return await SaveAsync(b, version, text, cancellationToken);
    }

    /// <summary>
    /// Corrects the awareness time after the report to IMY: an explicit, reasoned event. The time the report was made
    /// against stays on the breach (<see cref="Breach.AwareAtAsReported"/>) and in the timeline.
    /// </summary>
    public async Task<CommandResult<Breach>> CorrectAwarenessAsync(Guid id, Guid version, DateTimeOffset? correctedAt, string? reason, string? lateReason, CancellationToken cancellationToken = default)
    {
        correctedAt = SaveBreach.Instant(correctedAt);
        var (b, failed) = await LoadAsync(id, version, cancellationToken);
        if (b is null)
        {
            return failed!;
        }

        if (b.ReportedAt is not { } reported)
        {
            return Invalid(new() { ["Status"] = ["Incidenten är inte anmäld till IMY: ändra tidpunkten för kännedom under Ändra uppgifter."] });
        }

        var now = clock.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        foreach (var e in BreachRules.CheckAwarenessCorrection(b.AwareAt, correctedAt, b.DiscoveredAt, reported, reason, lateReason ?? b.LateReason, now))
        {
            errors.TryAdd(e.Field, [e.Message]);
        }

        SaveBreach.CheckText(errors, "LateReason", lateReason, BreachRules.TextLimit, leaves: true);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var before = b.AwareAt;
        var hoursBefore = BreachClock.HoursToReport(before, reported);
        b.AwareAtAsReported ??= before;
        b.AwareAt = correctedAt!.Value.ToUniversalTime();
        b.ImyDeadlineAt = BreachClock.DeadlineFor(b.AwareAt);
        var late = BreachClock.IsLate(b.AwareAt, reported);
        if (late && !string.IsNullOrWhiteSpace(lateReason))
        {
            b.LateReason = lateReason.Trim();
        }

        var hours = BreachClock.HoursToReport(b.AwareAt, reported);
        var text = string.Create(Swedish.Culture,
            $"Tidpunkten för kännedom rättad efter anmälan till IMY, från {Swedish.DateTime(before)} till {Swedish.DateTime(b.AwareAt)}. Skäl: {reason!.Trim()} ") +
            string.Create(Swedish.Culture, $"Anmälan lämnades {Swedish.DateTime(reported)}: {hours:0} timmar efter den rättade tidpunkten, {(late ? "efter" : "inom")} 72-timmarsfristen (mot {hoursBefore:0} timmar efter den tidigare).") +
            (late ? $" Skäl till förseningen: {b.LateReason}" : string.Empty);
        return await SaveAsync(b, version, text, cancellationToken);
    }

    /// <summary>A supplement to the report (Art. 33(4)): when and what was added. May be given more than once.</summary>
    public async Task<CommandResult<Breach>> SupplementAsync(Guid id, Guid version, DateTimeOffset? submittedAt, string? text, CancellationToken cancellationToken = default)
    {
        submittedAt = SaveBreach.Instant(submittedAt);
        var (b, failed) = await LoadAsync(id, version, cancellationToken);
        if (b is null)
        {
            return failed!;
        }

        var errors = new Dictionary<string, string[]>();
        if (BreachStatusRules.WhyNot(b.Status, BreachStatus.Supplemented) is { } why)
        {
            errors["Status"] = [why];
        }

        var now = clock.GetUtcNow();
        if (submittedAt is not { } at)
        {
            errors["SubmittedAt"] = ["Ange när kompletteringen lämnades till IMY."];
        }
        else if (b.ReportedAt is { } reported && at < reported)
        {
            errors["SubmittedAt"] = ["Kompletteringen kan inte ha lämnats före anmälan."];
        }
        else if (at > now + BreachRules.Skew)
        {
            errors["SubmittedAt"] = ["Kompletteringen kan inte vara lämnad i framtiden."];
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            errors["SupplementText"] = ["Beskriv vad som kompletterades."];
        }

        SaveBreach.CheckText(errors, "SupplementText", text, BreachRules.TextLimit, leaves: true);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var first = b.Status == BreachStatus.ReportedToImy;
        db.BreachSupplements.Add(new BreachSupplement { BreachId = b.Id, SubmittedAt = submittedAt!.Value.ToUniversalTime(), Text = text!.Trim() });
        b.Status = BreachStatus.Supplemented;
        var timing = first && b.SupplementDueOn is { } due
            ? Swedish.Date(submittedAt.Value) <= due ? " inom fyra veckor (art. 33.4)" : $" efter sista dag {SwedishDates.Long(due)}"
            : string.Empty;
        return await SaveAsync(b, version, $"Komplettering lämnad till IMY {Swedish.DateTime(submittedAt.Value)}{timing}: {text.Trim()}", cancellationToken);
    }

    /// <summary>Art. 34: the data subjects were told, when and how.</summary>
    public async Task<CommandResult<Breach>> RecordNoticeAsync(Guid id, Guid version, DateTimeOffset? sentAt, string? method, CancellationToken cancellationToken = default)
    {
        sentAt = SaveBreach.Instant(sentAt);
        var (b, failed) = await LoadAsync(id, version, cancellationToken);
        if (b is null)
        {
            return failed!;
        }

        var errors = new Dictionary<string, string[]>();
        if (BreachStatusRules.IsClosed(b.Status))
        {
            errors["Status"] = ["En avslutad incident kan inte ändras."];
        }
        else if (b.SubjectNoticeRequired != true)
        {
            errors["Status"] = ["Bedömningen säger inte att de registrerade ska informeras (art. 34). Gör en ny bedömning först."];
        }

        if (sentAt is not { } at)
        {
            errors["NoticeSentAt"] = ["Ange när de registrerade informerades."];
        }
        else if (at < b.AwareAt)
        {
            errors["NoticeSentAt"] = ["De registrerade kan inte ha informerats innan parten fick kännedom om incidenten."];
        }
        else if (at > clock.GetUtcNow() + BreachRules.Skew)
        {
            errors["NoticeSentAt"] = ["Informationen kan inte vara lämnad i framtiden."];
        }

        if (string.IsNullOrWhiteSpace(method) || method.Trim().Length > Limits.Reason)
        {
            errors["NoticeMethod"] = ["Ange hur de registrerade informerades, t.ex. brev eller e-post (högst 1 000 tecken)."];
        }

        SaveBreach.CheckText(errors, "NoticeMethod", method, Limits.Reason, leaves: true);

        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        b.SubjectNoticeSentAt = sentAt!.Value.ToUniversalTime();
        b.SubjectNoticeMethod = method!.Trim();
        return await SaveAsync(b, version, $"De registrerade informerades {Swedish.DateTime(b.SubjectNoticeSentAt.Value)} via {b.SubjectNoticeMethod} (art. 34).", cancellationToken);
    }

    /// <summary>
    /// Records that one report under the cybersecurity act was sent (Registrera skickad): the early warning, the incident
    /// notification (which starts the final report's month) or the final report (NIS2 Art. 23(4); cybersäkerhetslagen
    /// (2025:1506) 2 kap.). Once per step, in order, never before awareness.
    /// </summary>
    public async Task<CommandResult<Breach>> RecordCybersecuritySentAsync(Guid id, Guid version, CybersecurityStep step, DateTimeOffset? sentAt, CancellationToken cancellationToken = default)
    {
        sentAt = SaveBreach.Instant(sentAt);
        var (b, failed) = await LoadAsync(id, version, cancellationToken);
        if (b is null)
        {
            return failed!;
        }

        var errors = new Dictionary<string, string[]>();
        if (BreachStatusRules.IsClosed(b.Status))
        {
            errors["Status"] = ["En avslutad incident kan inte ändras."];
        }

        var already = step switch
        {
            CybersecurityStep.EarlyWarning => b.EarlyWarningSentAt,
            CybersecurityStep.Notification => b.NotificationSentAt,
            _ => b.FinalReportSentAt,
        };
        foreach (var e in CybersecurityRules.CheckSent(step, b.SignificantIncident, b.AwareAt, already, b.NotificationSentAt, sentAt, clock.GetUtcNow()))
        {
            errors.TryAdd(e.Field, [e.Message]);
        }

        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var at = sentAt!.Value.ToUniversalTime();
        var due = step switch
        {
            CybersecurityStep.EarlyWarning => b.EarlyWarningDueAt,
            CybersecurityStep.Notification => b.NotificationDueAt,
            _ => b.FinalReportDueAt,
        };
        switch (step)
        {
            case CybersecurityStep.EarlyWarning:
                b.EarlyWarningSentAt = at;
                break;
            case CybersecurityStep.Notification:
                b.NotificationSentAt = at;
                break;
            default:
                b.FinalReportSentAt = at;
                break;
        }

        SaveBreach.SetCybersecurityDue(b);
        var timing = due is { } d ? (at <= d ? $"inom fristen ({Swedish.DateTime(d)})" : $"efter fristen ({Swedish.DateTime(d)})") : string.Empty;
        var text = $"{step.Swedish()} enligt cybersäkerhetslagen skickad {Swedish.DateTime(at)}, {timing}.";
        if (step == CybersecurityStep.Notification && b.FinalReportDueAt is { } final)
        {
            text += $" Slutrapporten ska lämnas senast {Swedish.DateTime(final)} (en månad, NIS2 art. 23.4 d).";
        }

        return await SaveAsync(b, version, text, cancellationToken);
    }

    /// <summary>Closes the breach: assessed and, when reportable, reported; the Art. 34 notice given when required.</summary>
    public Task<CommandResult<Breach>> CloseAsync(Guid id, Guid version, CancellationToken cancellationToken = default) =>
        CloseAsync(id, version, null, cancellationToken);

    /// <summary>Closes the breach with the lessons learned (what the party changes so it does not happen again).</summary>
    public async Task<CommandResult<Breach>> CloseAsync(Guid id, Guid version, string? lessonsLearned, CancellationToken cancellationToken = default)
    {
        var (b, failed) = await LoadAsync(id, version, cancellationToken);
        if (b is null)
        {
            return failed!;
        }

        var errors = new Dictionary<string, string[]>();
        if (BreachStatusRules.WhyNot(b.Status, BreachStatus.Closed) is { } why)
        {
            errors["Status"] = [why];
        }
        else if (b.Reportable == true && b.ReportedAt is null)
        {
            errors["Status"] = ["Incidenten är bedömd som anmälningspliktig och ska anmälas till IMY innan den avslutas (art. 33.1)."];
        }
        else if (b.SubjectNoticeRequired == true && b.SubjectNoticeSentAt is null)
        {
            errors["Status"] = ["De registrerade ska informeras innan incidenten avslutas: ange när och hur (art. 34)."];
        }

        SaveBreach.CheckText(errors, "LessonsLearned", lessonsLearned, BreachRules.TextLimit, leaves: false);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        b.Status = BreachStatus.Closed;
        b.ClosedAt = clock.GetUtcNow();
        b.LessonsLearned = Clean(lessonsLearned);
        return await SaveAsync(b, version, b.LessonsLearned is null ? "Avslutad." : $"Avslutad. Lärdomar: {b.LessonsLearned}", cancellationToken);
    }

    private static CommandResult<Breach> Invalid(Dictionary<string, string[]> errors) => CommandResult<Breach>.Invalid(errors.ToErrors());

    private async Task<(Breach? Breach, CommandResult<Breach>? Failed)> LoadAsync(Guid id, Guid version, CancellationToken cancellationToken)
    {
        var b = await db.Breaches.FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (b is null)
        {
            return (null, CommandResult<Breach>.NotFound());
        }

        // The caller decided on what it read: a newer version means its decision may rest on stale facts.
        return b.Version == version
            ? (b, null)
            : (null, CommandResult<Breach>.Conflict());
    }

    private async Task<CommandResult<Breach>> SaveAsync(Breach b, Guid version, string text, CancellationToken cancellationToken)
    {
        db.Entry(b).Property(x => x.Version).OriginalValue = version;
        db.BreachEvents.Add(new BreachEvent { BreachId = b.Id, At = clock.GetUtcNow(), ActorName = actor.DisplayName, Text = text.Length > BreachRules.TextLimit ? text[..BreachRules.TextLimit] : text });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult<Breach>.Conflict();
        }

        return CommandResult.Done(b);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
