using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Fluid;

namespace GemensamNamnd.Web.Features.Letters;

/// <summary>
/// The templates: Liquid (Fluid.Core), a safe template language — a template reads the merge fields it is given and
/// nothing else (no member access to objects, no files, no includes), with a cap on loop steps. The product's defaults
/// are embedded (<c>Features/Letters/Templates/{mall}.liquid</c>); a party's own template overrides one
/// (<see cref="LetterTemplate"/>). A template renders to the markup of <see cref="LetterDocument.Parse"/>.
/// </summary>
public static partial class LetterTemplates
{
    private static readonly FluidParser Parser = new();

    private static readonly TemplateOptions Options = new()
    {
        CultureInfo = CultureInfo.GetCultureInfo("sv-SE"),
        MaxSteps = 100_000,
        MaxRecursion = 20,
    };

    /// <summary>The product's default template of <paramref name="kind"/>.</summary>
    public static string Default(LetterKind kind)
    {
        var name = $"GemensamNamnd.Letters.{LetterKinds.Of(kind).Slug}.liquid";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The default template {name} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Parses <paramref name="source"/>; on failure a Swedish message that names the line.</summary>
    public static bool TryParse(string source, out IFluidTemplate? template, out string? error)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (Parser.TryParse(source, out template, out var parseError))
        {
            error = null;
            return true;
        }

        var at = Position().Match(parseError ?? string.Empty);
        var detail = Position().Replace(parseError ?? string.Empty, string.Empty).Trim().TrimEnd('.', ',', ' ');
        error = at.Success
            ? $"Mallen kunde inte tolkas: fel på rad {at.Groups[1].Value} (tecken {at.Groups[2].Value}): {detail}. Den tidigare mallen gäller."
            : $"Mallen kunde inte tolkas: {detail}. Den tidigare mallen gäller.";
        template = null;
        return false;
    }

    /// <summary>Renders <paramref name="template"/> with the merge fields (strings, booleans and lists of strings).</summary>
    public static string Render(IFluidTemplate template, IReadOnlyDictionary<string, object?> fields)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(fields);
        var context = new TemplateContext(Options);
        foreach (var (name, value) in fields)
        {
            context.SetValue(name, value);
        }

        return template.Render(context, Fluid.NullEncoder.Default);
    }

    [GeneratedRegex(@"(?:at )?\((\d+):(\d+)\)")]
    private static partial Regex Position();
}
