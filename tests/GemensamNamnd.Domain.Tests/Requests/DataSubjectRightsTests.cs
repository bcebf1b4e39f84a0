using GemensamNamnd.Domain.Requests;

namespace GemensamNamnd.Domain.Tests.Requests;

public class DataSubjectRightsTests
{
    [Theory]
    [InlineData(DataSubjectRights.Access, "Registerutdrag (art. 15)")]
    [InlineData(DataSubjectRights.Rectification, "Rättelse (art. 16)")]
    [InlineData(DataSubjectRights.Erasure, "Radering (art. 17)")]
    [InlineData(DataSubjectRights.Restriction, "Begränsning (art. 18)")]
    [InlineData(DataSubjectRights.Portability, "Dataportabilitet (art. 20)")]
    [InlineData(DataSubjectRights.Objection, "Invändning (art. 21)")]
    public void Swedish_SingleRight_NamesItWithArticle(DataSubjectRights right, string expected)
    {
        Assert.Equal(expected, right.Swedish());
    }

    [Theory]
    [InlineData(DataSubjectRights.None)]
    [InlineData(DataSubjectRights.Access | DataSubjectRights.Erasure)] // a combination: name each through Each()
    [InlineData((DataSubjectRights)64)] // undefined bit
    public void Swedish_NotExactlyOneRight_Throws(DataSubjectRights rights)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => rights.Swedish());
    }

    [Theory]
    [InlineData(0, false)] // None: a request must invoke some right
    [InlineData(1, true)] // Access alone
    [InlineData(5, true)] // Access | Erasure
    [InlineData(32, true)] // Objection alone
    [InlineData(63, true)] // all six
    [InlineData(64, false)] // undefined bit alone
    [InlineData(65, false)] // Access plus an undefined bit
    [InlineData(128, false)]
    [InlineData(-1, false)] // every bit
    public void IsValid_Rights_ReturnsExpected(int rights, bool expected)
    {
        Assert.Equal(expected, DataSubjectRightNames.IsValid((DataSubjectRights)rights));
    }

    [Theory]
    [InlineData(0, new int[0])]
    [InlineData(1, new[] { 1 })]
    [InlineData(5, new[] { 1, 4 })] // Access | Erasure
    [InlineData(40, new[] { 8, 32 })] // Restriction | Objection
    [InlineData(63, new[] { 1, 2, 4, 8, 16, 32 })] // all six, in article order
    [InlineData(65, new[] { 1 })] // the undefined bit is skipped
    public void Each_Flags_DecomposesIntoSingleRights(int rights, int[] expected)
    {
        var actual = ((DataSubjectRights)rights).Each().ToList();
        Assert.Equal(expected.Select(r => (DataSubjectRights)r), actual);
    }

    [Fact]
    public void Each_Combination_NamesEveryRightInSwedish()
    {
        var rights = DataSubjectRights.Access | DataSubjectRights.Erasure | DataSubjectRights.Objection;
        Assert.Equal(
            ["Registerutdrag (art. 15)", "Radering (art. 17)", "Invändning (art. 21)"],
            rights.Each().Select(r => r.Swedish()));
    }

    [Fact]
    public void Each_EveryDefinedRight_IsNamedAndValid()
    {
        var defined = Enum.GetValues<DataSubjectRights>().Where(r => r != DataSubjectRights.None).ToList();
        Assert.Equal(6, defined.Count);
        Assert.All(defined, r => Assert.True(DataSubjectRightNames.IsValid(r)));
        Assert.Equal(defined.Count, defined.Select(r => r.Swedish()).Distinct().Count());
    }
}
