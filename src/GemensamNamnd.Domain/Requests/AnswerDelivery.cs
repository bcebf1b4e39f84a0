namespace GemensamNamnd.Domain.Requests;

/// <summary>
/// How the answer reaches the data subject. Art. 12(3): a request made by electronic means is
/// answered by electronic means where possible, unless the data subject asks otherwise; the answer
/// must still be kept secure on the way (Art. 5(1)(f), Art. 32), so plain e-mail is not offered.
/// </summary>
public enum AnswerDelivery
{
    /// <summary>Säker e-post.</summary>
    SecureEmail,

    /// <summary>Brev.</summary>
    Letter,

    /// <summary>Digital brevlåda (e.g. Kivra, Min myndighetspost).</summary>
    DigitalMailbox,

    /// <summary>På plats, handed over after the identity is checked.</summary>
    InPerson,
}

/// <summary>Swedish names of <see cref="AnswerDelivery"/>.</summary>
public static class AnswerDeliveryNames
{
    /// <summary>"säker e-post", "brev", "digital brevlåda" or "på plats": lower case, to sit mid-sentence.</summary>
    public static string Swedish(this AnswerDelivery delivery) => delivery switch
    {
        AnswerDelivery.SecureEmail => "säker e-post",
        AnswerDelivery.Letter => "brev",
        AnswerDelivery.DigitalMailbox => "digital brevlåda",
        AnswerDelivery.InPerson => "på plats",
        _ => throw new ArgumentOutOfRangeException(nameof(delivery), delivery, "Undefined answer delivery."),
    };
}
