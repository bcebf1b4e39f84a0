using GemensamNamnd.Domain.Requests;

namespace GemensamNamnd.Domain.Tests.Requests;

/// <summary>Identity with e-legitimation: method, assurance level and time only (Art. 12(6); EDPB 01/2022 §§65, 74–79).</summary>
public class IdentityChecksTests
{
    [Theory]
    [InlineData(IdentityCheck.BankId, "BankID")]
    [InlineData(IdentityCheck.FrejaEidPlus, "Freja eID+")]
    [InlineData(IdentityCheck.Eidas, "eIDAS")]
    [InlineData(IdentityCheck.WithoutEid, "utan e-legitimation")]
    public void Swedish_Check_ReturnsName(IdentityCheck check, string expected) => Assert.Equal(expected, check.Swedish());

    [Theory]
    [InlineData(IdentityCheck.BankId)]
    [InlineData(IdentityCheck.FrejaEidPlus)]
    [InlineData(IdentityCheck.Eidas)]
    public void Problems_EId_NeedsItsAssuranceLevel(IdentityCheck check)
    {
        Assert.Equal("AssuranceLevel", Assert.Single(IdentityChecks.Problems(check, null, null)).Field);
        Assert.Empty(IdentityChecks.Problems(check, AssuranceLevel.Substantial, null));
    }

    [Fact]
    public void Problems_WithoutEid_NeedsTheDocumentedRoute_AndNoLevel()
    {
        Assert.Equal("Method", Assert.Single(IdentityChecks.Problems(IdentityCheck.WithoutEid, null, " ")).Field);
        Assert.Equal("AssuranceLevel", Assert.Single(IdentityChecks.Problems(IdentityCheck.WithoutEid, AssuranceLevel.High, "Pass visat vid besök")).Field);
        Assert.Empty(IdentityChecks.Problems(IdentityCheck.WithoutEid, null, "Pass visat vid besök"));
    }

    [Fact]
    public void Problems_LevelWithoutCheck_OrUndefined_IsRefused()
    {
        Assert.Equal("IdentityCheck", Assert.Single(IdentityChecks.Problems(null, AssuranceLevel.Low, "BankID")).Field);
        Assert.Equal("IdentityCheck", Assert.Single(IdentityChecks.Problems((IdentityCheck)9, null, null)).Field);
        Assert.Equal("AssuranceLevel", Assert.Single(IdentityChecks.Problems(IdentityCheck.BankId, (AssuranceLevel)9, null)).Field);
    }

    [Fact]
    public void Problems_FreeTextAlone_StandsAsBefore() => Assert.Empty(IdentityChecks.Problems(null, null, "Legitimation på plats"));

    [Fact]
    public void Describe_NamesMethodAndLevelOnly()
    {
        Assert.Equal("BankID, tillitsnivå väsentlig", IdentityChecks.Describe(IdentityCheck.BankId, AssuranceLevel.Substantial, null));
        Assert.Equal("Freja eID+, tillitsnivå hög: via e-tjänsten", IdentityChecks.Describe(IdentityCheck.FrejaEidPlus, AssuranceLevel.High, " via e-tjänsten "));
        Assert.Equal("Utan e-legitimation: Pass visat vid besök", IdentityChecks.Describe(IdentityCheck.WithoutEid, null, "Pass visat vid besök"));
        Assert.Equal("Legitimation på plats", IdentityChecks.Describe(null, null, "Legitimation på plats"));
    }
}
