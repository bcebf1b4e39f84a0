using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Audit;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Requests.Commands;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Requests;

/// <summary>Corrects a request's facts through <see cref="EditRequestDetails"/>; opens only where the case page does (<see cref="Policies.OpenRequest"/>).</summary>
[Authorize(Policy = Policies.PartyOfficer)]
public sealed class EditModel(
    AppDbContext db, CurrentParty currentParty, IAuthorizationService authorization, PersonalDataReadLog reads, EditRequestDetails edit) : FormPageModel
{
    [BindProperty]
    public Guid? Version { get; set; }

    [BindProperty]
    public Guid? ControllerId { get; set; }

    [BindProperty]
    public List<DataSubjectRights> Rights { get; set; } = [];

    [BindProperty]
    public string? RequesterName { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? PostalAddress { get; set; }

    [BindProperty]
    public bool ProtectedIdentity { get; set; }

    [BindProperty]
    public string? Notes { get; set; }

    public string CaseNumber { get; private set; } = string.Empty;

    public List<(Guid Id, string Name)> Controllers { get; private set; } = [];

    public string Slug => currentParty.Required.Slug;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var r = await FindAsync(id, ct);
        if (r is null)
        {
            return NotFound();
        }

        await reads.RecordAsync(nameof(DataSubjectRequest), id, "Öppnade ärendet för ändring", ct);
        (Version, ControllerId, RequesterName, Email, PostalAddress, ProtectedIdentity, Notes) =
            (r.Version, r.ControllerId, r.RequesterName, r.Email, r.PostalAddress, r.ProtectedIdentity, r.Notes);
        Rights = [.. r.Rights.Each()];
        await LoadAsync(r, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var r = await FindAsync(id, ct);
        if (r is null)
        {
            return NotFound();
        }

        ModelState.Clear();
        var rights = Rights.Aggregate(DataSubjectRights.None, (all, right) => all | right);
        var result = Version is { } version
            ? await edit.RunAsync(id, version, new RequestDetails(ControllerId, rights, RequesterName, Email, PostalAddress, ProtectedIdentity, Notes), ct)
            : CommandResult<DataSubjectRequest>.Conflict();
        if (Refusal(result) is { } refusal)
        {
            await LoadAsync(r, ct);
            return refusal;
        }

        TempData[NewModel.NoticeKey] = "Ändringarna är sparade.";
        return LocalRedirect($"/{Slug}/begaranden/{id}");
    }

    public bool HasRight(DataSubjectRights right) => Rights.Contains(right);

    private async Task<DataSubjectRequest?> FindAsync(Guid id, CancellationToken ct)
    {
        var r = await db.Requests.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return r is not null && (await authorization.AuthorizeAsync(User, r, Policies.OpenRequest)).Succeeded ? r : null;
    }

    private async Task LoadAsync(DataSubjectRequest r, CancellationToken ct)
    {
        CaseNumber = r.CaseNumber;
        var rows = await db.DataControllers.AsNoTracking().Where(c => c.IsActive || c.Id == r.ControllerId).OrderBy(c => c.Name)
            .Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        Controllers = rows.Select(c => (c.Id, c.Name)).ToList();
    }
}
