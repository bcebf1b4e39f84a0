namespace GemensamNamnd.Domain.Dpo;

/// <summary>Dates a party follows up on its allocations; kept as plain rules so reminders can use the same ones.</summary>
public static class FollowUp
{
    /// <summary>Days after an allocation starts within which IMY should have been told.</summary>
    public const int ImyNoticeDays = 14;

    /// <summary>An allocation ending within this many days is flagged, so a successor can be designated in time.</summary>
    public const int EndingSoonDays = 30;

    /// <summary>The last day to tell IMY of an ordinary DPO's contact details (Art. 37(7)).</summary>
    public static DateOnly ImyNoticeDue(DateOnly start) => start.AddDays(ImyNoticeDays);

    /// <summary>
    /// Art. 37(7): the controller publishes the contact details and communicates them to the supervisory authority (IMY).
    /// Only the designated (ordinary) DPO is registered with IMY; a deputy is not.
    /// </summary>
    public static DpoWarning? ImyNotTold(DpoRole role, DateSpan span, DateOnly? imyReportedOn, DateOnly today) =>
        role == DpoRole.Ordinarie && imyReportedOn is null && today > ImyNoticeDue(span.Start) && (span.End is not { } end || end >= today)
            ? new DpoWarning(DpoWarningKind.ImyNotTold,
                $"IMY har inte fått kontaktuppgifterna, fast uppdraget började {Deadlines.SwedishDates.Long(span.Start)} (mer än {ImyNoticeDays} dagar sedan)", "art. 37.7")
            : null;

    /// <summary>An allocation whose last day is today or within <see cref="EndingSoonDays"/> days.</summary>
    public static DpoWarning? EndingSoon(DateSpan span, DateOnly today) =>
        span.End is { } end && end >= today && end <= today.AddDays(EndingSoonDays)
            ? new DpoWarning(DpoWarningKind.EndingSoon,
                $"Uppdraget upphör {Deadlines.SwedishDates.Long(end)}; utse en efterträdare i tid", "art. 37.1")
            : null;

    /// <summary>The party's total share of a post against its own target (a setting), for adequate resources.</summary>
    public static DpoWarning? BelowTarget(int totalPercent, int? targetPercent) =>
        targetPercent is { } target && totalPercent < target
            ? new DpoWarning(DpoWarningKind.BelowTarget, $"Partens sammanlagda andel {totalPercent} % är under målet {target} %", "art. 38.2")
            : null;

    /// <summary>A gap as a finding: "Socialnämnden saknar dataskyddsombud från … till …".</summary>
    public static DpoWarning Gap(string controllerName, DateSpan span) =>
        new(DpoWarningKind.Gap, $"{controllerName} saknar ordinarie dataskyddsombud {span}", "art. 37.1 a");
}
