namespace GemensamNamnd.Web.Features.Letters;

/// <summary>The letters a case produces (issue 18). Each has its address segment (<c>…/brev/{mall}</c>) and a default template.</summary>
public enum LetterKind
{
    Mottagningsbekraftelse,
    Identitetskontroll,
    Forlangning,
    Svar,
    Avslag,
    Art34,
}

/// <summary>The two files a letter is written as: PDF for sending (PDF/A, fonts embedded), DOCX for editing in Word.</summary>
public enum LetterFormat
{
    Pdf,
    Docx,
}

/// <summary>What a kind of letter is called, its address segment and its register.</summary>
public sealed record LetterKindInfo(LetterKind Kind, string Slug, string Title, bool ForBreach);

/// <summary>The kinds with their words; the one list the routes, the case pages and the template editor use.</summary>
public static class LetterKinds
{
    public static readonly IReadOnlyList<LetterKindInfo> All =
    [
        new(LetterKind.Mottagningsbekraftelse, "mottagningsbekraftelse", "Mottagningsbekräftelse", false),
        new(LetterKind.Identitetskontroll, "identitetskontroll", "Begäran om identifiering", false),
        new(LetterKind.Forlangning, "forlangning", "Besked om förlängd tid", false),
        new(LetterKind.Svar, "svar", "Svar på begäran", false),
        new(LetterKind.Avslag, "avslag", "Beslut om avslag", false),
        new(LetterKind.Art34, "art34", "Information om personuppgiftsincident", true),
    ];

    public static IEnumerable<LetterKindInfo> ForRequests => All.Where(k => !k.ForBreach);

    public static LetterKindInfo Of(LetterKind kind) => All.Single(k => k.Kind == kind);

    /// <summary>The kind whose address segment is <paramref name="slug"/> (exact, lower case), or null.</summary>
    public static LetterKindInfo? FromSlug(string? slug) => All.FirstOrDefault(k => string.Equals(k.Slug, slug, StringComparison.Ordinal));

    /// <summary><c>pdf</c> or <c>docx</c> (missing: pdf); anything else is null (404).</summary>
    public static LetterFormat? ParseFormat(string? format) => format switch
    {
        null or "" or "pdf" => LetterFormat.Pdf,
        "docx" => LetterFormat.Docx,
        _ => null,
    };

    public static string Extension(this LetterFormat format) => format == LetterFormat.Pdf ? "pdf" : "docx";

    public static string ContentType(this LetterFormat format) => format == LetterFormat.Pdf
        ? "application/pdf"
        : "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
}

/// <summary>
/// A produced letter, ready to download — or to store on the case as a document (the seam for the documents feature:
/// <see cref="LetterService.ProduceRequestLetterAsync"/> and <see cref="LetterService.ProduceBreachLetterAsync"/> return this).
/// </summary>
public sealed record LetterFile(string FileName, string ContentType, byte[] Bytes);

/// <summary>The case page's "Brev" section: the case's address and the letters it offers now.</summary>
/// <param name="CasePath">The case page's address, e.g. <c>/ostersund/begaranden/{id}</c>.</param>
/// <param name="Kinds">The letters offered (the extension notice only for an extended case, the refusal only with a ground).</param>
/// <param name="MayStore">The user may store a letter on the case as a document (an officer): "Spara i ärendet" is offered.</param>
public sealed record LetterLinks(string CasePath, IReadOnlyList<LetterKindInfo> Kinds, bool MayStore = false)
{
    public static LetterLinks ForRequest(string slug, Guid id, bool extended, bool hasRefusalGround, bool mayStore = false) => new(
        $"/{slug}/begaranden/{id}",
        [.. LetterKinds.ForRequests.Where(k => (k.Kind != LetterKind.Forlangning || extended) && (k.Kind != LetterKind.Avslag || hasRefusalGround))],
        mayStore);

    public static LetterLinks ForBreach(string slug, Guid id, bool mayStore = false) => new($"/{slug}/incidenter/{id}", [LetterKinds.Of(LetterKind.Art34)], mayStore);
}
