using GemensamNamnd.Web.Infrastructure;

namespace GemensamNamnd.Web.Features.Requests;

/// <summary>
/// The received date and time as an officer types them (registration and "Rätta"), in Swedish time. Today's date with
/// no time means now; a past date needs its time, or "okänd" — then the start of that day counts, and the case's
/// deadline explanation says so. A time is never silently taken from the clock for a past day.
/// </summary>
public static class ReceivedTimeInput
{
    public const string UnknownWords = "klockslaget okänt, dagens början räknas";

    public static (DateTimeOffset? Received, bool TimeUnknown, List<Error> Errors) Parse(
        string dateField, string? date, string timeField, string? time, bool timeUnknown, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var errors = new List<Error>();
        var (day, dateError) = FormValues.ParseDate(dateField, "Mottagningsdatum", date, clock, required: false);
        if (dateError is not null)
        {
            errors.Add(dateError);
        }

        TimeOnly? at = null;
        if (!string.IsNullOrWhiteSpace(time))
        {
            if (FormValues.Time(time) is { } parsed)
            {
                at = parsed;
            }
            else
            {
                errors.Add(new Error(timeField, FormValues.InvalidTime("Mottagningstid")));
            }
        }

        if (day is not { } d || errors.Count > 0)
        {
            return (null, false, errors);
        }

        var now = clock.GetUtcNow();
        if (at is { } given)
        {
            if (timeUnknown)
            {
                errors.Add(new Error(timeField, "Ange antingen ett klockslag eller att det är okänt, inte båda."));
                return (null, false, errors);
            }

            return (Local(d, given), false, errors);
        }

        if (timeUnknown)
        {
            return (Local(d, TimeOnly.MinValue), true, errors);
        }

        if (d == Swedish.Date(now))
        {
            return (now, false, errors);
        }

        errors.Add(new Error(timeField, "Ange klockslaget då begäran kom in, eller kryssa i att det är okänt (då räknas dagens början)."));
        return (null, false, errors);
    }

    private static DateTimeOffset Local(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Swedish.TimeZone.GetUtcOffset(local));
    }
}
