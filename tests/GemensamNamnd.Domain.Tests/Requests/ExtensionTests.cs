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

    // Art. 12(3) as a whole, for a request received 5 March 2026 (first deadline and last day for the notice: 7 April).
    private static ExtensionCase Case(RequestStatus status = RequestStatus.InProgress, bool extended = false, bool clockWaits = false) =>
        new(status, extended, clockWaits, D("2026-03-05"), Deadline);

    private static string Field(IReadOnlyList<ExtensionError> errors) => Assert.Single(errors).Field;

    [Theory]
    // Art. 12(3): the month runs from receipt while the identity is checked (the party counts from receipt), so the
    // controller may extend then too.
    [InlineData(RequestStatus.InProgress, "2026-04-07", "2026-04-07")]
    [InlineData(RequestStatus.IdentityCheck, "2026-03-20", "2026-03-20")]
    [InlineData(RequestStatus.IdentityCheck, "2026-03-05", "2026-04-07")] // notice on the day of receipt, recorded on the last day
    public void Check_WithinTheFirstMonth_IsAllowed(RequestStatus status, string sentOn, string today) =>
        Assert.Empty(Extension.Check(Case(status), D(sentOn), "Omfattande begäran.", D(today)));

    [Theory]
    // Art. 12(3): "within one month of receipt of the request": a notice before receipt cannot be one.
    [InlineData("2026-03-04", "2026-03-20", "NoticeSentOn")]
    // Within the first month: a notice after the first deadline is refused.
    [InlineData("2026-04-08", "2026-04-07", "NoticeSentOn")] // also in the future
    // An overdue case cannot be extended afterwards, even with a notice dated within the month (a backdated notice).
    [InlineData("2026-04-01", "2026-04-08", "Status")]
    [InlineData("2026-03-10", "2026-06-01", "Status")]
    public void Check_NoticeOutsideTheFirstMonth_OrAnOverdueCase_IsRefused(string sentOn, string today, string field) =>
        Assert.Equal(field, Field(Extension.Check(Case(), D(sentOn), "Omfattande begäran.", D(today))));

    [Fact]
    public void Check_AnOverdueCase_SaysWhy() =>
        Assert.Equal(
            "Fristen gick ut 7 april 2026. Ett försenat ärende kan inte förlängas i efterhand: förlängningen ska meddelas inom en månad från mottagandet (art. 12.3).",
            Assert.Single(Extension.Check(Case(), D("2026-04-01"), "Skäl.", D("2026-04-08"))).Message);

    [Theory]
    // Art. 12(3) allows two further months once; the clock does not run while a party that counts from confirmed
    // identity waits for it (Art. 12(6)); closed or not yet started cases are not extended.
    [InlineData(RequestStatus.Extended, false, false)]
    [InlineData(RequestStatus.IdentityCheck, true, false)] // already extended during the identity check
    [InlineData(RequestStatus.IdentityCheck, false, true)] // the clock waits for the identity
    [InlineData(RequestStatus.Answered, false, false)]
    [InlineData(RequestStatus.Withdrawn, false, false)]
    [InlineData(RequestStatus.Registered, false, false)]
    public void WhyNotOffered_RefusesWhatArt12_3DoesNotAllow(RequestStatus status, bool extended, bool clockWaits)
    {
        Assert.NotNull(Extension.WhyNotOffered(Case(status, extended, clockWaits), D("2026-03-20")));
        Assert.Equal("Status", Field(Extension.Check(Case(status, extended, clockWaits), D("2026-03-20"), "Skäl.", D("2026-03-20"))));
    }

    [Theory]
    // The form is offered until its last day (the first deadline), not after.
    [InlineData("2026-04-07", true)]
    [InlineData("2026-04-08", false)]
    public void WhyNotOffered_AfterTheLastDay_IsNotOffered(string today, bool offered) =>
        Assert.Equal(offered, Extension.WhyNotOffered(Case(), D(today)) is null);

    [Fact]
    public void Check_EveryErrorAtOnce_OneAField()
    {
        var errors = Extension.Check(Case(), D("2026-03-01"), " ", D("2026-03-20"));
        Assert.Equal(["NoticeSentOn", "Reason"], errors.Select(e => e.Field));
    }
}
