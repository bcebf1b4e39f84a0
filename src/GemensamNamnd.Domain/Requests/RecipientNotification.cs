namespace GemensamNamnd.Domain.Requests;

/// <summary>Where one recipient stands under Art. 19.</summary>
public enum RecipientNoticeState
{
    /// <summary>Not yet told of the rectification, erasure or restriction.</summary>
    Pending,

    /// <summary>Told: when and how are recorded.</summary>
    Told,

    /// <summary>Not told, because it proves impossible or involves disproportionate effort (Art. 19, first sentence).</summary>
    Exempt,
}

/// <summary>Why a recipient was not told (the two exceptions of Art. 19, first sentence).</summary>
public enum RecipientExemption
{
    /// <summary>Omöjligt, e.g. the recipient no longer exists.</summary>
    Impossible,

    /// <summary>Oproportionerligt stor arbetsinsats.</summary>
    DisproportionateEffort,
}

/// <summary>
/// Art. 19 GDPR: the controller tells each recipient to whom the personal data were disclosed of any rectification
/// (Art. 16), erasure (Art. 17(1)) or restriction (Art. 18) carried out, unless this proves impossible or involves
/// disproportionate effort; and tells the data subject about those recipients if the data subject asks (second
/// sentence). Pure: the request register records the recipients, and reminds until each one is told or exempt.
/// </summary>
public static class RecipientNotification
{
    /// <summary>The rights whose carrying out recipients must be told of.</summary>
    public const DataSubjectRights Covered = DataSubjectRights.Rectification | DataSubjectRights.Erasure | DataSubjectRights.Restriction;

    /// <summary>At most this many characters in a recipient's name, how it was told, or a note.</summary>
    public const int NameLimit = 200;

    public const int NoteLimit = 1000;

    /// <summary>Reminders come this many days apart after the answer, while a recipient is left.</summary>
    public const int ReminderEveryDays = 7;

    /// <summary>The request asks for a right Art. 19 follows (recipients may be noted while the case is handled).</summary>
    public static bool Concerns(DataSubjectRights requested) => (requested & Covered) != DataSubjectRights.None;

    /// <summary>
    /// The covered rights actually carried out — granted in whole or in part — which recipients must be told of;
    /// <see cref="DataSubjectRights.None"/> when Art. 19 asks nothing (nothing covered was granted).
    /// </summary>
    public static DataSubjectRights CarriedOut(IEnumerable<RightOutcomeInput> outcomes) =>
        outcomes.Where(o => (o.Right & Covered) != DataSubjectRights.None && o.Decision != RightDecision.Refused)
            .Aggregate(DataSubjectRights.None, (all, o) => all | o.Right);

    /// <summary>
    /// Whether Art. 19 is still open on an answered case: something covered was carried out, and the officer has neither
    /// recorded that the data went to no one nor told (or exempted) every recipient recorded.
    /// </summary>
    public static bool Outstanding(DataSubjectRights carriedOut, bool noRecipients, IReadOnlyCollection<RecipientNoticeState> recipients) =>
        carriedOut != DataSubjectRights.None && !noRecipients && (recipients.Count == 0 || recipients.Contains(RecipientNoticeState.Pending));

    /// <summary>The reminder step on <paramref name="today"/>: one per full <see cref="ReminderEveryDays"/> since the answer; null before the first.</summary>
    public static int? ReminderStep(DateOnly answeredOn, DateOnly today)
    {
        var days = today.DayNumber - answeredOn.DayNumber;
        return days >= ReminderEveryDays ? days / ReminderEveryDays : null;
    }

    /// <summary>A recipient to record: a name, and a disclosure date not in the future.</summary>
    public static string? CheckRecipient(string? name, DateOnly? disclosedOn, DateOnly today) =>
        string.IsNullOrWhiteSpace(name) ? "Ange mottagaren, t.ex. Försäkringskassan eller en annan nämnd."
        : name.Trim().Length > NameLimit ? $"Mottagarens namn får vara högst {NameLimit} tecken."
        : disclosedOn > today ? "Datumet då uppgifterna lämnades ut kan inte ligga i framtiden."
        : null;

    /// <summary>
    /// Telling a recipient: the day (not in the future, not before the request was received) and how. An exemption
    /// instead needs its reason in words (the officer must be able to show why, Art. 5(2)).
    /// </summary>
    public static string? CheckNotice(RecipientNoticeState state, DateOnly? toldOn, string? how, RecipientExemption? exemption, string? note, DateOnly receivedOn, DateOnly today) => state switch
    {
        RecipientNoticeState.Told when toldOn is null => "Ange dagen då mottagaren underrättades.",
        RecipientNoticeState.Told when toldOn > today => "Dagen då mottagaren underrättades kan inte ligga i framtiden.",
        RecipientNoticeState.Told when toldOn < receivedOn => "Mottagaren kan inte ha underrättats innan begäran kom in.",
        RecipientNoticeState.Told when string.IsNullOrWhiteSpace(how) => "Ange hur mottagaren underrättades, t.ex. brev eller säker e-post.",
        RecipientNoticeState.Told when how.Trim().Length > NameLimit => $"Beskrivningen av hur får vara högst {NameLimit} tecken.",
        RecipientNoticeState.Exempt when exemption is null => "Ange varför mottagaren inte underrättas: omöjligt eller oproportionerlig arbetsinsats (art. 19).",
        RecipientNoticeState.Exempt when string.IsNullOrWhiteSpace(note) => "Motivera undantaget, så att det går att visa varför mottagaren inte underrättades (art. 5.2).",
        _ when note?.Trim().Length > NoteLimit => $"Motiveringen får vara högst {NoteLimit} tecken.",
        _ => null,
    };

    public static string Swedish(this RecipientNoticeState state) => state switch
    {
        RecipientNoticeState.Pending => "Ej underrättad",
        RecipientNoticeState.Told => "Underrättad",
        RecipientNoticeState.Exempt => "Undantagen",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    public static string Swedish(this RecipientExemption exemption) => exemption switch
    {
        RecipientExemption.Impossible => "Omöjligt",
        RecipientExemption.DisproportionateEffort => "Oproportionerlig arbetsinsats",
        _ => throw new ArgumentOutOfRangeException(nameof(exemption)),
    };
}
