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

/// <summary>
/// "Begäran och ombud" for one case: the intake it belongs to (one letter to the authority, one case per controller, the
/// common time of receipt) with each case's status, so the officers can send one combined answer; who asked (a
/// representative and the check of the authority); "Överlämna till annan nämnd" (<see cref="ForwardRequest"/>); and,
/// for skyddad identitet, how the answer was handed over (<see cref="RecordHandOver"/>). Open as the case is
/// (<see cref="Policies.OpenRequest"/>); the sibling cases listed are those the user may open.
/// </summary>
[Authorize(Policy = Policies.PartyMember)]
public sealed class IntakeModel(
    AppDbContext db,
    CurrentParty currentParty,
    RequestViewers viewers,
    PersonalDataReadLog reads,
    IAuthorizationService authorization,
    TimeProvider clock) : FormPageModel
{
    public sealed record IntakeCase(Guid Id, string CaseNumber, string Controller, RequestStatus Status, DateOnly DueOn, bool IsThis);

    [BindProperty]
    public Guid? Version { get; set; }

    [BindProperty]
    public Guid? ForwardTo { get; set; }

    /// <summary>"add": a case for that controller too; "move": this case goes to it.</summary>
    [BindProperty]
    public string? ForwardMode { get; set; }

    [BindProperty]
    public ProtectedHandOver? HandOver { get; set; }

    public DataSubjectRequest Case { get; private set; } = null!;

    public List<IntakeCase> Cases { get; private set; } = [];

    /// <summary>Cases of the intake the user may not open (skyddad identitet): counted, never shown.</summary>
    public int HiddenCases { get; private set; }

    public List<(Guid Id, string Name)> ForwardTargets { get; private set; } = [];

    public bool MayChange { get; private set; }

    public DateOnly Today { get; private set; }

    public string Slug => currentParty.Required.Slug;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostForwardAsync(Guid id, [FromServices] ForwardRequest forward, CancellationToken ct)
    {
        var errors = new List<Error>();
        if (ForwardMode is not ("add" or "move"))
        {
            errors.Add(new Error(nameof(ForwardMode), "Välj om nämnden ska få ett eget ärende eller om ärendet ska flyttas dit."));
        }

        return await ChangeAsync(id, errors, version => forward.RunAsync(id, version, ForwardTo, ForwardMode == "move", ct),
            r => ForwardMode == "move" ? "Ärendet är överlämnat." : "Begäran är överlämnad; den nya nämndens ärende finns i listan nedan.", ct);
    }

    public Task<IActionResult> OnPostHandOverAsync(Guid id, [FromServices] RecordHandOver record, CancellationToken ct) =>
        ChangeAsync(id, [], version => record.RunAsync(id, version, HandOver, ct), r => $"Överlämningen är registrerad: {r.HandOver!.Value.Swedish()}.", ct);

    private async Task<IActionResult> ChangeAsync(
        Guid id, List<Error> errors, Func<Guid, Task<CommandResult<DataSubjectRequest>>> run, Func<DataSubjectRequest, string> notice, CancellationToken ct)
    {
        var r = await db.Requests.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null || !(await authorization.AuthorizeAsync(User, r, Policies.OpenRequest)).Succeeded)
        {
            return NotFound();
        }

        if (!(await authorization.AuthorizeAsync(User, Policies.PartyOfficer)).Succeeded)
        {
            return Forbid();
        }

        ModelState.Clear();
        if (Version is null)
        {
            errors.AddRange(CommandResult<DataSubjectRequest>.Conflict().Errors);
        }

        var result = CommandResult.RefuseIfAny<DataSubjectRequest>(errors) ?? await run(Version!.Value);
        if (Refusal(result) is { } refusal)
        {
            return refusal is NotFoundResult || !await LoadAsync(id, ct) ? NotFound() : refusal;
        }

        TempData[NewModel.NoticeKey] = notice(result.Value!);
        return LocalRedirect($"/{Slug}/begaranden/{id}/inkomst");
    }

    public string? Notice { get; private set; }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var r = await db.Requests.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null || !(await authorization.AuthorizeAsync(User, r, Policies.OpenRequest)).Succeeded)
        {
            return false;
        }

        Case = r;
        Today = Swedish.Today(clock);
        MayChange = (await authorization.AuthorizeAsync(User, Policies.PartyOfficer)).Succeeded;
        Notice = TempData[NewModel.NoticeKey] as string;
        await reads.RecordAsync(nameof(DataSubjectRequest), r.Id, "Visade begäran och ombud", ct);

        var controllers = await db.DataControllers.AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name, c.IsActive }).ToListAsync(ct);
        var names = controllers.ToDictionary(c => c.Id, c => c.Name);
        var viewer = await viewers.CurrentAsync(ct);
        var siblings = r.IntakeId is { } intake
            ? await db.Requests.AsNoTracking().Where(x => x.IntakeId == intake).OpenTo(viewer)
                .OrderBy(x => x.CaseNumber).Select(x => new { x.Id, x.CaseNumber, x.ControllerId, x.Status, x.EffectiveDueOn }).ToListAsync(ct)
            : [new { r.Id, r.CaseNumber, r.ControllerId, r.Status, r.EffectiveDueOn }];
        HiddenCases = r.IntakeId is { } all ? await db.Requests.CountAsync(x => x.IntakeId == all, ct) - siblings.Count : 0;
        Cases = [.. siblings.Select(x => new IntakeCase(x.Id, x.CaseNumber, names.GetValueOrDefault(x.ControllerId, "–"), x.Status, x.EffectiveDueOn, x.Id == r.Id))];
        var taken = siblings.Select(x => x.ControllerId).Append(r.ControllerId).ToHashSet();
        ForwardTargets = [.. controllers.Where(c => c.IsActive && !taken.Contains(c.Id)).Select(c => (c.Id, c.Name))];
        return true;
    }
}
