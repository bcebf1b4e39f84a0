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
public sealed class RequestLetterModel(LetterService letters) : PageModel
{
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
public sealed class BreachLetterModel(LetterService letters) : PageModel
{
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
