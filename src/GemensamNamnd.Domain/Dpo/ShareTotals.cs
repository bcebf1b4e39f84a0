namespace GemensamNamnd.Domain.Dpo;

/// <summary>A stretch of days on which a person's total share of a post is the same.</summary>
public sealed record ShareSegment(DateSpan Span, int TotalPercent)
{
    /// <summary>More than one full-time post: the person cannot do it all (resources, Art. 38(2)).</summary>
    public bool IsOverAllocated => TotalPercent > 100;
}

/// <summary>
/// A person's total share of a full-time post over time, summed over all their allocations (any party, any role): the
/// days on which the sum changes split the time into segments.
/// </summary>
public static class ShareTotals
{
    /// <summary>The segments, in order, on which the person has any share at all; adjacent equal totals are merged.</summary>
    public static IReadOnlyList<ShareSegment> Timeline(IEnumerable<(DateSpan Span, int SharePercent)> allocations)
    {
        ArgumentNullException.ThrowIfNull(allocations);
        var list = allocations.Where(a => a.Span.IsValid).ToList();
        if (list.Count == 0)
        {
            return [];
        }

        // Totals change only on a first day or on the day after a last day.
        var boundaries = list.Select(a => a.Span.Start)
            .Concat(list.Where(a => a.Span.End is { } e && e < DateOnly.MaxValue).Select(a => a.Span.End!.Value.AddDays(1)))
            .Distinct().Order().ToList();

        var segments = new List<ShareSegment>();
        for (var i = 0; i < boundaries.Count; i++)
        {
            var from = boundaries[i];
            DateOnly? to = i + 1 < boundaries.Count ? boundaries[i + 1].AddDays(-1) : null;
            var total = list.Where(a => a.Span.Contains(from)).Sum(a => a.SharePercent);
            if (to is null && !list.Any(a => a.Span.End is null))
            {
                // After the last end nobody has a share; nothing to show.
                break;
            }

            if (total == 0)
            {
                continue;
            }

            if (segments.Count > 0 && segments[^1].TotalPercent == total && segments[^1].Span.End is { } prevEnd && prevEnd.AddDays(1) == from)
            {
                segments[^1] = segments[^1] with { Span = new DateSpan(segments[^1].Span.Start, to) };
            }
            else
            {
                segments.Add(new ShareSegment(new DateSpan(from, to), total));
            }
        }

        return segments;
    }

    /// <summary>The total on one day (0 when none applies).</summary>
    public static int On(IEnumerable<ShareSegment> timeline, DateOnly day) =>
        timeline.FirstOrDefault(s => s.Span.Contains(day))?.TotalPercent ?? 0;

    /// <summary>Each stretch over 100 % as an error, with its days; plainly, Art. 38(2) (adequate resources).</summary>
    public static IReadOnlyList<DpoWarning> OverAllocation(IEnumerable<ShareSegment> timeline) =>
        timeline.Where(s => s.IsOverAllocated)
            .Select(s => new DpoWarning(DpoWarningKind.OverAllocated,
                $"Sammanlagt {s.TotalPercent} % av en heltidstjänst {s.Span}: mer än en heltid går inte att utföra", "art. 38.2"))
            .ToList();
}
