using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Domain.Dpo;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Dpo;

/// <summary>
/// The party's DPO register: saving allocations and persons under the rules, and what the party pages and the API show.
/// Everything here runs as the current party; the only reads beyond it go through <see cref="DpoCrossParty"/>.
/// </summary>
public sealed class DpoRegister(AppDbContext db, CurrentParty currentParty, DpoCrossParty crossParty, TimeProvider clock)
{
    public const string OnlyGlobalAdministrators = "Bara en global administratör kan ändra ett dataskyddsombud som tjänstgör hos flera parter.";

    public const string OnlyOwnPartyAsEmployer =
        "Som arbetsgivare kan du bara ange den egna parten (eller ingen). En person som är anställd av en annan part läggs in av en global administratör.";

    /// <summary>How far ahead a planned gap is looked for.</summary>
    public const int GapHorizonDays = 365;

    public DateOnly Today => Swedish.Today(clock);

    public async Task<IndependencePolicy> PolicyAsync(CancellationToken ct) =>
        (await db.DpoRules.AsNoTracking().FirstOrDefaultAsync(ct))?.Policy ?? IndependencePolicy.Default;

    /// <summary>Creates (<paramref name="id"/> null) or changes an allocation; bad input stores nothing.</summary>
    public async Task<CommandResult<DpoAllocation>> SaveAllocationAsync(Guid? id, Guid? version, AllocationInput input, CancellationToken ct)
    {
        DpoAllocation? existing = null;
        if (id is not null)
        {
            existing = await db.DpoAllocations.FirstOrDefaultAsync(a => a.Id == id, ct);
            if (existing is null)
            {
                return CommandResult<DpoAllocation>.NotFound();
            }
        }

        var errors = input.Validate(Today);
        if (existing is not null && version is null)
        {
            errors["Version"] = ["Ange vilken version av uppdraget du utgick från (fältet version)."];
        }

        if (input.PersonId is { } personId && !errors.ContainsKey(nameof(AllocationInput.PersonId))
            && !await db.DpoPersons.AnyAsync(p => p.Id == personId && (p.IsActive || (existing != null && existing.PersonId == personId)), ct))
        {
            errors[nameof(AllocationInput.PersonId)] = ["Dataskyddsombudet finns inte eller är inte aktivt. Välj i listan."];
        }

        var controllers = await db.DataControllers.AsNoTracking().Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        var unknown = (input.ControllerIds ?? []).Where(c => controllers.All(k => k.Id != c)).ToList();
        if (unknown.Count > 0)
        {
            errors[nameof(AllocationInput.ControllerIds)] =
                [$"Okänd personuppgiftsansvarig: {string.Join(", ", unknown)}. Välj bland partens nämnder och bolag."];
        }

        if (errors.Count > 0)
        {
            return CommandResult<DpoAllocation>.Invalid(errors.ToErrors());
        }

        // Same person, role and controller never twice on one day.
        var candidate = input.ToAllocation(existing?.Id);
        var sameParty = await db.DpoAllocations.AsNoTracking().Where(a => a.PersonId == candidate.PersonId).ToListAsync(ct);
        var overlaps = AllocationRules.Overlapping(candidate.Facts, sameParty.Select(a => a.Facts));
        if (overlaps.Count > 0)
        {
            var o = overlaps[0];
            var shared = controllers.Where(c => o.ControllerIds.Contains(c.Id) && candidate.ControllerIds.Contains(c.Id)).Select(c => c.Name);
            errors[nameof(AllocationInput.StartsOn)] =
                [$"Uppdraget överlappar ett annat uppdrag för samma person och roll ({o.Role.Swedish().ToLowerInvariant()}) för {string.Join(", ", shared)} {o.Span}. Ändra datumen eller avsluta det andra uppdraget först."];
            return CommandResult<DpoAllocation>.Invalid(errors.ToErrors());
        }

        var allocation = existing ?? candidate;
        if (existing is null)
        {
            db.DpoAllocations.Add(allocation);
        }
        else
        {
            db.Entry(existing).Property(a => a.Version).OriginalValue = version!.Value;
            input.ApplyTo(existing);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult<DpoAllocation>.Conflict();
        }

        return CommandResult<DpoAllocation>.Done(allocation);
    }

