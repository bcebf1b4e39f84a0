using GemensamNamnd.Domain.Requests;

namespace GemensamNamnd.Domain.Tests.Requests;

public class AnswerDeliveryTests
{
    [Theory]
    [InlineData(AnswerDelivery.SecureEmail, "säker e-post")]
    [InlineData(AnswerDelivery.Letter, "brev")]
    [InlineData(AnswerDelivery.DigitalMailbox, "digital brevlåda")]
    [InlineData(AnswerDelivery.InPerson, "på plats")]
    public void Swedish_Delivery_ReturnsName(AnswerDelivery delivery, string expected)
    {
        Assert.Equal(expected, delivery.Swedish());
    }

    [Fact]
    public void Swedish_UndefinedDelivery_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ((AnswerDelivery)99).Swedish());
    }

    [Fact]
    public void Swedish_EveryDelivery_HasADistinctName()
    {
        var all = Enum.GetValues<AnswerDelivery>();
        Assert.Equal(4, all.Length);
        Assert.Equal(all.Length, all.Select(d => d.Swedish()).Distinct().Count());
    }
}
