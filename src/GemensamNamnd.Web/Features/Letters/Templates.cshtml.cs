using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Letters;

/// <summary>
/// <c>/{party}/brevmallar</c>: the letter templates, and <c>/{party}/brevmallar/{mall}</c> to edit one, with the merge
/// fields beside the editor, a preview with a real case of the party, and "Återställ standardmallen". The party's DPO
/// and administrator (<see cref="Policies.PartyLetterTemplates"/>).
/// </summary>
[Authorize(Policy = Policies.PartyLetterTemplates)]
public sealed class TemplatesModel(AppDbContext db, CurrentParty currentParty, LetterService letters, SaveLetterTemplate save) : FormPageModel
{
    public string Slug => currentParty.Required.Slug;

    public string PartyName => currentParty.Required.Name;

    public LetterKindInfo? Current { get; private set; }

    public bool IsPartys { get; private set; }

    public List<LetterKind> Own { get; private set; } = [];

    [BindProperty]
    public string? Source { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(string? mall, CancellationToken ct)
    {
        if (mall is null)
        {
            Own = await db.LetterTemplates.AsNoTracking().Select(t => t.Kind).ToListAsync(ct);
            return Page();
        }

        if (LetterKinds.FromSlug(mall) is not { } kind)
        {
            return NotFound();
        }

        Current = kind;
        (Source, IsPartys) = await letters.TemplateSourceAsync(kind.Kind, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? mall, CancellationToken ct)
    {
        if (LetterKinds.FromSlug(mall) is not { } kind)
        {
            return NotFound();
        }

        var result = await save.SaveAsync(kind.Kind, Source, ct);
        if (!result.Ok)
        {
            ModelState.Clear();
            Current = kind;
            IsPartys = await db.LetterTemplates.AsNoTracking().AnyAsync(t => t.Kind == kind.Kind, ct);
            return Refusal(result)!;
        }

        Notice = "Mallen är sparad. Den gäller för nya brev.";
        return LocalRedirect($"/{Slug}/brevmallar/{kind.Slug}");
    }

    public async Task<IActionResult> OnPostPreviewAsync(string? mall, CancellationToken ct)
    {
        if (LetterKinds.FromSlug(mall) is not { } kind)
        {
            return NotFound();
        }

        var error = string.IsNullOrWhiteSpace(Source) ? "Skriv mallen som ska förhandsgranskas."
            : Source.Length > LetterTemplate.MaxLength ? "Mallen får vara högst 20 000 tecken."
            : null;
        if (error is not null || !LetterTemplates.TryParse(Source!, out _, out error))
        {
            ModelState.Clear();
            Current = kind;
            IsPartys = await db.LetterTemplates.AsNoTracking().AnyAsync(t => t.Kind == kind.Kind, ct);
            return Refusal(CommandResult<bool>.Invalid("Source", error!))!;
        }

        var file = await letters.PreviewAsync(kind.Kind, Source!, ct);
        if (file is null)
        {
            ModelState.Clear();
            Current = kind;
            return Refusal(CommandResult<bool>.Invalid("Source", "Parten har inget ärende att förhandsgranska med."))!;
        }

        return File(file.Bytes, file.ContentType);
    }

    public async Task<IActionResult> OnPostResetAsync(string? mall, CancellationToken ct)
    {
        if (LetterKinds.FromSlug(mall) is not { } kind)
        {
            return NotFound();
        }

        await save.ResetAsync(kind.Kind, ct);
        Notice = "Standardmallen gäller igen.";
        return LocalRedirect($"/{Slug}/brevmallar/{kind.Slug}");
    }
}
