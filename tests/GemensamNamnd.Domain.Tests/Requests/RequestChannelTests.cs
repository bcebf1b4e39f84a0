using GemensamNamnd.Domain.Requests;

namespace GemensamNamnd.Domain.Tests.Requests;

public class RequestChannelTests
{
    [Theory]
    [InlineData(RequestChannel.Letter, "brev")]
    [InlineData(RequestChannel.Email, "e-post")]
    [InlineData(RequestChannel.EService, "e-tjänst")]
    [InlineData(RequestChannel.Visit, "besök")]
    [InlineData(RequestChannel.Phone, "telefon")]
    public void Swedish_Channel_ReturnsName(RequestChannel channel, string expected)
    {
        Assert.Equal(expected, channel.Swedish());
    }

    [Fact]
    public void Swedish_UndefinedChannel_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ((RequestChannel)99).Swedish());
    }

    [Fact]
    public void Swedish_EveryChannel_HasADistinctName()
    {
        var all = Enum.GetValues<RequestChannel>();
        Assert.Equal(5, all.Length);
        Assert.Equal(all.Length, all.Select(c => c.Swedish()).Distinct().Count());
    }
}
