using GemensamNamnd.Domain.Calendar;

namespace GemensamNamnd.Domain.Deadlines;

/// <summary>Deadlines for data subject requests (GDPR Art. 15–22) under Art. 12(3).</summary>
public static class RequestDeadlines
{
    /// <summary>Deadlines counted from the day a request was received (the strict default).</summary>
    public static RequestDeadline Calculate(DateOnly clockStart, PartyCalendar calendar) =>
        Calculate(clockStart, calendar, DeadlineClockStart.Receipt);

    /// <summary>Deadlines counted from <paramref name="clockStart"/>, an event of kind <paramref name="startsAt"/>.</summary>
    public static RequestDeadline Calculate(DateOnly clockStart, PartyCalendar calendar, DeadlineClockStart startsAt)
    {
        // GDPR Art. 12(3): at the latest within one month of receipt, counted by Reg. 1182/71 Art. 3.
        var due = Periods.AddMonths(clockStart, 1, calendar);
        // Art. 12(3): "extended by two further months": three months from the same start, counted
        // under the same rules (not from the already moved first deadline).
        var extended = Periods.AddMonths(clockStart, 3, calendar);
        var start = startsAt switch
        {
            DeadlineClockStart.IdentityConfirmed => "identiteten bekräftad",
            _ => "mottagen",
        };

        return new RequestDeadline(
            ClockStart: clockStart,
            Due: due.End,
            ExtendedDue: extended.End,
            // Art. 12(3): the data subject is told of the extension, with reasons, within the first month.
            ExtensionNoticeDue: due.End,
            Explanation: Explain(start, clockStart, due, "en månad"),
            ExtendedExplanation: Explain(start, clockStart, extended, "tre månader"));
    }

    // "mottagen 5 mars 2026 → 5 april 2026 är påskdagen → 6 april 2026 är annandag påsk → sista dag 7 april 2026"
    private static string Explain(string start, DateOnly clockStart, PeriodEnd period, string length)
    {
        var steps = period.Reasons.Count == 0 ? length : string.Join(" → ", period.Reasons);
        return $"{start} {SwedishDates.Long(clockStart)} → {steps} → sista dag {SwedishDates.Long(period.End)}";
    }
}
