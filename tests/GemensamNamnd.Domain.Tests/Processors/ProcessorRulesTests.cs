using GemensamNamnd.Domain.Processors;
using GemensamNamnd.Domain.Requests;

namespace GemensamNamnd.Domain.Tests.Processors;

public sealed class ProcessorRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    [Theory]
    [InlineData("2025-01-01", null, AgreementStatus.InForce)]
    [InlineData("2025-01-01", "2027-03-01", AgreementStatus.InForce)]
    [InlineData("2025-01-01", "2027-02-28", AgreementStatus.EndingSoon)] // 90 days left
    [InlineData("2025-01-01", "2026-11-30", AgreementStatus.EndingSoon)] // its last day
    [InlineData("2025-01-01", "2026-11-29", AgreementStatus.Expired)]
    [InlineData("2026-12-01", null, AgreementStatus.Missing)] // not started yet
    public void StatusOf_ADay(string from, string? to, AgreementStatus expected) =>
        Assert.Equal(expected, AgreementRules.StatusOf(DateOnly.Parse(from), to is null ? null : DateOnly.Parse(to), Today));

    [Fact]
    public void TheBestAgreementCounts_AndNoneIsMissing()
    {
        Assert.Equal(AgreementStatus.InForce, AgreementRules.Best([AgreementStatus.Expired, AgreementStatus.InForce]));
        Assert.Equal(AgreementStatus.Missing, AgreementRules.Best([]));
    }

    [Fact]
    public void ATermEndingBeforeItStarts_IsRefused_TheSameDayIsNot()
    {
        Assert.False(AgreementRules.IsValidTerm(Today, Today.AddDays(-1)));
        Assert.True(AgreementRules.IsValidTerm(Today, Today));
        Assert.True(AgreementRules.IsValidTerm(Today, null));
    }

    [Fact]
    public void EndingReminders_At90And30Days_TheNearestReached()
    {
        var end = Today.AddDays(100);
        Assert.Null(AgreementRules.EndingThreshold(end, Today));
        Assert.Equal(90, AgreementRules.EndingThreshold(end, end.AddDays(-90)));
        Assert.Equal(90, AgreementRules.EndingThreshold(end, end.AddDays(-31)));
        Assert.Equal(30, AgreementRules.EndingThreshold(end, end.AddDays(-30)));
        Assert.Null(AgreementRules.EndingThreshold(end, end.AddDays(1)));
        Assert.Null(AgreementRules.EndingThreshold(null, Today));
    }

    [Fact]
    public void ANotice_IsOverdueAfter14DaysPending_NeverWhenDecided()
    {
        Assert.False(AgreementRules.NoticeOverdue(Today.AddDays(-13), NoticeDecision.Pending, Today));
        Assert.True(AgreementRules.NoticeOverdue(Today.AddDays(-14), NoticeDecision.Pending, Today));
        Assert.False(AgreementRules.NoticeOverdue(Today.AddDays(-40), NoticeDecision.Accepted, Today));
    }

    [Fact]
    public void TheDpo_IsAskedInGoodTime_OnlyBeforeTheDecision()
    {
        Assert.True(ConsultationRules.InGoodTime(Today.AddDays(-1), Today));
        Assert.False(ConsultationRules.InGoodTime(Today, Today));
        Assert.False(ConsultationRules.InGoodTime(Today, Today.AddDays(-5)));
        Assert.True(ConsultationRules.InGoodTime(Today, null));
        Assert.True(ConsultationRules.NeedsReason(AdviceFollowed.Partly));
        Assert.False(ConsultationRules.NeedsReason(AdviceFollowed.Yes));
    }

    [Fact]
    public void TheAnnualReport_CountsAKnownYear()
    {
        var aware = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
        var figures = AnnualReportRules.Compute(
            [
                new AnnualRequest(DataSubjectRights.Access, new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 10)), // in time
                new AnnualRequest(DataSubjectRights.Access | DataSubjectRights.Erasure, new DateOnly(2026, 5, 20), new DateOnly(2026, 5, 10)), // late
                new AnnualRequest(DataSubjectRights.Rectification, null, new DateOnly(2026, 12, 20)), // open
            ],
            [
                new AnnualBreach(aware, aware.AddHours(72)), // exactly 72 h: in time
                new AnnualBreach(aware, aware.AddHours(73)),
                new AnnualBreach(aware, null),
            ],
            [
                new AnnualConsultation(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 10), AdviceFollowed.Yes),
                new AnnualConsultation(new DateOnly(2026, 6, 1), new DateOnly(2026, 5, 1), AdviceFollowed.No),
            ],
            [new AnnualAllocation(40, 2), new AnnualAllocation(10, 1)]);
        Assert.Equal(3, figures.Requests);
        Assert.Equal([(DataSubjectRights.Access, 2), (DataSubjectRights.Rectification, 1), (DataSubjectRights.Erasure, 1)], figures.ByRight);
        Assert.Equal((2, 1), (figures.Answered, figures.AnsweredInTime));
        Assert.Equal((3, 2, 1), (figures.Breaches, figures.ReportedToImy, figures.ReportedWithin72Hours));
        Assert.Equal((2, 1, 1), (figures.Consultations, figures.AdviceFollowed, figures.AskedInGoodTime));
        Assert.Equal(30, figures.AllocationPercent); // 40 % over two controllers + 10 %
        Assert.Equal(6, figures.Cases);
    }
}
