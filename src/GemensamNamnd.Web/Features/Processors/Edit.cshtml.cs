using System.Globalization;
using GemensamNamnd.Domain.Processors;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Processors;

/// <summary>
/// Records (<c>…/personuppgiftsbitraden/avtal/ny</c>, optionally <c>?leverantor=</c>) or updates
/// (<c>…/personuppgiftsbitraden/avtal/{id}</c>) a processor agreement with its sub-processors, audits and sub-processor
/// change notices. Rows are offered blank at the end of each list; blank rows are not stored.
/// </summary>
[Authorize(Policy = Policies.PartyOversight)]
public sealed class EditModel(AppDbContext db, CurrentParty currentParty, SaveAgreement save) : FormPageModel
{
    public const int BlankRows = 2;

    [FromRoute] public Guid? Id { get; set; }

    [BindProperty(SupportsGet = true, Name = "leverantor")] public Guid? Preselected { get; set; }

    [BindProperty] public Guid? Version { get; set; }

    [BindProperty] public Guid? SupplierId { get; set; }

    [BindProperty] public List<Guid> ControllerIds { get; set; } = [];

    [BindProperty] public string? SignedOn { get; set; }

    [BindProperty] public string? ValidFrom { get; set; }

    [BindProperty] public string? ValidTo { get; set; }

    [BindProperty] public string? Standard { get; set; }

    [BindProperty] public string? StandardNote { get; set; }

    [BindProperty] public string? Instructions { get; set; }

    [BindProperty] public List<string?> SubNames { get; set; } = [];

    [BindProperty] public List<string?> SubCountries { get; set; } = [];

    [BindProperty] public List<string?> AuditDates { get; set; } = [];

    [BindProperty] public List<string?> AuditNotes { get; set; } = [];

    [BindProperty] public List<Guid?> NoticeIds { get; set; } = [];

    [BindProperty] public List<string?> NoticeReceived { get; set; } = [];

    [BindProperty] public List<string?> NoticeTexts { get; set; } = [];

    [BindProperty] public List<string?> NoticeDecisions { get; set; } = [];

    [BindProperty] public List<string?> NoticeDecided { get; set; } = [];

    public List<Suppliers.Supplier> Suppliers { get; private set; } = [];

    public List<Controllers.DataController> PartyControllers { get; private set; } = [];

    public string Slug => currentParty.Required.Slug;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is null)
        {
            SupplierId = Preselected;
        }
        else
        {
            var a = await db.ProcessorAgreements.AsNoTracking().FirstOrDefaultAsync(x => x.Id == Id, ct);
            if (a is null)
            {
                return NotFound();
            }

            (Version, SupplierId, ControllerIds, StandardNote, Instructions) = (a.Version, a.SupplierId, a.ControllerIds, a.StandardNote, a.Instructions);
            (SignedOn, ValidFrom, ValidTo, Standard) = (Iso(a.SignedOn), Iso(a.ValidFrom), Iso(a.ValidTo), a.Standard.ToString());
            SubNames = [.. a.SubProcessors.Select(s => (string?)s.Name)];
            SubCountries = [.. a.SubProcessors.Select(s => (string?)s.Country)];
            AuditDates = [.. a.Audits.Select(x => Iso(x.On))];
            AuditNotes = [.. a.Audits.Select(x => (string?)x.Note)];
            NoticeIds = [.. a.Notices.Select(n => (Guid?)n.Id)];
            NoticeReceived = [.. a.Notices.Select(n => Iso(n.ReceivedOn))];
            NoticeTexts = [.. a.Notices.Select(n => (string?)n.Description)];
            NoticeDecisions = [.. a.Notices.Select(n => (string?)n.Decision.ToString())];
            NoticeDecided = [.. a.Notices.Select(n => Iso(n.DecidedOn))];
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var result = await save.SaveAsync(Id, Version, ToInput(), ct);
        if (Refusal(result) is { } refusal)
        {
            await LoadAsync(ct);
            return refusal;
        }

        return LocalRedirect($"/{Slug}/personuppgiftsbitraden");
    }

    /// <summary>The form as the command's input: a row with anything in it is kept, an unreadable date as one the rules refuse.</summary>
    public AgreementInput ToInput()
    {
        static string At(List<string?> list, int i) => i < list.Count ? list[i]?.Trim() ?? string.Empty : string.Empty;
        static DateOnly Day(string text) => FormValues.Date(text) ?? DateOnly.MinValue;

        var subs = Enumerable.Range(0, Math.Max(SubNames.Count, SubCountries.Count))
            .Where(i => At(SubNames, i).Length > 0 || At(SubCountries, i).Length > 0)
            .Select(i => new SubProcessor { Name = At(SubNames, i), Country = At(SubCountries, i) }).ToList();
        var audits = Enumerable.Range(0, Math.Max(AuditDates.Count, AuditNotes.Count))
            .Where(i => At(AuditDates, i).Length > 0 || At(AuditNotes, i).Length > 0)
            .Select(i => new AgreementAudit { On = Day(At(AuditDates, i)), Note = At(AuditNotes, i) }).ToList();
        var notices = Enumerable.Range(0, Math.Max(NoticeReceived.Count, NoticeTexts.Count))
            .Where(i => At(NoticeReceived, i).Length > 0 || At(NoticeTexts, i).Length > 0)
            .Select(i => new SubProcessorNotice
            {
                Id = i < NoticeIds.Count && NoticeIds[i] is { } id ? id : Guid.Empty,
                ReceivedOn = Day(At(NoticeReceived, i)),
                Description = At(NoticeTexts, i),
                Decision = FormValues.Choice<NoticeDecision>(At(NoticeDecisions, i)) ?? NoticeDecision.Pending,
                DecidedOn = FormValues.Date(At(NoticeDecided, i)),
            }).ToList();
        return new AgreementInput(SupplierId, ControllerIds, FormValues.Date(SignedOn), FormValues.Date(ValidFrom), FormValues.Date(ValidTo),
            FormValues.Choice<AgreementStandard>(Standard), StandardNote, Instructions, subs, audits, notices);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Suppliers = await db.Suppliers.AsNoTracking().Where(s => s.IsActive || s.Id == SupplierId).OrderBy(s => s.Name).ToListAsync(ct);
        PartyControllers = await db.DataControllers.AsNoTracking().Where(c => c.IsActive || ControllerIds.Contains(c.Id)).OrderBy(c => c.Name).ToListAsync(ct);
        Pad(SubNames, SubCountries);
        Pad(AuditDates, AuditNotes);
        Pad(NoticeReceived, NoticeTexts, NoticeDecisions, NoticeDecided);
        while (NoticeIds.Count < NoticeReceived.Count)
        {
            NoticeIds.Add(null);
        }
    }

    private static void Pad(params List<string?>[] lists)
    {
        var filled = lists.Max(l => l.Count);
        foreach (var list in lists)
        {
            while (list.Count < filled + BlankRows)
            {
                list.Add(null);
            }
        }
    }

    private static string? Iso(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
