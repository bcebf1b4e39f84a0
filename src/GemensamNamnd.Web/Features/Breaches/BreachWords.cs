using System.Globalization;
using GemensamNamnd.Domain.Breaches;
using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Web.Infrastructure;

namespace GemensamNamnd.Web.Features.Breaches;

/// <summary>How the breach pages put the 72-hour clock and times into words, in Swedish time.</summary>
public static class BreachWords
{
    /// <summary>"53 timmar kvar", "1 timme kvar", "mindre än en timme kvar", "5 timmar försenad", "anmäld inom 72 timmar", "anmäls inte".</summary>
    public static string Clock(Breach b, DateTimeOffset now)
    {
        var hours = BreachClock.HoursLeft(b.AwareAt, now);
        return BreachClock.StateAt(b.AwareAt, b.Reportable, b.ReportedAt, now) switch
        {
            BreachClockState.Running when hours == 0 => "mindre än en timme kvar",
            BreachClockState.Running => Hours(hours) + " kvar",
            BreachClockState.Overdue => Hours(-hours) + " försenad",
            BreachClockState.ReportedOnTime => "anmäld inom 72 timmar",
            BreachClockState.ReportedLate => "anmäld efter 72 timmar",
            _ => "anmäls inte",
        };
    }

    /// <summary>The clock is shown as urgent when fewer than this many hours are left of the 72.</summary>
    public const int UrgentHoursLeft = 24;

    /// <summary>The clock's tag: late (or reported late), under <see cref="UrgentHoursLeft"/> hours left, else words alone.</summary>
    public static Urgency ClockUrgency(Breach b, DateTimeOffset now) =>
        BreachClock.StateAt(b.AwareAt, b.Reportable, b.ReportedAt, now) switch
        {
            BreachClockState.Overdue or BreachClockState.ReportedLate => Urgency.Overdue,
            BreachClockState.Running when BreachClock.HoursLeft(b.AwareAt, now) < UrgentHoursLeft => Urgency.ClockUnder24Hours,
            _ => Urgency.None,
        };

    /// <summary>The tag for a status itself: a closed breach reads "Avslutad" in the closed colour.</summary>
    public static Urgency StatusUrgency(BreachStatus status) => BreachStatusRules.IsClosed(status) ? Urgency.Closed : Urgency.None;

    /// <summary>"1 timme", "5 timmar".</summary>
    public static string Hours(int hours) => Swedish.Count(hours, "timme", "timmar");

    /// <summary>"23 november 2026 kl. 14:30", or "okänt".</summary>
    public static string When(DateTimeOffset? at) => at is { } a ? Swedish.DateTime(a) : "okänt";

    /// <summary>ISO instant for <c>&lt;time datetime&gt;</c>.</summary>
    public static string Iso(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Risk(RiskLevel? risk) => risk?.Swedish() ?? "Inte bedömd";

    public static string Decision(bool? reportable) => reportable switch
    {
        true => "Ska anmälas till IMY",
        false => "Anmäls inte",
        null => "Inte beslutat",
    };

    /// <summary>"Invånare (ca 120), Elever (antal okänt)".</summary>
    public static string Groups(IEnumerable<AffectedGroup> groups)
    {
        var text = string.Join(", ", groups.Select(g => g.ApproxCount is { } n
            ? string.Create(Swedish.Culture, $"{g.Group.Swedish()} (ca {n:N0})")
            : $"{g.Group.Swedish()} (antal okänt)"));
        return text.Length == 0 ? "Inte angivet" : text;
    }

    public static string Kinds(DataKinds kinds)
    {
        var text = string.Join(", ", BreachNames.Each(kinds).Select(k => k.Swedish()));
        return text.Length == 0 ? "Inte angivet" : text;
    }

    public static string Count(int? n) => n is { } v ? string.Create(Swedish.Culture, $"ca {v:N0}") : "okänt";

    /// <summary>Splits an instant into the form's date and time in Swedish time.</summary>
    public static (string? Date, string? Time) ToForm(DateTimeOffset? at)
    {
        if (at is not { } a)
        {
            return (null, null);
        }

        var local = Swedish.ToLocal(a);
        return (local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), local.ToString("HH:mm", CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The form's date and time (Swedish time) as an instant: null when the date is empty; <paramref name="ok"/> false
    /// when something was written that does not parse. An empty time is midnight.
    /// </summary>
    public static DateTimeOffset? FromForm(string? date, string? time, out bool ok)
    {
        ok = true;
        if (string.IsNullOrWhiteSpace(date))
        {
            ok = string.IsNullOrWhiteSpace(time);
            return null;
        }

        if (FormValues.Date(date) is not { } d)
        {
            ok = false;
            return null;
        }

        var t = TimeOnly.MinValue;
        if (!string.IsNullOrWhiteSpace(time))
        {
            if (FormValues.Time(time) is not { } parsed)
            {
                ok = false;
                return null;
            }

            t = parsed;
        }

        var local = d.ToDateTime(t, DateTimeKind.Unspecified);
        // A wall-clock time skipped by the spring change does not exist: read it as the hour after.
        if (Swedish.TimeZone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, Swedish.TimeZone.GetUtcOffset(local));
    }

    /// <summary>Ja, Nej or "inte angivet" for an optional yes/no fact.</summary>
    public static string YesNo(bool? value) => value switch
    {
        true => "Ja",
        false => "Nej",
        null => "inte angivet",
    };
}
