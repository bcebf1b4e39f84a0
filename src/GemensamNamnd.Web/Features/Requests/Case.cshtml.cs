using System.Security.Cryptography;
using GemensamNamnd.Domain.Calendar;
using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Domain.Identity;
using GemensamNamnd.Web.Audit;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.PersonalData;
using GemensamNamnd.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Requests;

/// <summary>
/// One request: the facts, the deadline and how it was counted, the timeline. Every opening is logged as a read of
/// personal data. A case with skyddad identitet opens only for the party's DPO and the assigned officer; anyone else
/// gets 404, as for a case that does not exist (or belongs to another party: the query filter).
/// </summary>
[Authorize(Policy = Policies.PartyMember)]
public sealed class CaseModel(
    AppDbContext db,
    TenantContext tenant,
    CurrentUser currentUser,
    PersonalIdentityNumbers personalNumbers,
    PersonalDataReadLog reads,
    TimeProvider clock) : PageModel
{
    public const string ReadPurpose = "Visade ärendet";

    public DataSubjectRequest Case { get; private set; } = null!;

    public string ControllerName { get; private set; } = string.Empty;

    public string? AssignedOfficerName { get; private set; }

    /// <summary><c>ÅÅÅÅMMDD-****</c>, or null when no number is on file.</summary>
    public string? MaskedPersonalNumber { get; private set; }

    public RequestDeadline Deadline { get; private set; } = null!;

    public bool IsExtended { get; private set; }

    public DeadlineClockStart ClockRule { get; private set; }

    public DateOnly Today { get; private set; }

    public List<RequestEvent> Events { get; private set; } = [];

    public string? Notice { get; private set; }

    public IReadOnlyList<string> Warnings { get; private set; } = [];

    public string Slug => tenant.Required.Slug;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var found = await db.Requests.AsNoTracking()
            .Where(r => r.Id == id)
            .Select(r => new { Request = r, Controller = db.DataControllers.Where(c => c.Id == r.ControllerId).Select(c => c.Name).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return NotFound();
        }

        var party = tenant.Required;
        if (found.Request.ProtectedIdentity)
        {
            var user = await currentUser.GetAsync(ct);
            var roles = await currentUser.RolesInAsync(party.Id, ct);
            var mayOpen = roles.Contains(PartyRole.Dataskyddsombud) || (user is not null && found.Request.AssignedOfficerId == user.Id);
            if (!mayOpen)
            {
                return NotFound();
            }
        }

        // Logged before anything of the case is shown.
        await reads.RecordAsync("DataSubjectRequest", id, ReadPurpose, ct);

        Case = found.Request;
        ControllerName = found.Controller ?? "okänd";
        Today = RequestWords.Today(clock);
        ClockRule = party.Settings.RequestClockStart;
        var startsAt = ClockRule == DeadlineClockStart.IdentityConfirmed && Case.IdentityConfirmedAt is not null
            ? DeadlineClockStart.IdentityConfirmed
            : DeadlineClockStart.Receipt;
        Deadline = RequestDeadlines.Calculate(Case.ClockStartOn, new PartyCalendar(party.Settings.EvesAreHolidays), startsAt);
        IsExtended = Case.EffectiveDueOn == Case.ExtendedDueOn && Case.ExtendedDueOn != Case.DueOn;
        MaskedPersonalNumber = Mask(Case.PersonalNumberProtected);

        if (Case.AssignedOfficerId is { } officerId)
        {
            AssignedOfficerName = await db.Users.AsNoTracking().Where(u => u.Id == officerId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        }

        Events = await db.RequestEvents.AsNoTracking().Where(e => e.RequestId == id)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).ToListAsync(ct);

        Notice = TempData[NewModel.NoticeKey] as string;
        Warnings = (TempData[NewModel.WarningsKey] as string)?.Split('\n') ?? [];
        return Page();
    }

    private string? Mask(string? protectedValue)
    {
        if (protectedValue is null)
        {
            return null;
        }

        try
        {
            return PersonalIdentityNumber.TryParse(personalNumbers.Unprotect(protectedValue), Today, out var number, out _)
                ? number.Masked
                : "kan inte visas";
        }
        catch (CryptographicException)
        {
            return "kan inte visas";
        }
    }
}
