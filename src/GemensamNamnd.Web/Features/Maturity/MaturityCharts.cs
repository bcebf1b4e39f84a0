using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace GemensamNamnd.Web.Features.Maturity;

/// <summary>One bar: a label, the number to draw (null: no bar) and the text shown beside it.</summary>
public sealed record Bar(string Label, double? Value, string Text);

/// <summary>
/// Accessible SVG charts, drawn on the server (no script): each is an image with a title and a description
/// (<c>role="img"</c>, <c>aria-labelledby</c>), never carries meaning by colour alone (every value is written out), and
/// the page puts its data table beside it. Text is HTML-encoded.
/// </summary>
public static class MaturityCharts
{
    // Swedish letters as they are (å, ä, ö); markup characters are still encoded.
    private static readonly HtmlEncoder Enc = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Fill and text colour per level 1–5: a sequential blue, every pair with a contrast of at least 4.5:1.</summary>
    public static (string Fill, string Text) LevelColours(int level) => level switch
    {
        1 => ("#eef3f8", "#1b1b1b"),
        2 => ("#c6dbef", "#1b1b1b"),
        3 => ("#8fbcdc", "#1b1b1b"),
        4 => ("#2166a5", "#ffffff"),
        _ => ("#08306b", "#ffffff"),
    };

    private static string N(double v) => v.ToString("0.#", Inv);

    /// <summary>Horizontal bars, one per party, with the regional median as a dashed line.</summary>
    public static IHtmlContent Bars(string id, string title, string description, IReadOnlyList<Bar> bars, double? median, string? medianText)
    {
        const int labelWidth = 210, barWidth = 330, textWidth = 150, row = 22, top = 8;
        var height = top + (bars.Count * row) + (median is null ? 8 : 30);
        var max = Math.Max(bars.Max(b => b.Value) ?? 0, median ?? 0);
        max = max <= 0 ? 1 : max;
        var sb = new StringBuilder();
        sb.Append(Inv, $"<svg class=\"chart\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" viewBox=\"0 0 {labelWidth + barWidth + textWidth} {height}\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\">");
        sb.Append(Inv, $"<title id=\"{id}-t\">{Enc.Encode(title)}</title><desc id=\"{id}-d\">{Enc.Encode(description)}</desc>");
        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            var y = top + (i * row);
            sb.Append(Inv, $"<text x=\"{labelWidth - 6}\" y=\"{y + 15}\" text-anchor=\"end\" class=\"chart-label\">{Enc.Encode(b.Label)}</text>");
            var w = b.Value is { } v ? Math.Max(1, v / max * barWidth) : 0;
            if (w > 0)
            {
                sb.Append(Inv, $"<rect x=\"{labelWidth}\" y=\"{y + 3}\" width=\"{N(w)}\" height=\"{row - 6}\" class=\"chart-bar\"></rect>");
            }

            sb.Append(Inv, $"<text x=\"{N(labelWidth + w + 6)}\" y=\"{y + 15}\" class=\"chart-value\">{Enc.Encode(b.Text)}</text>");
        }

