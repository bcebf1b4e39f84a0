using GemensamNamnd.Domain.Retention;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Breaches;
using GemensamNamnd.Web.Features.Documents;
using GemensamNamnd.Web.Features.Requests;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Retention;

public sealed record RetentionResult(int Thinned, int Deleted, int Held);

/// <summary>
/// Applies the party's plan today: each due case is thinned or deleted in one SaveChanges together with its retention
/// log row, so a case is never thinned without its row nor logged without being thinned. The log row is the
/// idempotency key: a thinned case is no longer a candidate, and its unique index stops a concurrent run.
/// </summary>
public sealed class RetentionRun(AppDbContext db, RetentionPlan plan, CaseDocuments documents, CurrentActor actor, TimeProvider clock, ILogger<RetentionRun> logger)
{
    /// <summary>What replaces thinned free text: the field shows that something was there and was thinned.</summary>
    public const string Thinned = "[gallrad]";

    /// <summary>
    /// Every field thinning overwrites, per entity: the entities' [PersonalData] properties, and the personnummer's
    /// hash (the search key that would still find the person). RetentionFieldsTests holds this list, the attributes and
    /// what <see cref="Thin(DataSubjectRequest)"/> and <see cref="Thin(Breach)"/> change to one another.
    /// </summary>
    public static readonly IReadOnlyDictionary<Type, IReadOnlyList<string>> ThinnedFields = new Dictionary<Type, IReadOnlyList<string>>
    {
        [typeof(DataSubjectRequest)] =
        [
            nameof(DataSubjectRequest.RequesterName), nameof(DataSubjectRequest.PersonalNumberProtected),
            nameof(DataSubjectRequest.PersonalNumberHash), nameof(DataSubjectRequest.Email), nameof(DataSubjectRequest.PostalAddress),
            nameof(DataSubjectRequest.Notes), nameof(DataSubjectRequest.ExtensionReason),
            nameof(DataSubjectRequest.RepresentativeName), nameof(DataSubjectRequest.RepresentativeCheckedHow),
        ],
        [typeof(RequestEvent)] = [nameof(RequestEvent.Text)],
        [typeof(SystemSearch)] = [nameof(SystemSearch.Note), nameof(SystemSearch.SecrecyNote)],
        [typeof(RequestRecipient)] = [nameof(RequestRecipient.Note)],
        [typeof(Breach)] =
        [
            nameof(Breach.Title), nameof(Breach.Description), nameof(Breach.ReportedInternallyBy), nameof(Breach.ContactName),
            nameof(Breach.ContactDetails), nameof(Breach.Consequences), nameof(Breach.MeasuresTaken), nameof(Breach.MeasuresProposed),
            nameof(Breach.RiskReasoning), nameof(Breach.NotReportableReason), nameof(Breach.SubjectNoticeNotRequiredReason),
            nameof(Breach.LateReason), nameof(Breach.LessonsLearned),
        ],
        [typeof(BreachSupplement)] = [nameof(BreachSupplement.Text)],
        [typeof(BreachEvent)] = [nameof(BreachEvent.Text)],
        // A case's documents go with it whether it is thinned or deleted: content in the store, and the rows.
        [typeof(CaseDocument)] = [nameof(CaseDocument.FileName), nameof(CaseDocument.DeletionReason)],
    };

    public async Task<RetentionResult> RunAsync(CancellationToken ct)
    {
        var due = await plan.DueByAsync(Swedish.Today(clock), ct);
        int thinned = 0, deleted = 0, held = 0;
        foreach (var c in due)
        {
            if (c.Held)
            {
                held++;
                continue;
            }

            db.ChangeTracker.Clear();
            var applied = c.Register switch
            {
                RetentionRegister.Requests => await RequestAsync(c, ct),
                RetentionRegister.Breaches => await BreachAsync(c, ct),
                _ => false,
            };
            if (!applied)
            {
                continue;
            }

            await documents.RemoveWithCaseAsync(new CaseRef(c.Register == RetentionRegister.Requests ? CaseKind.Request : CaseKind.Breach, c.CaseId), ct);

            db.RetentionLog.Add(new RetentionLogEntry
            {
                Register = c.Register,
                CaseId = c.CaseId,
                CaseNumber = c.CaseNumber,
                Action = c.Rule.Action,
                Rule = RetentionRules.Describe(c.Rule),
                ClosedOn = c.ClosedOn,
                At = clock.GetUtcNow(),
                ActorName = actor.DisplayName,
            });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                if (await LoggedAsync(c, ct))
                {
                    // Another run thinned it first (the log's unique index): nothing is done twice.
                    continue;
                }

                throw;
            }

            if (c.Rule.Action == RetentionAction.Delete)
            {
                deleted++;
            }
            else
            {
                thinned++;
            }
        }

