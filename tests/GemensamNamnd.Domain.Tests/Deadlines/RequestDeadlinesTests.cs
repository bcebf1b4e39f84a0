using GemensamNamnd.Domain.Calendar;
using GemensamNamnd.Domain.Deadlines;
using static GemensamNamnd.Domain.Tests.TestDates;

namespace GemensamNamnd.Domain.Tests.Deadlines;

public class RequestDeadlinesTests
{
    [Theory]
    // GDPR Art. 12(3): one month, extendable by two further months (three from the same start),
    // the extension notice due within the first month; counted by Reg. 1182/71 Art. 3.
    [InlineData("2026-11-25", "2026-12-28", "2027-02-25")] // IMY's example: 25 Dec juldagen, 26 annandag jul (Sat), 27 Sun
    [InlineData("2026-03-05", "2026-04-07", "2026-06-05")] // påskdagen, annandag påsk
    [InlineData("2026-03-10", "2026-04-10", "2026-06-10")] // no shift
    [InlineData("2026-12-01", "2027-01-04", "2027-03-01")] // nyårsdagen Fri → Mon; 1 Mar 2027 Mon
    [InlineData("2026-11-30", "2026-12-30", "2027-03-01")] // extended: no 30 Feb → 28 Feb 2027 Sun → Mon
    [InlineData("2026-01-05", "2026-02-05", "2026-04-07")] // extended: påskdagen, annandag påsk
    [InlineData("2026-01-31", "2026-03-02", "2026-04-30")] // 28 Feb Sat → Mon; no 31 April
    [InlineData("2024-01-31", "2024-02-29", "2024-04-30")] // leap year
    public void Calculate_Receipt_ReturnsDueExtendedAndNotice(string received, string due, string extendedDue)
    {
        var deadline = RequestDeadlines.Calculate(D(received), PartyCalendar.Statutory);
        Assert.Equal(D(received), deadline.ClockStart);
        Assert.Equal(D(due), deadline.Due);
        Assert.Equal(D(extendedDue), deadline.ExtendedDue);
        Assert.Equal(D(due), deadline.ExtensionNoticeDue);
    }

    [Theory]
    // The strict default keeps a deadline on julafton; a party counting eves moves it (lag 1930:173).
    [InlineData(false, "2026-12-24")]
    [InlineData(true, "2026-12-28")]
    public void Calculate_DueOnJulafton_DependsOnPartyCalendar(bool evesAreHolidays, string due)
    {
        var deadline = RequestDeadlines.Calculate(D("2026-11-24"), new PartyCalendar(evesAreHolidays));
        Assert.Equal(D(due), deadline.Due);
    }

    [Theory]
    [InlineData("2026-03-05", "mottagen 5 mars 2026 → 5 april 2026 är påskdagen → 6 april 2026 är annandag påsk → sista dag 7 april 2026")]
    [InlineData("2026-03-10", "mottagen 10 mars 2026 → en månad → sista dag 10 april 2026")]
    [InlineData("2026-11-25", "mottagen 25 november 2026 → 25 december 2026 är juldagen → 26 december 2026 är annandag jul → 27 december 2026 är en söndag → sista dag 28 december 2026")]
    [InlineData("2026-05-31", "mottagen 31 maj 2026 → 31 juni finns inte → sista dagen i månaden, 30 juni → sista dag 30 juni 2026")]
    [InlineData("2026-01-31", "mottagen 31 januari 2026 → 31 februari finns inte → sista dagen i månaden, 28 februari → 28 februari 2026 är en lördag → 1 mars 2026 är en söndag → sista dag 2 mars 2026")]
    public void Calculate_Receipt_ExplainsDueInSwedish(string received, string explanation)
    {
        Assert.Equal(explanation, RequestDeadlines.Calculate(D(received), PartyCalendar.Statutory).Explanation);
    }

    [Theory]
    [InlineData("2026-11-30", "mottagen 30 november 2026 → 30 februari finns inte → sista dagen i månaden, 28 februari → 28 februari 2027 är en söndag → sista dag 1 mars 2027")]
    [InlineData("2026-03-10", "mottagen 10 mars 2026 → tre månader → sista dag 10 juni 2026")]
    public void Calculate_Receipt_ExplainsExtendedDueInSwedish(string received, string explanation)
    {
        Assert.Equal(explanation, RequestDeadlines.Calculate(D(received), PartyCalendar.Statutory).ExtendedExplanation);
    }

    [Fact]
    public void Calculate_IdentityConfirmed_SaysSoInExplanation()
    {
        // A party's visible choice to count from confirmation (Art. 12(6)); the dates count the same way.
        var deadline = RequestDeadlines.Calculate(D("2026-03-10"), PartyCalendar.Statutory, DeadlineClockStart.IdentityConfirmed);
        Assert.Equal(D("2026-04-10"), deadline.Due);
        Assert.Equal("identiteten bekräftad 10 mars 2026 → en månad → sista dag 10 april 2026", deadline.Explanation);
    }
}