        if (median is { } m)
        {
            var x = labelWidth + (m / max * barWidth);
            var bottom = top + (bars.Count * row);
            sb.Append(Inv, $"<line x1=\"{N(x)}\" x2=\"{N(x)}\" y1=\"{top}\" y2=\"{bottom + 4}\" class=\"chart-median\"></line>");
            sb.Append(Inv, $"<text x=\"{N(x)}\" y=\"{bottom + 20}\" text-anchor=\"middle\" class=\"chart-value\">Regional median {Enc.Encode(medianText ?? string.Empty)}</text>");
        }

        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }

    /// <summary>Parties × dimensions, each cell coloured by level and with the level written in it.</summary>
    public static IHtmlContent HeatMap(string id, string title, string description, IReadOnlyList<string> columns, IReadOnlyList<(string Label, IReadOnlyList<int?> Levels)> rows)
    {
        const int labelWidth = 210, cell = 64, head = 28, rowHeight = 26;
        var width = labelWidth + (columns.Count * cell);
        var height = head + (rows.Count * rowHeight) + 4;
        var sb = new StringBuilder();
        sb.Append(Inv, $"<svg class=\"chart\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" viewBox=\"0 0 {width} {height}\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\">");
        sb.Append(Inv, $"<title id=\"{id}-t\">{Enc.Encode(title)}</title><desc id=\"{id}-d\">{Enc.Encode(description)}</desc>");
        for (var c = 0; c < columns.Count; c++)
        {
            sb.Append(Inv, $"<text x=\"{labelWidth + (c * cell) + (cell / 2)}\" y=\"18\" text-anchor=\"middle\" class=\"chart-label\">{Enc.Encode(columns[c])}</text>");
        }

        for (var r = 0; r < rows.Count; r++)
        {
            var y = head + (r * rowHeight);
            sb.Append(Inv, $"<text x=\"{labelWidth - 6}\" y=\"{y + 17}\" text-anchor=\"end\" class=\"chart-label\">{Enc.Encode(rows[r].Label)}</text>");
            for (var c = 0; c < columns.Count; c++)
            {
                var x = labelWidth + (c * cell);
                if (rows[r].Levels[c] is { } level)
                {
                    var (fill, text) = LevelColours(level);
                    sb.Append(Inv, $"<rect x=\"{x + 1}\" y=\"{y + 1}\" width=\"{cell - 2}\" height=\"{rowHeight - 2}\" fill=\"{fill}\"></rect>");
                    sb.Append(Inv, $"<text x=\"{x + (cell / 2)}\" y=\"{y + 17}\" text-anchor=\"middle\" fill=\"{text}\" class=\"chart-level\">{level}</text>");
                }
                else
                {
                    sb.Append(Inv, $"<text x=\"{x + (cell / 2)}\" y=\"{y + 17}\" text-anchor=\"middle\" class=\"chart-value\">–</text>");
                }
            }
        }

        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }

    /// <summary>The self-assessed levels' scale: 1–5, a grid line at each level.</summary>
    public static readonly TrendScale Levels = new(1, 5, [1, 2, 3, 4, 5], v => v.ToString("0", Inv));

    /// <summary>A share's scale: 0–100 %, grid lines at 0, 50 and 100 %.</summary>
    public static readonly TrendScale Shares = new(0, 1, [0, 0.5, 1], v => (v * 100).ToString("0", Inv) + " %");

    /// <summary>A small line chart of one party's values over the years on <paramref name="scale"/>, with the regional median dashed.</summary>
    public static IHtmlContent Trend(string id, string title, string description, IReadOnlyList<int> years, IReadOnlyDictionary<int, double> values, IReadOnlyDictionary<int, double?> medians, TrendScale scale)
    {
        const int width = 240, height = 130, left = 40, right = 24, top = 10, bottom = 24;
        var plotW = width - left - right;
        var plotH = height - top - bottom;
        double X(int i) => years.Count == 1 ? left + (plotW / 2.0) : left + (i * plotW / (double)(years.Count - 1));
        double Y(double value) => top + ((scale.Max - value) / (scale.Max - scale.Min) * plotH);
        var sb = new StringBuilder();
        sb.Append(Inv, $"<svg class=\"chart trend\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\">");
        sb.Append(Inv, $"<title id=\"{id}-t\">{Enc.Encode(title)}</title><desc id=\"{id}-d\">{Enc.Encode(description)}</desc>");
        foreach (var tick in scale.Ticks)
        {
            sb.Append(Inv, $"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{N(Y(tick))}\" y2=\"{N(Y(tick))}\" class=\"chart-grid\"></line>");
            sb.Append(Inv, $"<text x=\"{left - 6}\" y=\"{N(Y(tick) + 4)}\" text-anchor=\"end\" class=\"chart-axis\">{Enc.Encode(scale.Label(tick))}</text>");
        }

        for (var i = 0; i < years.Count; i++)
        {
            sb.Append(Inv, $"<text x=\"{N(X(i))}\" y=\"{height - 6}\" text-anchor=\"middle\" class=\"chart-axis\">{years[i]}</text>");
        }

        string Line(IEnumerable<(int I, double V)> points) => string.Join(' ', points.Select(p => $"{N(X(p.I))},{N(Y(p.V))}"));
        var median = years.Select((y, i) => (i, medians.TryGetValue(y, out var m) ? m : null)).Where(p => p.Item2 is not null).Select(p => (p.i, p.Item2!.Value)).ToList();
        if (median.Count > 0)
        {
            sb.Append(Inv, $"<polyline points=\"{Line(median)}\" class=\"chart-median\" fill=\"none\"></polyline>");
        }

        var own = years.Select((y, i) => (i, values.TryGetValue(y, out var v) ? (double?)v : null)).Where(p => p.Item2 is not null).Select(p => (p.i, p.Item2!.Value)).ToList();
        if (own.Count > 0)
        {
            sb.Append(Inv, $"<polyline points=\"{Line(own)}\" class=\"chart-line\" fill=\"none\"></polyline>");
            foreach (var (i, v) in own)
            {
                sb.Append(Inv, $"<circle cx=\"{N(X(i))}\" cy=\"{N(Y(v))}\" r=\"3.5\" class=\"chart-point\"></circle>");
            }
        }

        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }
}

/// <summary>A trend chart's vertical scale: its range, where grid lines go, and how a grid value is labelled.</summary>
public sealed record TrendScale(double Min, double Max, IReadOnlyList<double> Ticks, Func<double, string> Label);
