using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Web.Infrastructure;

namespace GemensamNamnd.Web.Features.Dpo;

/// <summary>How the DPO pages put dates, periods and states into words.</summary>
public static class DpoWords
{
    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", Swedish.Culture);

    public static string Period(DateOnly from, DateOnly? to) =>
        to is { } end ? $"{SwedishDates.Long(from)} – {SwedishDates.Long(end)}" : $"{SwedishDates.Long(from)} – tills vidare";

    public static string State(AllocationState state) => state switch
    {
        AllocationState.Current => "Pågående",
        AllocationState.Planned => "Planerat",
        _ => "Avslutat",
    };

    /// <summary>Parses ÅÅÅÅ-MM-DD from a form; blank is (true, null), unreadable is (false, null).</summary>
    public static (bool Ok, DateOnly? Value) ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (true, null);
        }

        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", Swedish.Culture, System.Globalization.DateTimeStyles.None, out var d) ? (true, d) : (false, null);
    }
}
