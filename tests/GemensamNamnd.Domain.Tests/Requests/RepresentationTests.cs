using GemensamNamnd.Domain.Requests;

namespace GemensamNamnd.Domain.Tests.Requests;

/// <summary>Requests through a representative (föräldrabalken 6 and 11 kap.; EDPB 01/2022 §§79–84; Art. 5(1)(c)).</summary>
public class RepresentationTests
{
    [Theory]
    [InlineData(RepresentativeKind.Guardian, "vårdnadshavare")]
    [InlineData(RepresentativeKind.Trustee, "god man eller förvaltare")]
    [InlineData(RepresentativeKind.Attorney, "ombud med fullmakt")]
    public void Swedish_Kind_ReturnsName(RepresentativeKind kind, string expected) => Assert.Equal(expected, kind.Swedish());

    [Fact]
    public void Swedish_UndefinedKind_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => ((RepresentativeKind)9).Swedish());

    [Fact]
    public void Problems_NoRepresentative_IsFine() => Assert.Empty(Representation.Problems(null, null, null));

    [Fact]
    public void Problems_KindAndName_IsFine_CheckOptional()
    {
        Assert.Empty(Representation.Problems(RepresentativeKind.Guardian, "Vera Vårdnadshavare", null));
        Assert.Empty(Representation.Problems(RepresentativeKind.Attorney, "Olle Ombud", "Fullmakt i original visad vid besök"));
    }

    [Fact]
    public void Problems_NameWithoutKind_IsRefused()
    {
        var (field, message) = Assert.Single(Representation.Problems(null, "Olle Ombud", null));
        Assert.Equal("RepresentativeKind", field);
        Assert.Contains("vårdnadshavare", message);
    }

    [Fact]
    public void Problems_CheckWithoutKind_IsRefused() =>
        Assert.Equal("RepresentativeKind", Assert.Single(Representation.Problems(null, null, "Fullmakt visad")).Field);

    [Fact]
    public void Problems_KindWithoutName_IsRefused() =>
        Assert.Equal("RepresentativeName", Assert.Single(Representation.Problems(RepresentativeKind.Trustee, " ", null)).Field);

    [Fact]
    public void Problems_UndefinedKindOrTooLong_IsRefused()
    {
        Assert.Equal("RepresentativeKind", Assert.Single(Representation.Problems((RepresentativeKind)9, "X", null)).Field);
        Assert.Equal("RepresentativeName", Assert.Single(Representation.Problems(RepresentativeKind.Attorney, new string('a', 201), null)).Field);
        Assert.Equal("RepresentativeCheckedHow", Assert.Single(Representation.Problems(RepresentativeKind.Attorney, "X", new string('a', 501))).Field);
    }

    [Theory]
    [InlineData(ProtectedHandOver.InPerson, "lämnat personligen")]
    [InlineData(ProtectedHandOver.ViaSkatteverket, "via Skatteverkets förmedling")]
    public void Swedish_HandOver_ReturnsName(ProtectedHandOver handOver, string expected) => Assert.Equal(expected, handOver.Swedish());
}
