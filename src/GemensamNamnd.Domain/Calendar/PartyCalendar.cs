namespace GemensamNamnd.Domain.Calendar;

/// <summary>
/// How a party counts non-working days for its deadlines.
/// <para>
/// Midsommarafton, julafton and nyårsafton are not public holidays under lag (1989:253) om
/// allmänna helgdagar; only Swedish statutory periods treat them as such (lag 1930:173 om
/// beräkning av lagstadgad tid). For GDPR periods (Reg. 1182/71 Art. 3(4)) the strict default
/// therefore does not move a deadline off an eve; a party may choose to, visibly.
/// </para>
/// </summary>
/// <param name="EvesAreHolidays">True when midsommarafton, julafton and nyårsafton count as holidays.</param>
public sealed record PartyCalendar(bool EvesAreHolidays)
{
    /// <summary>The strict default: only the holidays of lag (1989:253); eves are working days.</summary>
    public static PartyCalendar Statutory { get; } = new(EvesAreHolidays: false);
}
