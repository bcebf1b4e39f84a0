using GemensamNamnd.Domain.Dpo;

namespace GemensamNamnd.Web.Features.Dpo;

/// <summary>A finding about <see cref="Subject"/> (a person, a controller, the party), with the article it rests on.</summary>
public sealed record WarningView(string Subject, DpoWarningKind Kind, string Text, string Article, bool IsError)
{
    public static WarningView From(string subject, DpoWarning w) => new(subject, w.Kind, w.Text, w.Article, w.IsError);
}

public sealed record NamedRef(Guid Id, string Name);

/// <summary>One allocation of the party, with its state on the viewed day and its follow-ups as of today.</summary>
public sealed record AllocationView(
    Guid Id, Guid PersonId, string PersonName, DpoRole Role, List<NamedRef> Controllers, int SharePercent, DateOnly StartsOn, DateOnly? EndsOn,
    string ReportsTo, ReportingLevel ReportingLevel, DateOnly? ImyReportedOn, DateOnly ImyNoticeDue, string? PublicWebPage,
    AllocationState State, List<WarningView> Warnings, Guid Version);

public enum AllocationState
{
    Current,
    Planned,
    Ended,
}

/// <summary>Who is DPO for one controller on the viewed day.</summary>
public sealed record ControllerCover(Guid ControllerId, string Name, List<string> Ordinarie, List<string> Ersattare);

public sealed record GapView(Guid ControllerId, string ControllerName, DateOnly From, DateOnly? To, bool IsNow);

public sealed record ShareSegmentView(DateOnly From, DateOnly? To, int TotalPercent, bool OverAllocated)
{
    public static ShareSegmentView Of(ShareSegment s) => new(s.Span.Start, s.Span.End, s.TotalPercent, s.IsOverAllocated);
}

/// <summary>
/// A person as a party sees them: contact details, other roles, this party's share, and across all parties only the total
/// share over time and whether other parties are served (never which, nor their allocations).
/// </summary>
public sealed record PersonSummary(
    Guid Id, string Name, string? WorkPhone, string? WorkEmail, string? EmployingParty, List<string> OtherRoles, bool IsActive,
    int PartyShareOn, int TotalShareOn, bool ServesOtherParties, List<ShareSegmentView> Totals, List<WarningView> Warnings);

public sealed record PartyDpoOverview(
    DateOnly On, DateOnly Today, int? TargetPercent, string? BudgetNote, int TotalPercent,
    List<ControllerCover> Controllers, List<GapView> Gaps, List<AllocationView> Allocations, List<PersonSummary> Persons, List<WarningView> Warnings);

public sealed record PartyPersonView(PersonSummary Person, List<AllocationView> Allocations);
