namespace GemensamNamnd.Domain.Dpo;

/// <summary>
/// Calendar days from <see cref="Start"/> to <see cref="End"/>, both included; no end means "until further notice".
/// An allocation is for whole days: the first and the last day it applies.
/// </summary>
public readonly record struct DateSpan(DateOnly Start, DateOnly? End)
{
    public bool IsValid => End is not { } end || end >= Start;

    public bool Contains(DateOnly day) => day >= Start && (End is not { } end || day <= end);

    public bool Overlaps(DateSpan other) =>
        (End is not { } end || other.Start <= end) && (other.End is not { } otherEnd || Start <= otherEnd);

    /// <summary>"från 1 januari 2026 till 31 december 2026" or "från 1 januari 2026 tills vidare".</summary>
    public override string ToString() =>
        End is { } end
            ? $"från {Deadlines.SwedishDates.Long(Start)} till {Deadlines.SwedishDates.Long(end)}"
            : $"från {Deadlines.SwedishDates.Long(Start)} tills vidare";
}