        db.ChangeTracker.Clear();
        if (thinned + deleted > 0)
        {
            logger.LogInformation("Retention: {Thinned} thinned, {Deleted} deleted, {Held} held", thinned, deleted, held);
        }

        return new RetentionResult(thinned, deleted, held);
    }

    private async Task<bool> LoggedAsync(RetentionCandidate c, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await db.RetentionLog.AnyAsync(l => l.Register == c.Register && l.CaseId == c.CaseId, ct);
    }

    /// <summary>
    /// Thinning keeps what the figures need — dates, status, rights, channel, controller, outcome, deadlines — and removes
    /// who asked: name, personnummer (ciphertext and hash, so the person can no longer be found), contact, address,
    /// notes, the extension's free-text reason, the timeline's texts and the notes of the searched systems.
    /// </summary>
    private async Task<bool> RequestAsync(RetentionCandidate c, CancellationToken ct)
    {
        var r = await db.Requests.FirstOrDefaultAsync(x => x.Id == c.CaseId, ct);
        if (r is null)
        {
            return false;
        }

        if (c.Rule.Action == RetentionAction.Delete)
        {
            // The timeline and the checklist go with it (cascade).
            db.Requests.Remove(r);
            return true;
        }

        Thin(r);
        foreach (var e in await db.RequestEvents.Where(e => e.RequestId == r.Id).ToListAsync(ct))
        {
            db.Entry(e).Property(x => x.Text).CurrentValue = Thinned;
        }

        foreach (var s in await db.SystemSearches.Where(s => s.RequestId == r.Id && (s.Note != null || s.SecrecyNote != null)).ToListAsync(ct))
        {
            if (s.Note is not null)
            {
                db.Entry(s).Property(x => x.Note).CurrentValue = Thinned;
            }

            if (s.SecrecyNote is not null)
            {
                db.Entry(s).Property(x => x.SecrecyNote).CurrentValue = Thinned;
            }
        }

        foreach (var recipient in await db.RequestRecipients.Where(x => x.RequestId == r.Id && x.Note != null).ToListAsync(ct))
        {
            db.Entry(recipient).Property(x => x.Note).CurrentValue = Thinned;
        }

        return true;
    }

    /// <summary>
    /// Thinning keeps the kind, cause, groups and counts, risk, decision and every instant (the statistics and the
    /// 72-hour figures), and removes the free text that may name people: title, description, reasoning, consequences,
    /// measures, the internal reporter and contact, the supplements' and the timeline's texts.
    /// </summary>
    private async Task<bool> BreachAsync(RetentionCandidate c, CancellationToken ct)
    {
        var b = await db.Breaches.FirstOrDefaultAsync(x => x.Id == c.CaseId, ct);
        if (b is null)
        {
            return false;
        }

        if (c.Rule.Action == RetentionAction.Delete)
        {
            db.Breaches.Remove(b);
            return true;
        }

        Thin(b);
        foreach (var s in await db.BreachSupplements.Where(s => s.BreachId == b.Id).ToListAsync(ct))
        {
            db.Entry(s).Property(x => x.Text).CurrentValue = Thinned;
        }

        foreach (var e in await db.BreachEvents.Where(e => e.BreachId == b.Id).ToListAsync(ct))
        {
            db.Entry(e).Property(x => x.Text).CurrentValue = Thinned;
        }

        return true;
    }

    /// <summary>The request's own fields that thinning overwrites (its timeline's texts are thinned in the database).</summary>
    internal static void Thin(DataSubjectRequest r)
    {
        r.RequesterName = Thinned;
        r.PersonalNumberProtected = null;
        r.PersonalNumberHash = null;
        r.Email = null;
        r.PostalAddress = null;
        r.Notes = null;
        r.ExtensionReason = r.ExtensionReason is null ? null : Thinned;
        r.RepresentativeName = r.RepresentativeName is null ? null : Thinned;
        r.RepresentativeCheckedHow = null;
    }

    /// <summary>The breach's own fields that thinning overwrites (supplements and timeline are thinned in the database).</summary>
    internal static void Thin(Breach b)
    {
        static string? Thin(string? text) => text is null ? null : Thinned;
        b.Title = Thinned;
        b.Description = Thinned;
        b.ReportedInternallyBy = null;
        b.ContactName = null;
        b.ContactDetails = null;
        b.Consequences = Thin(b.Consequences);
        b.MeasuresTaken = Thin(b.MeasuresTaken);
        b.MeasuresProposed = Thin(b.MeasuresProposed);
        b.RiskReasoning = Thin(b.RiskReasoning);
        b.NotReportableReason = Thin(b.NotReportableReason);
        b.SubjectNoticeNotRequiredReason = Thin(b.SubjectNoticeNotRequiredReason);
        b.LateReason = Thin(b.LateReason);
        b.LessonsLearned = Thin(b.LessonsLearned);
    }
}
