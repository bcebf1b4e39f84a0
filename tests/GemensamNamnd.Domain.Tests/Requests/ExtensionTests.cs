using GemensamNamnd.Domain.Calendar;
using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Domain.Requests;
using static GemensamNamnd.Domain.Tests.TestDates;

namespace GemensamNamnd.Domain.Tests.Requests;

public class ExtensionTests
{
    // Received 5 March 2026: 5 April is påskdagen, 6 April annandag påsk → notice due 7 April 2026.
    private static readonly RequestDeadline Deadline = RequestDeadlines.Calculate(D("2026-03-05"), PartyCalendar.Statutory);

    private const string Late = "Förlängning måste meddelas den registrerade senast 7 april 2026 (inom en månad, art. 12.3).";
    private const string NoReason = "Ange skälet till förlängningen (art. 12.3).";

    [Fact]
    public void Deadline_ReceivedOn5March2026_NoticeDue7April()
    {
        Assert.Equal(D("2026-04-07"), Deadline.ExtensionNoticeDue);
    }

    [Theory]
    // GDPR Art. 12(3): the data subject is told of the extension, with reasons, within one month.
    [InlineData("2026-03-05")] // the day of receipt
    [InlineData("2026-04-05")] // the nominal month end, påskdagen
    [InlineData("2026-04-07")] // the due day itself
    public void WhyNotAllowed_NoticeOnOrBeforeDueWithReason_IsNull(string sentOn)
    {
        Assert.Null(Extension.WhyNotAllowed(D(sentOn), "Begäran omfattar tio års journalanteckningar.", Deadline));
    }

    [Theory]
    [InlineData("2026-04-08")] // one day late
    [InlineData("2026-06-01")]
    public void WhyNotAllowed_NoticeAfterDue_IsRefused(string sentOn)
    {
        Assert.Equal(Late, Extension.WhyNotAllowed(D(sentOn), "Omfattande begäran.", Deadline));
    }

    [Theory]
    // Art. 12(3): "together with the reasons for the delay".
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void WhyNotAllowed_BlankReason_IsRefused(string? reason)
    {
        Assert.Equal(NoReason, Extension.WhyNotAllowed(D("2026-04-07"), reason, Deadline));
    }

    [Fact]
    public void WhyNotAllowed_LateAndBlankReason_ReportsLateFirst()
    {
        // No reason can save a late notice, so the lateness is what the officer needs to hear.
        Assert.Equal(Late, Extension.WhyNotAllowed(D("2026-04-08"), " ", Deadline));
    }

    [Fact]
    public void WhyNotAllowed_NullDeadline_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => Extension.WhyNotAllowed(D("2026-04-07"), "Skäl.", null!));
    }
}
