using System.Globalization;

namespace GemensamNamnd.Web.Infrastructure;

/// <summary>Instants are stored in UTC and shown in Swedish time, in Swedish.</summary>
public static class Swedish
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("sv-SE");

    public static readonly TimeZoneInfo TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);

    public static string DateTime(DateTimeOffset instant) => ToLocal(instant).ToString("d MMMM yyyy 'kl.' HH:mm", Culture);
}
