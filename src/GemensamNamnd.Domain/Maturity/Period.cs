namespace GemensamNamnd.Domain.Maturity;

/// <summary>A period of whole Swedish calendar days, both ends included: a calendar year or a calendar quarter.</summary>
public sealed record Period(DateOnly From, DateOnly To)
{
    public static Period Year(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    /// <summary>Quarter 1–4 of <paramref name="year"/>.</summary>
    public static Period Quarter(int year, int quarter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        var from = new DateOnly(year, (quarter * 3) - 2, 1);
        return new(from, from.AddMonths(3).AddDays(-1));
    }

    /// <summary>The quarter (1–4) this period is, or null for a whole year.</summary>
    public int? QuarterNumber => To.Month - From.Month == 2 ? ((From.Month - 1) / 3) + 1 : null;

    public bool Contains(DateOnly day) => day >= From && day <= To;

    /// <summary>
    /// Null when <paramref name="from"/>–<paramref name="to"/> is a whole calendar quarter or year; otherwise why not, in
    /// Swedish. Periods of any length could be subtracted from each other until one case stands alone (7 incidents in
    /// October less 6 in 1–17 October is one on the 18th), so only the quarters and years of the calendar are offered,
    /// and a quarter's figures are further guarded against its year (<see cref="SmallNumbers.HiddenQuarters"/>).
    /// </summary>
    public static string? WhyNot(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return "Periodens slut ligger före dess början.";
        }

        var quarter = Quarter(from.Year, ((from.Month - 1) / 3) + 1);
        var wholeQuarter = quarter.From == from && quarter.To == to;
        var wholeYear = from == new DateOnly(from.Year, 1, 1) && to == new DateOnly(from.Year, 12, 31);
        return wholeQuarter || wholeYear
            ? null
            : "En egen period ska vara ett helt kvartal eller ett helt kalenderår, till exempel 2026-04-01 – 2026-06-30, så att perioder inte kan dras från varandra för att peka ut ett enskilt ärende.";
    }
}
