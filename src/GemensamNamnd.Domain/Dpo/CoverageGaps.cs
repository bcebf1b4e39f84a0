namespace GemensamNamnd.Domain.Dpo;

/// <summary>A controller without a designated (ordinary) DPO for some days.</summary>
public sealed record CoverageGap(Guid ControllerId, DateSpan Span);

/// <summary>
/// Art. 37(1)(a): every public authority — here each controller of a party (each nämnd and bolag) — designates a DPO.
/// A day on which no <see cref="DpoRole.Ordinarie"/> allocation covers a controller is a gap; a deputy
/// (<see cref="DpoRole.Ersattare"/>) stands in for a designated DPO and does not fill a designation alone.
/// </summary>
public static class CoverageGaps
{
    /// <summary>
    /// The gaps of each controller between <paramref name="from"/> and <paramref name="to"/> (both included), in order.
    /// A gap that reaches <paramref name="to"/> with nothing planned after it is open-ended (End null).
    /// </summary>
    public static IReadOnlyList<CoverageGap> Find(IEnumerable<Guid> controllerIds, IEnumerable<AllocationFacts> allocations, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(controllerIds);
        ArgumentNullException.ThrowIfNull(allocations);
        var ordinary = allocations.Where(a => a.Role == DpoRole.Ordinarie && a.Span.IsValid).ToList();
        var gaps = new List<CoverageGap>();
        foreach (var controller in controllerIds)
        {
            var spans = ordinary.Where(a => a.ControllerIds.Contains(controller)).Select(a => a.Span).OrderBy(s => s.Start).ToList();
            var day = from;
            foreach (var span in spans)
            {
                if (day > to)
                {
                    break;
                }

                if (span.End is { } end && end < day)
                {
                    continue;
                }

                if (span.Start > day)
                {
                    var gapEnd = span.Start.AddDays(-1);
                    gaps.Add(new CoverageGap(controller, new DateSpan(day, gapEnd < to ? gapEnd : to)));
                }

                if (span.End is not { } spanEnd)
                {
                    day = DateOnly.MaxValue;
                    break;
                }

                day = spanEnd.AddDays(1) > day ? spanEnd.AddDays(1) : day;
            }

            if (day <= to)
            {
                gaps.Add(new CoverageGap(controller, new DateSpan(day, null)));
            }
        }

        return gaps;
    }
}
