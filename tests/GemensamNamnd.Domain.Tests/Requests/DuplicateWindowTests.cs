using GemensamNamnd.Domain.Requests;

namespace GemensamNamnd.Domain.Tests.Requests;

public class DuplicateWindowTests
{
    [Fact]
    public void Lookback_Is90Days()
    {
        Assert.Equal(TimeSpan.FromDays(90), DuplicateWindow.Lookback);
    }
}
