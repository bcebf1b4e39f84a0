using GemensamNamnd.Domain.Dpo;
using GemensamNamnd.Web.Audit;
using GemensamNamnd.Web.Parties;

namespace GemensamNamnd.Web.Features.Dpo;

/// <summary>
/// A data protection officer, committee-wide: one person may serve several parties (GDPR Art. 37(3)), so the person is
/// global data, not party-owned. What a party knows of the person's work is its own allocations (<see cref="DpoAllocation"/>,
/// party-owned) and, across parties, only the total share of a post (see <see cref="DpoCrossParty"/> and ADR-005).
/// Name and work contact details are published anyway (Art. 37(7)); staff data, not citizens' data.
/// </summary>
public sealed class DpoPerson : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    public string? WorkPhone { get; set; }

    public string? WorkEmail { get; set; }

    /// <summary>The party that employs the person (may be none of the parties, e.g. a consultant).</summary>
    public Guid? EmployingPartyId { get; set; }

    /// <summary>Other roles the person holds, checked against the conflicting roles (Art. 38(6)).</summary>
    public List<string> OtherRoles { get; set; } = [];

    public bool IsActive { get; set; } = true;

    /// <summary>
    /// The person's own user in the app, when they have one: reminders to the DPO and to the user are then one mail to
    /// one person (the user's address and digest choice), not one to each address.
    /// </summary>
    public Guid? UserId { get; set; }

    public Guid Version { get; set; }
}

/// <summary>
/// Who serves a party as DPO, for which of its controllers, from when to when, with what share of a full-time post;
/// to whom they report (Art. 38(3)) and whether IMY has been told (Art. 37(7)). Party-owned.
/// </summary>
public sealed class DpoAllocation : IPartyOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PartyId { get; set; }

    public Guid PersonId { get; set; }

    public DpoRole Role { get; set; }

    /// <summary>The party's controllers (nämnder and bolag) covered; each is a controller of its own.</summary>
    public List<Guid> ControllerIds { get; set; } = [];

    /// <summary>Share of a full-time post, 1–100 %.</summary>
    public int SharePercent { get; set; }

    public DateOnly StartsOn { get; set; }

    /// <summary>The last day; null until further notice.</summary>
    public DateOnly? EndsOn { get; set; }

    /// <summary>E.g. kommunstyrelsen, regionstyrelsen.</summary>
    public required string ReportsTo { get; set; }

    public ReportingLevel ReportingLevel { get; set; }

    /// <summary>The day the contact details were communicated to IMY (Art. 37(7)); null while not told.</summary>
    public DateOnly? ImyReportedOn { get; set; }

    /// <summary>The public page where the contact details are published (Art. 37(7)).</summary>
    public string? PublicWebPage { get; set; }

    public Guid Version { get; set; }

    public DateSpan Span => new(StartsOn, EndsOn);

    public AllocationFacts Facts => new(Id, PersonId, Role, ControllerIds, Span, SharePercent);
}

public static class DpoAllocationQueries
{
    /// <summary>The allocations in force on <paramref name="day"/>: started, and not ended before it (the end day included).</summary>
    public static IQueryable<DpoAllocation> ServingOn(this IQueryable<DpoAllocation> allocations, DateOnly day) =>
        allocations.Where(a => a.StartsOn <= day && (a.EndsOn == null || a.EndsOn >= day));
}

/// <summary>
/// The committee's independence rules (one row, administered by global administrators): the roles that conflict with
/// the DPO's tasks (Art. 38(6)) and the minimum share of a post (Art. 38(2)). Absent row = the defaults.
/// </summary>
public sealed class DpoRules : IVersioned
{
    public static readonly Guid SingletonId = Guid.Parse("0d9a6f5e-5b1c-4f0e-9d3a-000000000038");

    public Guid Id { get; init; } = SingletonId;

    public List<string> ConflictingRoles { get; set; } = [.. IndependencePolicy.DefaultConflictingRoles];

    public int MinimumSharePercent { get; set; } = IndependencePolicy.DefaultMinimumSharePercent;

    public Guid Version { get; set; }

    public IndependencePolicy Policy => new(ConflictingRoles, MinimumSharePercent);
}