    /// <summary>
    /// Creates or changes a person. A party administrator may change a person of this party (allocated or employed here)
    /// who serves no other party; a person shared by several parties is changed only by a global administrator.
    /// </summary>
    public async Task<CommandResult<DpoPerson>> SavePersonAsync(Guid? id, Guid? version, DpoPersonInput input, bool asGlobalAdministrator, CancellationToken ct)
    {
        DpoPerson? existing = null;
        if (id is not null)
        {
            existing = await db.DpoPersons.FirstOrDefaultAsync(p => p.Id == id, ct);
            if (existing is null || (!asGlobalAdministrator && !await IsOursAsync(existing, ct)))
            {
                return CommandResult<DpoPerson>.NotFound();
            }

            if (!asGlobalAdministrator && await crossParty.OtherPartiesAsync(existing.Id, currentParty.Required.Id, ct))
            {
                return CommandResult<DpoPerson>.Forbidden(OnlyGlobalAdministrators);
            }
        }

        var errors = input.Validate();
        if (existing is not null && version is null)
        {
            errors["Version"] = ["Ange vilken version du utgick från (fältet version)."];
        }

        if (input.EmployingPartyId is { } employer && !await db.Parties.AnyAsync(p => p.Id == employer, ct))
        {
            errors[nameof(DpoPersonInput.EmployingPartyId)] = ["Okänd part. Välj arbetsgivare i listan."];
        }
        else if (!asGlobalAdministrator && input.EmployingPartyId is { } other && other != currentParty.Required.Id && other != existing?.EmployingPartyId)
        {
            // A party writes only for itself: another party would see the person as its own and this one could not fix it.
            errors[nameof(DpoPersonInput.EmployingPartyId)] = [OnlyOwnPartyAsEmployer];
        }

        if (errors.Count > 0)
        {
            return CommandResult<DpoPerson>.Invalid(errors.ToErrors());
        }

        var person = existing ?? new DpoPerson { Name = string.Empty };
        if (existing is null)
        {
            input.ApplyTo(person);
            db.DpoPersons.Add(person);
        }
        else
        {
            db.Entry(existing).Property(p => p.Version).OriginalValue = version!.Value;
            input.ApplyTo(existing);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult<DpoPerson>.Conflict();
        }

        return CommandResult<DpoPerson>.Done(person);
    }

    /// <summary>The party's target share and budget note (party settings).</summary>
    public async Task<CommandResult<Party>> SaveTargetAsync(int? targetPercent, string? budgetNote, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (targetPercent is { } t && t is < 1 or > 1000)
        {
            errors["TargetPercent"] = ["Målet ska vara ett heltal från 1 till 1000 % (flera heltider går bra), eller tomt."];
        }

        if (budgetNote is { Length: > DpoLimits.BudgetNote })
        {
            errors["BudgetNote"] = [$"Anteckningen får vara högst {DpoLimits.BudgetNote} tecken."];
        }

        if (errors.Count > 0)
        {
            return CommandResult<Party>.Invalid(errors.ToErrors());
        }

        var party = await db.Parties.FirstAsync(p => p.Id == currentParty.Required.Id, ct);
        party.Settings.DpoTargetSharePercent = targetPercent;
        party.Settings.DpoBudgetNote = string.IsNullOrWhiteSpace(budgetNote) ? null : budgetNote.Trim();
        await db.SaveChangesAsync(ct);
        return CommandResult<Party>.Done(party);
    }

    /// <summary>A person of this party: allocated here (now or ever) or employed here.</summary>
    public async Task<bool> IsOursAsync(DpoPerson person, CancellationToken ct) =>
        person.EmployingPartyId == currentParty.Required.Id || await db.DpoAllocations.AnyAsync(a => a.PersonId == person.Id, ct);

    /// <summary>Persons a party administrator may choose for an allocation: every active one (published contact details).</summary>
    public Task<List<NamedRef>> ChoosablePersonsAsync(Guid? include, CancellationToken ct) =>
        db.DpoPersons.AsNoTracking().Where(p => p.IsActive || p.Id == include).OrderBy(p => p.Name).Select(p => new NamedRef(p.Id, p.Name)).ToListAsync(ct);

