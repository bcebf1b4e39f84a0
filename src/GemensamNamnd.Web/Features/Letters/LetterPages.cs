using GemensamNamnd.Web.Features.Documents;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GemensamNamnd.Web.Features.Letters;

/// <summary>
/// <c>GET /{party}/begaranden/{id}/brev/{mall}?format=pdf|docx</c>: one letter of a request as a file. An unknown
/// template or format is 404, as is a case the user may not open (skyddad identitet) or another party's; the extension
/// notice of a case that is not extended is a Swedish 409 problem.
/// </summary>
[Authorize(Policy = Policies.PartyMember)]
public sealed class RequestLetterModel(LetterService letters, CaseDocuments documents, IAuthorizationService authorization) : PageModel
{
    /// <summary>"Spara i ärendet": the letter produced as on GET, stored on the case as a document (officers only).</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, string mall, string? format, CancellationToken ct)
    {
        if (LetterKinds.FromSlug(mall) is not { ForBreach: false } kind || LetterKinds.ParseFormat(format) is not { } f)
        {
            return NotFound();
        }

        return await LetterResults.StoreAsync(await letters.ProduceRequestLetterAsync(id, kind.Kind, f, ct), CaseRef.Request(id), documents, authorization, this, ct);
    }

    public async Task<IActionResult> OnGetAsync(Guid id, string mall, string? format, CancellationToken ct)
    {
        if (LetterKinds.FromSlug(mall) is not { ForBreach: false } kind || LetterKinds.ParseFormat(format) is not { } f)
        {
            return NotFound();
        }

        return LetterResults.From(await letters.ProduceRequestLetterAsync(id, kind.Kind, f, ct), this);
    }
}

/// <summary><c>GET /{party}/incidenter/{id}/brev/art34?format=pdf|docx</c>: the Art. 34 notice of a breach.</summary>
[Authorize(Policy = Policies.PartyMember)]
public sealed class BreachLetterModel(LetterService letters, CaseDocuments documents, IAuthorizationService authorization) : PageModel
{
    /// <summary>"Spara i ärendet": the Art. 34 notice stored on the breach as a document (officers only).</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, string? format, CancellationToken ct)
    {
        if (LetterKinds.ParseFormat(format) is not { } f)
        {
            return NotFound();
        }

        return await LetterResults.StoreAsync(await letters.ProduceBreachLetterAsync(id, LetterKind.Art34, f, ct), CaseRef.Breach(id), documents, authorization, this, ct);
    }

    public async Task<IActionResult> OnGetAsync(Guid id, string? format, CancellationToken ct)
    {
        if (LetterKinds.ParseFormat(format) is not { } f)
        {
            return NotFound();
        }

        return LetterResults.From(await letters.ProduceBreachLetterAsync(id, LetterKind.Art34, f, ct), this);
    }
}

internal static class LetterResults
{
    /// <summary>Stores a produced letter on its case (<see cref="CaseDocuments.AddAsync"/>, with its checks) and goes back to the case's documents.</summary>
    public static async Task<IActionResult> StoreAsync(
        CommandResult<LetterFile> produced, CaseRef @case, CaseDocuments documents, IAuthorizationService authorization, PageModel page, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(page.User, Policies.PartyOfficer)).Succeeded)
        {
            return page.Forbid();
        }

        if (!produced.Ok)
        {
            return From(produced, page);
        }

        var stored = await documents.AddAsync(@case, produced.Value!.FileName, produced.Value.Bytes, ct);
        if (!stored.Ok)
        {
            return stored.Status == CommandStatus.NotFound ? page.NotFound() : page.BadRequest(string.Join(" ", stored.Errors.Select(e => e.Message)));
        }

        var path = page.Request.Path.Value!;
        return page.LocalRedirect(path[..path.IndexOf("/brev/", StringComparison.Ordinal)] + "#handlingar");
    }

    public static IActionResult From(CommandResult<LetterFile> result, PageModel page)
    {
        if (result.Ok)
        {
            var file = result.Value!;
            return page.File(file.Bytes, file.ContentType, file.FileName);
        }

        if (result.Status == CommandStatus.Conflict)
        {
            return new ObjectResult(new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Brevet kan inte tas fram",
                Detail = string.Join(" ", result.Errors.Select(e => e.Message)),
            })
            { StatusCode = StatusCodes.Status409Conflict, ContentTypes = { "application/problem+json" } };
        }

        return page.NotFound();
    }
}
