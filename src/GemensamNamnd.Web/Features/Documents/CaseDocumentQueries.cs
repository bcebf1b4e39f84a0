using GemensamNamnd.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Documents;

/// <summary>The documents of cases, for the case pages, person search and the API (the case's access is the caller's).</summary>
public static class CaseDocumentQueries
{
    /// <summary>What the tool's record of processing says of documents.</summary>
    public const string RecordText =
        "Handlingar i ärenden (begäranden och incidenter): filer som laddats upp eller skapats i ärendet, t.ex. den undertecknade begäran, utdraget som skickades eller personuppgiftsbiträdets incidentrapport. För varje handling sparas filnamn, filtyp (avgjord av innehållet), storlek, SHA-256, vem som laddade upp och när; en borttagen handlings innehåll raderas men namnet, vem, när och varför står kvar. Varje hämtning loggas som läsning av personuppgifter. Handlingarna gallras och raderas med sitt ärende.";

    /// <summary>The case's documents, newest first, the deleted ones too (they show who deleted them and why).</summary>
    public static Task<List<DocumentRow>> ForCaseAsync(AppDbContext db, CaseRef @case, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(@case);
        return db.CaseDocuments.AsNoTracking().Where(d => d.CaseKind == @case.Kind && d.CaseId == @case.Id)
            .OrderByDescending(d => d.UploadedAt).ThenByDescending(d => d.Id)
            .Select(d => new DocumentRow(d.Id, d.CaseKind, d.CaseId, d.FileName, d.ContentType, d.Size, d.Sha256, d.UploadedBy, d.UploadedAt, d.DeletedAt, d.DeletedBy, d.DeletionReason))
            .ToListAsync(ct);
    }

    /// <summary>The documents still held by any of the cases (person search), by case id.</summary>
    public static async Task<ILookup<Guid, DocumentRow>> HeldByAsync(AppDbContext db, IReadOnlyCollection<Guid> caseIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (caseIds is null || caseIds.Count == 0)
        {
            return Array.Empty<DocumentRow>().ToLookup(d => d.CaseId);
        }

        var rows = await db.CaseDocuments.AsNoTracking().Where(d => caseIds.Contains(d.CaseId) && d.DeletedAt == null)
            .OrderBy(d => d.UploadedAt)
            .Select(d => new DocumentRow(d.Id, d.CaseKind, d.CaseId, d.FileName, d.ContentType, d.Size, d.Sha256, d.UploadedBy, d.UploadedAt, d.DeletedAt, d.DeletedBy, d.DeletionReason))
            .ToListAsync(ct);
        return rows.ToLookup(d => d.CaseId);
    }

    internal static DocumentRow Row(CaseDocument d) =>
        new(d.Id, d.CaseKind, d.CaseId, d.FileName, d.ContentType, d.Size, d.Sha256, d.UploadedBy, d.UploadedAt, d.DeletedAt, d.DeletedBy, d.DeletionReason);
}
