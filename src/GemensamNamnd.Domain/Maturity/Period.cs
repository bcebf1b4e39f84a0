namespace GemensamNamnd.Domain.Maturity;

/// <summary>A period of whole Swedish calendar days, both ends included (a year, or a period the e-strateg chooses).</summary>
public sealed record Period(DateOnly From, DateOnly To)
{
    public static Period Year(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    public bool Contains(DateOnly day) => day >= From && day <= To;

    /// <summary>Null when the period is valid; otherwise why not, in Swedish.</summary>
    public static string? WhyNot(DateOnly from, DateOnly to) =>
        to < from ? "Periodens slut ligger före dess början."
        : to.DayNumber - from.DayNumber > 366 * 10 ? "Perioden får vara högst tio år."
        : null;
}
