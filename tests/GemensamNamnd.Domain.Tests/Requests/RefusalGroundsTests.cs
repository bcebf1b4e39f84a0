using GemensamNamnd.Domain.Requests;

namespace GemensamNamnd.Domain.Tests.Requests;

public class RefusalGroundsTests
{
    [Fact]
    public void TheList_HasTheRegulationsGroundsAndSecrecy_EachOnce()
    {
        Assert.Equal(["12.5", "15.4", "17.3b", "17.3c", "17.3d", "17.3e", "21.1", "osl"], RefusalGrounds.All.Select(g => g.Key));
        Assert.Contains("offentlighets- och sekretesslagen", RefusalGrounds.Words("osl"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12.5", "Den fjärde begäran i år.", "Art. 12.5: uppenbart ogrundad eller orimlig begäran. Den fjärde begäran i år.", false)]
    [InlineData("osl", "  ", "Sekretess enligt offentlighets- och sekretesslagen (2009:400).", false)]
    [InlineData("", "Egen grund.", "Egen grund.", false)]
    [InlineData(null, null, null, false)]
    [InlineData("99.9", "Text.", "Text.", true)]
    public void Combine_PickAndFreeText(string? key, string? text, string? expected, bool unknown)
    {
        Assert.Equal(expected, RefusalGrounds.Combine(key, text, out var unknownKey));
        Assert.Equal(unknown, unknownKey);
    }
}