    public async Task<PartyDpoOverview> OverviewAsync(DateOnly on, CancellationToken ct)
    {
        var today = Today;
        var party = await db.Parties.AsNoTracking().FirstAsync(p => p.Id == currentParty.Required.Id, ct);
        var policy = await PolicyAsync(ct);
        var controllers = await db.DataControllers.AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name, c.IsActive }).ToListAsync(ct);
        var allocations = await db.DpoAllocations.AsNoTracking().OrderByDescending(a => a.StartsOn).ThenBy(a => a.Id).ToListAsync(ct);
        var persons = await PersonSummariesAsync(allocations, on, policy, ct);
        var names = persons.ToDictionary(p => p.Id, p => p.Name);
        var controllerNames = controllers.ToDictionary(c => c.Id, c => c.Name);

        var views = allocations.Select(a => View(a, names, controllerNames, on, today, policy)).ToList();
        var active = allocations.Where(a => a.Span.Contains(on)).ToList();
        var covers = controllers.Where(c => c.IsActive).Select(c => new ControllerCover(c.Id, c.Name,
            [.. active.Where(a => a.Role == DpoRole.Ordinarie && a.ControllerIds.Contains(c.Id)).Select(a => names[a.PersonId]).Order()],
            [.. active.Where(a => a.Role == DpoRole.Ersattare && a.ControllerIds.Contains(c.Id)).Select(a => names[a.PersonId]).Order()])).ToList();

        var gaps = CoverageGaps.Find(controllers.Where(c => c.IsActive).Select(c => c.Id), allocations.Select(a => a.Facts), on, on.AddDays(GapHorizonDays))
            .Select(g => new GapView(g.ControllerId, controllerNames[g.ControllerId], g.Span.Start, g.Span.End, g.Span.Start == on))
            .ToList();
        var total = active.Sum(a => a.SharePercent);

        var warnings = new List<WarningView>();
        warnings.AddRange(gaps.Select(g => WarningView.From(g.ControllerName, FollowUp.Gap(g.ControllerName, new DateSpan(g.From, g.To)))));
        warnings.AddRange(persons.SelectMany(p => p.Warnings));
        warnings.AddRange(views.SelectMany(v => v.Warnings));
        if (FollowUp.BelowTarget(total, party.Settings.DpoTargetSharePercent) is { } below)
        {
            warnings.Add(WarningView.From(party.Name, below));
        }

        return new PartyDpoOverview(on, today, party.Settings.DpoTargetSharePercent, party.Settings.DpoBudgetNote, total, covers, gaps, views, persons,
            [.. warnings.OrderByDescending(w => w.IsError)]);
    }

    /// <summary>One person as this party sees them; null when the person is not this party's.</summary>
    public async Task<PartyPersonView?> PersonAsync(Guid personId, CancellationToken ct)
    {
        var person = await db.DpoPersons.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null || !await IsOursAsync(person, ct))
        {
            return null;
        }

        var today = Today;
        var policy = await PolicyAsync(ct);
        var allocations = await db.DpoAllocations.AsNoTracking().Where(a => a.PersonId == personId).OrderByDescending(a => a.StartsOn).ToListAsync(ct);
        var summary = (await PersonSummariesAsync(allocations, today, policy, ct, [person])).Single();
        var controllerNames = await db.DataControllers.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var names = new Dictionary<Guid, string> { [person.Id] = person.Name };
        return new PartyPersonView(summary, [.. allocations.Select(a => View(a, names, controllerNames, today, today, policy))]);
    }

    private async Task<List<PersonSummary>> PersonSummariesAsync(List<DpoAllocation> allocations, DateOnly on, IndependencePolicy policy, CancellationToken ct, List<DpoPerson>? known = null)
    {
        var ids = known?.Select(p => p.Id).ToList() ?? [.. allocations.Select(a => a.PersonId).Distinct()];
        var persons = known ?? await db.DpoPersons.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(ct);
        var partyNames = await db.Parties.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var totals = await crossParty.TotalsAsync(ids, ct);
        var withOthers = await crossParty.WithOtherPartiesAsync(ids, currentParty.Required.Id, ct);
        var result = new List<PersonSummary>();
        foreach (var p in persons.OrderBy(p => p.Name))
        {
            var timeline = totals.GetValueOrDefault(p.Id) ?? [];
            var partyShare = allocations.Where(a => a.PersonId == p.Id && a.Span.Contains(on)).Sum(a => a.SharePercent);
            var warnings = Independence.ConflictingRoles(p.OtherRoles, policy).Concat(ShareTotals.OverAllocation(timeline))
                .Select(w => WarningView.From(p.Name, w)).ToList();
            var othersServed = withOthers.Contains(p.Id);
            result.Add(new PersonSummary(p.Id, p.Name, p.WorkPhone, p.WorkEmail, p.EmployingPartyId is { } e ? partyNames.GetValueOrDefault(e) : null,
                p.OtherRoles, p.IsActive, partyShare, ShareTotals.On(timeline, on), othersServed, [.. timeline.Select(ShareSegmentView.Of)], warnings));
        }

        return result;
    }

    private static AllocationView View(DpoAllocation a, Dictionary<Guid, string> persons, Dictionary<Guid, string> controllers, DateOnly on, DateOnly today, IndependencePolicy policy)
    {
        var person = persons.GetValueOrDefault(a.PersonId, "okänd");
        var state = a.Span.Contains(on) ? AllocationState.Current : a.StartsOn > on ? AllocationState.Planned : AllocationState.Ended;
        var warnings = new List<DpoWarning?>();
        if (state != AllocationState.Ended || a.Span.Contains(today) || a.StartsOn > today)
        {
            warnings.Add(FollowUp.ImyNotTold(a.Role, a.Span, a.ImyReportedOn, today));
            warnings.Add(FollowUp.EndingSoon(a.Span, today));
            warnings.Add(Independence.ReportingLine(a.ReportingLevel, a.ReportsTo));
            warnings.Add(a.Role == DpoRole.Ordinarie ? Independence.Share(a.SharePercent, policy) : null);
        }

        return new AllocationView(a.Id, a.PersonId, person, a.Role,
            [.. a.ControllerIds.Select(c => new NamedRef(c, controllers.GetValueOrDefault(c, "okänd"))).OrderBy(c => c.Name)],
            a.SharePercent, a.StartsOn, a.EndsOn, a.ReportsTo, a.ReportingLevel, a.ImyReportedOn, FollowUp.ImyNoticeDue(a.StartsOn), a.PublicWebPage,
            state, [.. warnings.OfType<DpoWarning>().Select(w => WarningView.From(person, w))], a.Version);
    }
}
