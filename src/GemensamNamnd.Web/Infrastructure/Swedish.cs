using System.Globalization;

namespace GemensamNamnd.Web.Infrastructure;

/// <summary>Instants are stored in UTC and shown in Swedish time, in Swedish.</summary>
public static class Swedish
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("sv-SE");

    public static readonly TimeZoneInfo TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);

    /// <summary>The calendar day an instant falls on in Sweden: deadlines are counted in Swedish calendar days.</summary>
    public static DateOnly Date(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    public static DateOnly Today(TimeProvider clock) => Date(clock.GetUtcNow());

    public static string DateTime(DateTimeOffset instant) => ToLocal(instant).ToString("d MMMM yyyy 'kl.' HH:mm", Culture);

    /// <summary>A count with its noun in the right number: "1 ärende", "3 ärenden", "0 ärenden".</summary>
    public static string Count(int count, string one, string many) =>
        string.Create(Culture, $"{count} {(count == 1 ? one : many)}");
}
