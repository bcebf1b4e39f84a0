using GemensamNamnd.Domain.Calendar;

namespace GemensamNamnd.Domain.Requests;

/// <summary>
/// The last day to appeal a public authority's decision on a data subject's request to the administrative court
/// (förvaltningsrätten; dataskyddslagen (2018:218) 7 kap. 2 §): the appeal must have come in "inom tre veckor från den
/// dag då klaganden fick del av beslutet" (förvaltningslagen (2017:900) 44 §). A Swedish statutory period: when its last
/// day is a Saturday, a Sunday, a public holiday, midsommarafton, julafton or nyårsafton, the appeal may come in on the
/// next working day (lag (1930:173) om beräkning av lagstadgad tid, 2 §). The eves always count here, whatever the
/// party chose for its GDPR deadlines.
/// </summary>
public static class AppealPeriod
{
    /// <summary>Three weeks, förvaltningslagen (2017:900) 44 §.</summary>
    public const int Days = 21;

    /// <summary>The calendar of lag (1930:173): the eves are holidays.</summary>
    private static readonly PartyCalendar Statutory1930 = new(EvesAreHolidays: true);

    /// <summary>The last day an appeal may come in when the person got the decision on <paramref name="notifiedOn"/>.</summary>
    public static DateOnly LastDay(DateOnly notifiedOn)
    {
        var day = notifiedOn.AddDays(Days);
        while (!SwedishHolidays.IsWorkingDay(day, Statutory1930))
        {
            day = day.AddDays(1);
        }

        return day;
    }
}
