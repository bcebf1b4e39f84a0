using System.Collections.Frozen;

namespace GemensamNamnd.Domain.Requests;

/// <summary>
/// The moves a data subject request may make between statuses.
/// <para>
/// Art. 12(6): the identity is checked before the request is handled, so
/// <see cref="RequestStatus.IdentityCheck"/> is reached only from
/// <see cref="RequestStatus.Registered"/>, and the case then goes on to handling or is refused
/// (Art. 12(2): the controller may refuse when it cannot identify the data subject, Art. 11(2)).
/// </para>
/// <para>
/// Art. 12(3): the extension by two further months is for a case that turns out complex or
/// numerous while it is being handled, so <see cref="RequestStatus.Extended"/> is reached only
/// from <see cref="RequestStatus.InProgress"/>, once. Answered, refused, withdrawn and voided cases are
/// closed: they move nowhere.
/// </para>
/// <para>
/// A case registered by mistake (a duplicate) is voided (<see cref="RequestStatus.Voided"/>, "Makulerad") from any open
/// status: it says nothing about the data subject, as "Återkallad" would, and it is kept out of every statistic. A
/// closed case may be reopened (<see cref="Reopened"/>, the DPO with a reason): it goes back to handling with the
/// deadlines it had, since the month of Art. 12(3) ran from the clock start whatever happened since.
/// </para>
/// </summary>
public static class RequestStatusRules
{
    private static readonly FrozenDictionary<RequestStatus, FrozenSet<RequestStatus>> Moves =
        new Dictionary<RequestStatus, FrozenSet<RequestStatus>>
        {
            [RequestStatus.Registered] = Set(
                RequestStatus.IdentityCheck, RequestStatus.InProgress, RequestStatus.Answered,
                RequestStatus.Refused, RequestStatus.Withdrawn, RequestStatus.Voided),
            [RequestStatus.IdentityCheck] = Set(RequestStatus.InProgress, RequestStatus.Refused, RequestStatus.Withdrawn, RequestStatus.Voided),
            [RequestStatus.InProgress] = Set(
                RequestStatus.Extended, RequestStatus.Answered, RequestStatus.Refused, RequestStatus.Withdrawn, RequestStatus.Voided),
            [RequestStatus.Extended] = Set(RequestStatus.Answered, RequestStatus.Refused, RequestStatus.Withdrawn, RequestStatus.Voided),
            [RequestStatus.Answered] = Set(),
            [RequestStatus.Refused] = Set(),
            [RequestStatus.Withdrawn] = Set(),
            [RequestStatus.Voided] = Set(),
        }.ToFrozenDictionary();

    /// <summary>The statuses a case in <paramref name="from"/> may move to; empty for a closed case.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="from"/> is not a defined status.</exception>
    public static IReadOnlySet<RequestStatus> Next(RequestStatus from) =>
        Moves.TryGetValue(from, out var next)
            ? next
            : throw new ArgumentOutOfRangeException(nameof(from), from, "Undefined request status.");

    /// <summary>True when a case may move from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool CanMove(RequestStatus from, RequestStatus to) => Next(from).Contains(to);

    /// <summary>The closed statuses: answered, refused, withdrawn and voided (a list, for queries).</summary>
    public static readonly IReadOnlyList<RequestStatus> Closed = [RequestStatus.Answered, RequestStatus.Refused, RequestStatus.Withdrawn, RequestStatus.Voided];

    /// <summary>The statuses a statistic counts: every status but <see cref="RequestStatus.Voided"/> (a list, for queries).</summary>
    public static readonly IReadOnlyList<RequestStatus> Statistical = [.. Enum.GetValues<RequestStatus>().Where(CountsInStatistics)];

    /// <summary>False only for a voided case (registered by mistake): no figure, count or indicator includes it.</summary>
    public static bool CountsInStatistics(RequestStatus s) => s != RequestStatus.Voided;

    /// <summary>The open statuses: every status that is not <see cref="Closed"/> (a list, for queries).</summary>
    public static readonly IReadOnlyList<RequestStatus> Open = [.. Enum.GetValues<RequestStatus>().Where(s => !IsClosed(s))];

    /// <summary>True for the closed statuses: answered, refused, withdrawn and voided.</summary>
    public static bool IsClosed(RequestStatus s) =>
        s is RequestStatus.Answered or RequestStatus.Refused or RequestStatus.Withdrawn or RequestStatus.Voided;

    /// <summary>
    /// The status a reopened case gets: back to handling, as extended when the extension (Art. 12(3)) was in force,
    /// so the deadline in force stays the one the rules counted from the clock start. Null when
    /// <paramref name="from"/> is open (nothing to reopen).
    /// </summary>
    public static RequestStatus? Reopened(RequestStatus from, bool extended) =>
        IsClosed(from) ? (extended ? RequestStatus.Extended : RequestStatus.InProgress) : null;

    /// <summary>
    /// Null when the move is allowed; otherwise why not, in Swedish, e.g. "Ett besvarat ärende kan
    /// inte ändra status." or "Från Registrerad kan ärendet gå till: Identitetskontroll, Under
    /// handläggning, Besvarad, Avslagen eller Återkallad."
    /// </summary>
    public static string? WhyNot(RequestStatus from, RequestStatus to)
    {
        if (CanMove(from, to))
        {
            return null;
        }

        if (IsClosed(from))
        {
            return $"Ett {ClosedAdjective(from)} ärende kan inte ändra status.";
        }

        if (from == to)
        {
            return $"Ärendet har redan status {from.Swedish()}.";
        }

        var next = Next(from).Order().Select(s => s.Swedish()).ToList();
        return $"Från {from.Swedish()} kan ärendet gå till: {string.Join(", ", next[..^1])} eller {next[^1]}.";
    }

    // "ett besvarat/avslaget/återkallat ärende": the neuter form that agrees with "ärende".
    private static string ClosedAdjective(RequestStatus closed) => closed switch
    {
        RequestStatus.Answered => "besvarat",
        RequestStatus.Refused => "avslaget",
        RequestStatus.Voided => "makulerat",
        _ => "återkallat",
    };

    private static FrozenSet<RequestStatus> Set(params RequestStatus[] statuses) => statuses.ToFrozenSet();
}
