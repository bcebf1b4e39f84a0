using GemensamNamnd.Domain.Requests;

namespace GemensamNamnd.Domain.Tests.Requests;

/// <summary>Art. 19 GDPR: recipients told of a rectification (Art. 16), erasure (Art. 17(1)) or restriction (Art. 18).</summary>
public class RecipientNotificationTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    [Theory]
    [InlineData(DataSubjectRights.Rectification, true)]
    [InlineData(DataSubjectRights.Erasure, true)]
    [InlineData(DataSubjectRights.Restriction, true)]
    [InlineData(DataSubjectRights.Access | DataSubjectRights.Erasure, true)]
    [InlineData(DataSubjectRights.Access, false)]
    [InlineData(DataSubjectRights.Portability | DataSubjectRights.Objection, false)]
    public void Art19_ConcernsTheRightsOfArticles16_17And18Only(DataSubjectRights requested, bool concerns) =>
        Assert.Equal(concerns, RecipientNotification.Concerns(requested));

    [Fact]
    public void WhatRecipientsAreToldOf_IsTheCoveredRightsCarriedOut_InWholeOrInPart_NotTheRefusedOnes()
    {
        var outcomes = new[]
        {
            new RightOutcomeInput(DataSubjectRights.Access, RightDecision.Granted, null, null),
            new RightOutcomeInput(DataSubjectRights.Rectification, RightDecision.PartlyGranted, "17.3b", null),
            new RightOutcomeInput(DataSubjectRights.Erasure, RightDecision.Refused, "17.3b", null),
        };
        Assert.Equal(DataSubjectRights.Rectification, RecipientNotification.CarriedOut(outcomes));
        Assert.Equal(DataSubjectRights.None, RecipientNotification.CarriedOut(outcomes.Where(o => o.Right != DataSubjectRights.Rectification)));
    }

    [Fact]
    public void Art19StaysOpen_UntilNoRecipientsIsRecorded_OrEveryRecipientIsToldOrExempt()
    {
        const DataSubjectRights erased = DataSubjectRights.Erasure;
        Assert.True(RecipientNotification.Outstanding(erased, noRecipients: false, []));
        Assert.False(RecipientNotification.Outstanding(erased, noRecipients: true, []));
        Assert.True(RecipientNotification.Outstanding(erased, false, [RecipientNoticeState.Told, RecipientNoticeState.Pending]));
        Assert.False(RecipientNotification.Outstanding(erased, false, [RecipientNoticeState.Told, RecipientNoticeState.Exempt]));
        Assert.False(RecipientNotification.Outstanding(DataSubjectRights.None, false, [RecipientNoticeState.Pending]));
    }

    [Fact]
    public void TheReminder_ComesOncePerFullWeekAfterTheAnswer()
    {
        var answered = new DateOnly(2026, 11, 2);
        Assert.Null(RecipientNotification.ReminderStep(answered, answered.AddDays(6)));
        Assert.Equal(1, RecipientNotification.ReminderStep(answered, answered.AddDays(7)));
        Assert.Equal(1, RecipientNotification.ReminderStep(answered, answered.AddDays(13)));
        Assert.Equal(2, RecipientNotification.ReminderStep(answered, answered.AddDays(14)));
    }

    [Fact]
    public void ARecipient_NeedsAName_AndADisclosureNotInTheFuture()
    {
        Assert.Contains("Ange mottagaren", RecipientNotification.CheckRecipient(" ", null, Today), StringComparison.Ordinal);
        Assert.Contains("högst 200", RecipientNotification.CheckRecipient(new string('x', 201), null, Today), StringComparison.Ordinal);
        Assert.Contains("framtiden", RecipientNotification.CheckRecipient("Försäkringskassan", Today.AddDays(1), Today), StringComparison.Ordinal);
        Assert.Null(RecipientNotification.CheckRecipient("Försäkringskassan", Today, Today));
    }

    [Fact]
    public void TellingARecipient_NeedsWhenAndHow_AnExemptionItsArt19ReasonAndWhy()
    {
        var received = Today.AddDays(-20);
        string? Check(RecipientNoticeState state, DateOnly? on, string? how, RecipientExemption? exemption, string? note) =>
            RecipientNotification.CheckNotice(state, on, how, exemption, note, received, Today);

        Assert.Contains("Ange dagen", Check(RecipientNoticeState.Told, null, "brev", null, null), StringComparison.Ordinal);
        Assert.Contains("framtiden", Check(RecipientNoticeState.Told, Today.AddDays(1), "brev", null, null), StringComparison.Ordinal);
        Assert.Contains("innan begäran kom in", Check(RecipientNoticeState.Told, received.AddDays(-1), "brev", null, null), StringComparison.Ordinal);
        Assert.Contains("hur", Check(RecipientNoticeState.Told, Today, " ", null, null), StringComparison.Ordinal);
        Assert.Null(Check(RecipientNoticeState.Told, Today, "säker e-post", null, null));

        Assert.Contains("art. 19", Check(RecipientNoticeState.Exempt, null, null, null, "Myndigheten är nedlagd."), StringComparison.Ordinal);
        Assert.Contains("art. 5.2", Check(RecipientNoticeState.Exempt, null, null, RecipientExemption.Impossible, null), StringComparison.Ordinal);
        Assert.Null(Check(RecipientNoticeState.Exempt, null, null, RecipientExemption.Impossible, "Bolaget är avvecklat sedan 2024."));
    }
}
