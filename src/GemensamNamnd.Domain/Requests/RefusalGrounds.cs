namespace GemensamNamnd.Domain.Requests;

/// <summary>
/// The grounds a request (or a right within it) is refused on, for the pick-list beside the free text of Art. 12(4):
/// the regulation's own grounds and secrecy under offentlighets- och sekretesslagen (2009:400), which Art. 23 and
/// 5 kap. 1 § dataskyddslagen (2018:218) let stand against Art. 15.
/// </summary>
public static class RefusalGrounds
{
    /// <summary>Key → the ground in words, in the order of the list.</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> All =
    [
        new("12.5", "Art. 12.5: uppenbart ogrundad eller orimlig begäran"),
        new("15.4", "Art. 15.4: kopian skulle inverka negativt på andras rättigheter och friheter"),
        new("17.3b", "Art. 17.3 b: rättslig förpliktelse eller uppgift av allmänt intresse eller myndighetsutövning"),
        new("17.3c", "Art. 17.3 c: skäl av allmänt intresse på folkhälsoområdet"),
        new("17.3d", "Art. 17.3 d: arkivändamål av allmänt intresse, forskning eller statistik"),
        new("17.3e", "Art. 17.3 e: för att fastställa, göra gällande eller försvara rättsliga anspråk"),
        new("21.1", "Art. 21.1: tvingande berättigade skäl som väger tyngre än den registrerades intressen"),
        new("osl", "Sekretess enligt offentlighets- och sekretesslagen (2009:400)"),
    ];

    /// <summary>The ground's words for <paramref name="key"/>, or null for an unknown key.</summary>
    public static string? Words(string? key) => All.Where(g => g.Key == key).Select(g => g.Value).FirstOrDefault();

    /// <summary>
    /// The stored legal ground: the picked ground's words, then the free text ("Art. 12.5: … . Begäran är den fjärde …"),
    /// either alone, or null when both are blank. <paramref name="unknownKey"/> is true for a pick that is not on the list.
    /// </summary>
    public static string? Combine(string? key, string? text, out bool unknownKey)
    {
        unknownKey = !string.IsNullOrWhiteSpace(key) && Words(key) is null;
        var words = Words(key);
        var free = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        return (words, free) switch
        {
            (null, null) => null,
            (null, _) => free,
            (_, null) => words + ".",
            _ => $"{words}. {free}",
        };
    }
}
