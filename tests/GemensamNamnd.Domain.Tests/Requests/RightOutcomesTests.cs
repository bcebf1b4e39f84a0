using GemensamNamnd.Domain.Requests;

namespace GemensamNamnd.Domain.Tests.Requests;

public class RightOutcomesTests
{
    private const DataSubjectRights AccessAndErasure = DataSubjectRights.Access | DataSubjectRights.Erasure;

    [Fact]
    public void Art15GrantedAndArt17Refused_IsAPartialRefusal_WithTheReasonsPerRight()
    {
        RightOutcomeInput[] outcomes =
        [
            new(DataSubjectRights.Access, RightDecision.Granted, null, null),
            new(DataSubjectRights.Erasure, RightDecision.Refused, "17.3b", "Uppgifterna behövs för myndighetsutövning."),
        ];

        Assert.Empty(RightOutcomes.Check(AccessAndErasure, outcomes));
        Assert.Equal(RequestOutcome.PartlyRefused, RightOutcomes.Overall([.. outcomes.Select(o => o.Decision)]));
        Assert.Equal(
            "Radering (art. 17) avslås: Art. 17.3 b: rättslig förpliktelse eller uppgift av allmänt intresse eller myndighetsutövning. Uppgifterna behövs för myndighetsutövning.",
            RightOutcomes.Reasons(outcomes));
    }

    [Theory]
    [InlineData(new[] { RightDecision.Granted, RightDecision.Granted }, RequestOutcome.Granted)]
    [InlineData(new RightDecision[0], RequestOutcome.Granted)]
    [InlineData(new[] { RightDecision.Refused, RightDecision.Refused }, RequestOutcome.Refused)]
    [InlineData(new[] { RightDecision.PartlyGranted }, RequestOutcome.PartlyRefused)]
    [InlineData(new[] { RightDecision.Granted, RightDecision.Refused }, RequestOutcome.PartlyRefused)]
    public void Overall_FromTheDecisions(RightDecision[] decisions, RequestOutcome expected) =>
        Assert.Equal(expected, RightOutcomes.Overall(decisions));

    [Fact]
    public void ARightNotDecided_IsGranted()
    {
        var all = RightOutcomes.Complete(AccessAndErasure, [new(DataSubjectRights.Erasure, RightDecision.Refused, "17.3e", null)]);

        Assert.Equal([DataSubjectRights.Access, DataSubjectRights.Erasure], all.Select(o => o.Right));
        Assert.Equal([RightDecision.Granted, RightDecision.Refused], all.Select(o => o.Decision));
        Assert.Null(RightOutcomes.Reasons([new(DataSubjectRights.Access, RightDecision.Granted, null, null)]));
    }

    [Theory]
    [InlineData(DataSubjectRights.Objection, RightDecision.Refused, "21.1", null, "ingår inte i begäran")]
    [InlineData(DataSubjectRights.Erasure, RightDecision.Refused, null, " ", "Ange grunden")]
    [InlineData(DataSubjectRights.Access, RightDecision.PartlyGranted, null, null, "Ange grunden")]
    [InlineData(DataSubjectRights.Erasure, RightDecision.Refused, "99.1", "Text", "finns inte i listan")]
    [InlineData(DataSubjectRights.Erasure, (RightDecision)7, null, null, "Välj utfall")]
    public void BadOutcomes_AreRefusedInSwedish(DataSubjectRights right, RightDecision decision, string? key, string? text, string expected)
    {
        var errors = RightOutcomes.Check(AccessAndErasure, [new(right, decision, key, text)]);

        Assert.Contains(expected, Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameRightTwice_OrACombination_IsRefused()
    {
        Assert.Contains("mer än ett utfall", Assert.Single(RightOutcomes.Check(AccessAndErasure,
            [new(DataSubjectRights.Access, RightDecision.Granted, null, null), new(DataSubjectRights.Access, RightDecision.Refused, "15.4", null)])).Message,
            StringComparison.Ordinal);
        Assert.Contains("okänd rättighet", Assert.Single(RightOutcomes.Check(AccessAndErasure,
            [new(AccessAndErasure, RightDecision.Granted, null, null)])).Message, StringComparison.Ordinal);
        Assert.Contains("1 000 tecken", Assert.Single(RightOutcomes.Check(AccessAndErasure,
            [new(DataSubjectRights.Erasure, RightDecision.Refused, null, new string('x', 1001))])).Message, StringComparison.Ordinal);
    }
}
