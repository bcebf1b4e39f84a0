using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Web.Infrastructure;

namespace GemensamNamnd.Web.Features.Dpo;

/// <summary>How the DPO pages put dates, periods and states into words.</summary>
public static class DpoWords
{
    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", Swedish.Culture);

    public static string Period(DateOnly from, DateOnly? to) =>
        to is { } end ? $"{SwedishDates.Long(from)} – {SwedishDates.Long(end)}" : $"{SwedishDates.Long(from)} – tills vidare";

    /// <summary>An ended allocation reads "Avslutat" in the closed colour; the others as words.</summary>
    public static Urgency StateUrgency(AllocationState state) =>
        state is AllocationState.Current or AllocationState.Planned ? Urgency.None : Urgency.Closed;

    public static string State(AllocationState state) => state switch
    {
        AllocationState.Current => "Pågående",
        AllocationState.Planned => "Planerat",
        _ => "Avslutat",
    };
}
