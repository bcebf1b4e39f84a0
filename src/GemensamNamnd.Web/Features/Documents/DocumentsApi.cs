using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GemensamNamnd.Web.Features.Documents;

/// <summary>A document's metadata in the API; <see cref="DownloadUrl"/> is the page that serves its content.</summary>
public sealed record DocumentDto(
    Guid Id, string FileName, string ContentType, string TypeName, long Size, string Sha256, string UploadedBy, DateTimeOffset UploadedAt,
    DateTimeOffset? DeletedAt, string? DeletedBy, string? DeletionReason, string? DownloadUrl);

/// <summary>
/// <c>GET /api/v1/{party}/requests/{id}/documents</c> and <c>…/breaches/{id}/documents</c>: a case's documents (metadata,
/// the deleted ones with who, when and why). A case not open to the caller — another party's, or a skyddad identitet
/// case the caller may not open — is 404.
/// </summary>
public static class DocumentsApi
{
    public static void Map(RouteGroupBuilder party)
    {
        ArgumentNullException.ThrowIfNull(party);
        party.MapGet("/requests/{id:guid}/documents", (Guid id, AppDbContext db, DocumentCaseAccess access, CurrentParty currentParty, CancellationToken ct) =>
                ListAsync(CaseRef.Request(id), db, access, currentParty, ct))
            .RequireAuthorization(Policies.PartyMember).WithTags("Handlingar").WithName("ListRequestDocuments")
            .WithSummary("Handlingarna i en begäran (metadata; innehållet hämtas på downloadUrl, hämtningen loggas)");
        party.MapGet("/breaches/{id:guid}/documents", (Guid id, AppDbContext db, DocumentCaseAccess access, CurrentParty currentParty, CancellationToken ct) =>
                ListAsync(CaseRef.Breach(id), db, access, currentParty, ct))
            .RequireAuthorization(Policies.PartyMember).WithTags("Handlingar").WithName("ListBreachDocuments")
            .WithSummary("Handlingarna i en incident (metadata; innehållet hämtas på downloadUrl, hämtningen loggas)");
    }

    private static async Task<Results<Ok<List<DocumentDto>>, NotFound>> ListAsync(
        CaseRef @case, AppDbContext db, DocumentCaseAccess access, CurrentParty currentParty, CancellationToken ct)
    {
        if (await access.CaseNumberAsync(@case, ct) is null)
        {
            return TypedResults.NotFound();
        }

        var slug = currentParty.Required.Slug;
        var rows = await CaseDocumentQueries.ForCaseAsync(db, @case, ct);
        return TypedResults.Ok(rows.Select(d => new DocumentDto(
            d.Id, d.FileName, d.ContentType, d.TypeName, d.Size, d.Sha256, d.UploadedBy, d.UploadedAt, d.DeletedAt, d.DeletedBy, d.DeletionReason,
            d.IsDeleted ? null : $"/{slug}/handlingar/{d.Id}")).ToList());
    }
}
