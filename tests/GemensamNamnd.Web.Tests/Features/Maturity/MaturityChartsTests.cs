using System.Globalization;
using System.Text.RegularExpressions;
using GemensamNamnd.Web.Features.Maturity;

namespace GemensamNamnd.Web.Tests.Features.Maturity;

/// <summary>The server-drawn SVG: named for assistive technology, text encoded, every value written inside the picture.</summary>
public sealed partial class MaturityChartsTests
{
    private static string Html(Microsoft.AspNetCore.Html.IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }

    [Fact]
    public void Bars_AreANamedImage_WithEveryValueWrittenInsideTheViewBox()
    {
        var svg = Html(MaturityCharts.Bars("b", "Besvarade i tid", "Beskrivning", [new Bar("Åre <kommun>", 80, "80 %"), new Bar("Berg", null, "färre än 5 ärenden")], 60, "60 %"));
        Assert.Contains("role=\"img\" aria-labelledby=\"b-t b-d\"", svg, StringComparison.Ordinal);
        Assert.Contains("<title id=\"b-t\">Besvarade i tid</title>", svg, StringComparison.Ordinal);
        Assert.Contains("&lt;kommun&gt;", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<kommun>", svg, StringComparison.Ordinal);
        var width = double.Parse(ViewBox().Match(svg).Groups[1].Value, CultureInfo.InvariantCulture);
        var xs = ValueX().Matches(svg).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, xs.Count - 1); // two values and the median's label
        Assert.All(xs, x => Assert.InRange(x, 0, width));
        Assert.Contains(">80 %<", svg, StringComparison.Ordinal);
        Assert.Contains(">färre än 5 ärenden<", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Trend_OnTheShareScale_PlacesValuesByTheScale_AndLabelsTheGridInPercent()
    {
        var svg = Html(MaturityCharts.Trend("t", "Besvarade i tid", "2025: 50 %; 2026: 100 %", [2025, 2026],
            new Dictionary<int, double> { [2025] = 0.5, [2026] = 1 }, new Dictionary<int, double?> { [2025] = 0.5, [2026] = null }, MaturityCharts.Shares));
        Assert.Contains("role=\"img\" aria-labelledby=\"t-t t-d\"", svg, StringComparison.Ordinal);
        Assert.Contains(">0 %</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">50 %</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">100 %</text>", svg, StringComparison.Ordinal);
        // Height 130, top 10, bottom 24: 100 % at y 10, 50 % at y 58 (halfway down the 96-point plot).
        var ys = PointY().Matches(svg).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal([58, 10], ys);

        var levels = Html(MaturityCharts.Trend("l", "Nivå", "2026: 3", [2026], new Dictionary<int, double> { [2026] = 3 }, new Dictionary<int, double?>(), MaturityCharts.Levels));
        Assert.Contains(">5</text>", levels, StringComparison.Ordinal);
        Assert.Equal([58], PointY().Matches(levels).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)));
    }

    [GeneratedRegex("<circle cx=\"[0-9.]+\" cy=\"([0-9.]+)\"")]
    private static partial Regex PointY();

    [Fact]
    public void HeatMap_WritesEachLevel_AndMissingAsADash()
    {
        var svg = Html(MaturityCharts.HeatMap("h", "Nivåer", "Beskrivning", ["D1", "D2"], [("Åre", [5, null])]));
        Assert.Contains(">5</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">–</text>", svg, StringComparison.Ordinal);
        Assert.Contains("fill=\"#08306b\"", svg, StringComparison.Ordinal);
    }

    [GeneratedRegex("viewBox=\"0 0 ([0-9.]+) ")]
    private static partial Regex ViewBox();

    [GeneratedRegex("<text x=\"([0-9.]+)\" y=\"[0-9.]+\"(?: text-anchor=\"middle\")? class=\"chart-value\"")]
    private static partial Regex ValueX();
}
