namespace GemensamNamnd.Domain.Requests;

/// <summary>
/// How a request reached the controller. GDPR sets no form: a request is valid whichever way it
/// comes (Art. 12(2): the controller facilitates the exercise of the rights), so a phone call or a
/// visit counts from the day it is received just as a letter does.
/// </summary>
public enum RequestChannel
{
    /// <summary>Brev.</summary>
    Letter,

    /// <summary>E-post.</summary>
    Email,

    /// <summary>E-tjänst.</summary>
    EService,

    /// <summary>Besök.</summary>
    Visit,

    /// <summary>Telefon.</summary>
    Phone,
}

/// <summary>Swedish names of <see cref="RequestChannel"/>.</summary>
public static class RequestChannelNames
{
    /// <summary>"brev", "e-post", "e-tjänst", "besök" or "telefon": lower case, to sit mid-sentence.</summary>
    public static string Swedish(this RequestChannel channel) => channel switch
    {
        RequestChannel.Letter => "brev",
        RequestChannel.Email => "e-post",
        RequestChannel.EService => "e-tjänst",
        RequestChannel.Visit => "besök",
        RequestChannel.Phone => "telefon",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Undefined request channel."),
    };
}
