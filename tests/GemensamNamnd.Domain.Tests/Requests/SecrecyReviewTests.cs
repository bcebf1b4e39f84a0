using GemensamNamnd.Domain.Requests;

namespace GemensamNamnd.Domain.Tests.Requests;

public class SecrecyReviewTests
{
    [Fact]
    public void TheList_HoldsTheProvisionsAMunicipalityMeets_EachOnce_WithTheirCitation()
    {
        Assert.Equal(SecrecyReview.Provisions.Count, SecrecyReview.Provisions.Select(p => p.Key).Distinct().Count());
        foreach (var key in new[] { "26:1", "25:1", "23:1", "21:3" })
        {
            Assert.NotNull(SecrecyReview.Find(key));
        }

        Assert.Equal("OSL 26 kap. 1 §", SecrecyReview.Find("26:1")!.Citation);
        Assert.Null(SecrecyReview.Find("99:9"));
    }

    [Fact]
    public void Osl12_1_IsShownForSecrecyProtectingTheIndividual_NotWhereTheProvisionAppliesAgainstTheIndividualToo()
    {
        Assert.True(SecrecyReview.SelfRuleApplies(SecrecyReview.Find("26:1")!));
        Assert.False(SecrecyReview.SelfRuleApplies(SecrecyReview.Find("26:5")!));
        Assert.False(SecrecyReview.SelfRuleApplies(SecrecyReview.Find("18:8")!));
        Assert.Contains("OSL 12 kap. 1 §", SecrecyReview.SelfRule, StringComparison.Ordinal);
        Assert.Contains("OSL 12 kap. 3 §", SecrecyReview.GuardianRule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Disclosure.Disclosed, null, null, null)]
    [InlineData(Disclosure.Disclosed, "26:1", null, "ange ingen sekretessbestämmelse")]
    [InlineData(Disclosure.DisclosedMasked, null, null, "Ange vilken bestämmelse")]
    [InlineData(Disclosure.DisclosedMasked, "26:1", null, null)]
    [InlineData(Disclosure.Withheld, "99:9", "Not", "finns inte i listan")]
    [InlineData(Disclosure.Withheld, "26:1", null, "OSL 12 kap. 1 §")]
    [InlineData(Disclosure.Withheld, "26:1", "Uppgifterna rör enbart anmälaren.", null)]
    [InlineData(Disclosure.Withheld, "26:5", null, null)]
    [InlineData(Disclosure.Withheld, "18:8", null, null)]
    [InlineData((Disclosure)9, null, null, "Okänt utfall")]
    public void Check_EachRule(Disclosure disclosure, string? key, string? note, string? expected)
    {
        var error = SecrecyReview.Check("Procapita", disclosure, key, note);

        if (expected is null)
        {
            Assert.Null(error);
        }
        else
        {
            Assert.Contains(expected, error, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(new Disclosure[0], RightDecision.Granted)]
    [InlineData(new[] { Disclosure.Disclosed, Disclosure.Disclosed }, RightDecision.Granted)]
    [InlineData(new[] { Disclosure.Disclosed, Disclosure.DisclosedMasked }, RightDecision.PartlyGranted)]
    [InlineData(new[] { Disclosure.Disclosed, Disclosure.Withheld }, RightDecision.PartlyGranted)]
    [InlineData(new[] { Disclosure.Withheld, Disclosure.Withheld }, RightDecision.Refused)]
    public void TheReview_DecidesTheRightOfAccess(Disclosure[] reviews, RightDecision expected) =>
        Assert.Equal(expected, SecrecyReview.AccessDecision(reviews));
}
