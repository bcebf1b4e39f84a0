using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Domain.Processors;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Letters;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Processors;

/// <summary>The annual report of one controller for one year, with what it was built from.</summary>
public sealed record AnnualReportData(string PartyName, Guid ControllerId, string ControllerName, int Year, DateOnly AllocationDay, AnnualFigures Figures)
{
    /// <summary>The impact assessments (Art. 35) of the controller's activities decided in the year.</summary>
    public int? ImpactAssessments { get; init; }
}

/// <summary>
/// Builds the DPO's annual report per controller (nämnd) from the party's registers, and writes it as PDF or DOCX through
/// the one document model of <see cref="LetterDocument"/> (no second PDF way).
/// </summary>
public sealed class AnnualReport(AppDbContext db, TimeProvider clock)
{
    public async Task<AnnualReportData?> BuildAsync(Guid controllerId, int year, string partyName, CancellationToken ct)
    {
        var controller = await db.DataControllers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == controllerId, ct);
        if (controller is null)
        {
            return null;
        }

        var from = StartOfSwedishDay(new DateOnly(year, 1, 1));
        var to = StartOfSwedishDay(new DateOnly(year + 1, 1, 1));
        var requests = await db.Requests.AsNoTracking()
            .Where(r => r.ControllerId == controllerId && r.ReceivedAt >= from && r.ReceivedAt < to && r.Status != RequestStatus.Voided)
            .Select(r => new AnnualRequest(r.Rights, r.Status == RequestStatus.Withdrawn ? null : r.AnsweredOn, r.EffectiveDueOn))
            .ToListAsync(ct);
        var breaches = await db.Breaches.AsNoTracking()
            .Where(b => b.ControllerIds.Contains(controllerId) && b.AwareAt >= from && b.AwareAt < to)
            .Select(b => new AnnualBreach(b.AwareAtAsReported ?? b.AwareAt, b.ReportedAt))
            .ToListAsync(ct);
        var consultations = await db.DpoConsultations.AsNoTracking()
            .Where(c => c.ControllerId == controllerId && c.AskedOn >= new DateOnly(year, 1, 1) && c.AskedOn <= new DateOnly(year, 12, 31))
            .Select(c => new AnnualConsultation(c.AskedOn, c.DecidedOn, c.Followed))
            .ToListAsync(ct);

        // The allocations in force on the year's last day, or today when the year is not over.
        var today = Swedish.Today(clock);
        var day = new DateOnly(year, 12, 31) < today ? new DateOnly(year, 12, 31) : today;
        var allocations = await db.DpoAllocations.AsNoTracking()
            .Where(a => a.ControllerIds.Contains(controllerId) && a.StartsOn <= day && (a.EndsOn == null || a.EndsOn >= day))
            .Select(a => new AnnualAllocation(a.SharePercent, a.ControllerIds.Count))
            .ToListAsync(ct);
        var impactAssessments = await db.ImpactAssessments.AsNoTracking()
            .CountAsync(a => a.DecidedOn >= new DateOnly(year, 1, 1) && a.DecidedOn <= new DateOnly(year, 12, 31)
                && db.ProcessingActivities.Any(x => x.Id == a.ActivityId && x.ControllerId == controllerId), ct);
        return new AnnualReportData(partyName, controller.Id, controller.Name, year, day, AnnualReportRules.Compute(requests, breaches, consultations, allocations))
        {
            ImpactAssessments = impactAssessments,
        };
    }

    /// <summary>The report as a document: PDF or DOCX through <see cref="PdfLetterWriter"/> / <see cref="DocxLetterWriter"/>.</summary>
    public LetterFile Write(AnnualReportData report, LetterFormat format)
    {
        ArgumentNullException.ThrowIfNull(report);
        var frame = new LetterFrame(report.PartyName, report.ControllerName, SwedishDates.Long(Swedish.Today(clock)), $"Årsrapport {report.Year}", [], ["Dataskyddsombudet"]);
        var document = new LetterDocument(frame, LetterDocument.Parse(Markup(report)));
        var title = $"Dataskyddsombudets årsrapport {report.Year} – {report.ControllerName}";
        var bytes = format == LetterFormat.Pdf ? PdfLetterWriter.Write(document, title) : DocxLetterWriter.Write(document, title);
        var safe = new string([.. report.ControllerName.Select(c => char.IsLetterOrDigit(c) ? c : '-')]);
        return new LetterFile($"arsrapport-{report.Year}-{safe}.{format.Extension()}", format.ContentType(), bytes);
    }

    /// <summary>The report in the letters' markup; the page shows the same figures.</summary>
    public static string Markup(AnnualReportData r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var f = r.Figures;
        var lines = new List<string>
        {
            $"# Dataskyddsombudets årsrapport {r.Year}: {r.ControllerName}",
            string.Empty,
            "## Begäranden från registrerade",
            $"- Mottagna: {f.Requests}",
        };
        lines.AddRange(f.ByRight.Select(x => $"- {x.Right.Swedish()}: {x.Count}"));
        lines.Add($"- Besvarade: {f.Answered}, varav i tid (art. 12.3): {f.AnsweredInTime}");
        lines.AddRange([
            string.Empty,
            "## Personuppgiftsincidenter",
            $"- Kända under året: {f.Breaches}",
            $"- Anmälda till IMY: {f.ReportedToImy}, varav inom 72 timmar (art. 33.1): {f.ReportedWithin72Hours}",
            string.Empty,
            "## Konsekvensbedömningar",
            r.ImpactAssessments is { } dpias ? $"- Genomförda: {dpias}" : "- Räknas inte ännu i rapporten.",
            string.Empty,
            "## Rådgivning",
            $"- Frågor till dataskyddsombudet: {f.Consultations}",
            $"- Rådet följdes: {f.AdviceFollowed}",
            $"- Tillfrågad i god tid, före beslutet (art. 38.1): {f.AskedInGoodTime}",
            string.Empty,
            "## Resurser",
            $"- Dataskyddsombudets andel av en heltid för {r.ControllerName} den {SwedishDates.Long(r.AllocationDay)}: {f.AllocationPercent:0.#} %",
            $"- Ärenden under året (begäranden och incidenter): {f.Cases}",
        ]);
        return string.Join('\n', lines);
    }

    private static DateTimeOffset StartOfSwedishDay(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Swedish.TimeZone.GetUtcOffset(local)).ToUniversalTime();
    }
}
