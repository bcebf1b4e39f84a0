namespace GemensamNamnd.Domain.Retention;

/// <summary>The registers a retention plan (dokumenthanteringsplan) covers.</summary>
public enum RetentionRegister
{
    /// <summary>Begäranden från registrerade (Art. 15–21).</summary>
    Requests,

    /// <summary>Personuppgiftsincidenter (Art. 33(5)).</summary>
    Breaches,

    /// <summary>Uppdrag som dataskyddsombud: kept, the designation is a record of the authority's organisation (Art. 37).</summary>
    DpoAllocations,
}

/// <summary>What happens to a closed case when its period has run out.</summary>
public enum RetentionAction
{
    /// <summary>Gallras: the personal data is removed, the facts and figures (dates, status, outcome, counts) are kept.</summary>
    Thin = 0,

    /// <summary>Raderas: the case and everything under it is removed; only the retention log row remains.</summary>
    Delete = 1,

    /// <summary>Bevaras: never thinned.</summary>
    Keep = 2,
}

/// <summary>One register's rule: kept <see cref="Months"/> months after closure, then <see cref="Action"/>.</summary>
public readonly record struct RetentionRule(RetentionRegister Register, int Months, RetentionAction Action);

/// <summary>
/// When a closed case becomes due for thinning or deletion (gallring) under the party's document management plan
/// (dokumenthanteringsplan).
/// <para>
/// A plan says "gallras N år/månader efter ärendets avslut": the period is counted from the day the case was closed, and
/// the case is kept for the whole of the last day. As for other periods in months (Reg. 1182/71 Art. 3(2)(c)) the period
/// ends at the end of the day in the last month with the same date as the closing day, or on the last day of that month
/// when the date does not exist there (closed 29 February, kept two years: to 28 February). Unlike a deadline owed to
/// someone, the end is not moved off a weekend or holiday: nobody has to act on that day, and thinning a day later only
/// keeps the data longer than the plan. So the case is first due the day after the period ends — never earlier — and
/// a nightly run that is missed thins it the next night.
/// </para>
/// </summary>
public static class RetentionRules
{
    /// <summary>Requests: two years after closure (a common municipal plan; long enough for a complaint to IMY).</summary>
    public const int DefaultRequestMonths = 24;

    /// <summary>Breaches: five years after closure (IMY's supervision and the party's own follow-up look years back).</summary>
    public const int DefaultBreachMonths = 60;

    /// <summary>The longest period a plan may state (50 years); longer is "kept", not thinned.</summary>
    public const int MaximumMonths = 600;

    /// <summary>The last day the case is kept: the closing day moved <paramref name="months"/> months on (clamped to month end).</summary>
    public static DateOnly KeptThrough(DateOnly closedOn, int months)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(months, 0);
        return closedOn.AddMonths(months);
    }

    /// <summary>The first day the case may be thinned or deleted: the day after <see cref="KeptThrough"/>.</summary>
    public static DateOnly DueOn(DateOnly closedOn, int months) => KeptThrough(closedOn, months).AddDays(1);

    /// <summary>True when the rule thins or deletes and the case is due on <paramref name="today"/> (Swedish date).</summary>
    public static bool IsDue(RetentionRule rule, DateOnly closedOn, DateOnly today) =>
        rule.Action != RetentionAction.Keep && today >= DueOn(closedOn, rule.Months);

    /// <summary>
    /// Null when <paramref name="months"/> is an allowed period; otherwise why not, in Swedish. The minimum is the
    /// deployment's setting: no party may plan to thin earlier than that.
    /// </summary>
    public static string? WhyNotPeriod(int? months, int minimumMonths) => months switch
    {
        null => "Ange gallringsfristen i hela månader.",
        { } m when m < minimumMonths => $"Gallringsfristen får inte vara kortare än {minimumMonths} månader efter avslut.",
        > MaximumMonths => $"Gallringsfristen får vara högst {MaximumMonths} månader; välj Bevaras för längre.",
        _ => null,
    };

    /// <summary>"gallras", "raderas" or "bevaras".</summary>
    public static string Swedish(this RetentionAction action) => action switch
    {
        RetentionAction.Thin => "gallras",
        RetentionAction.Delete => "raderas",
        RetentionAction.Keep => "bevaras",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Undefined retention action."),
    };

    /// <summary>"Begäranden", "Incidenter" or "Dataskyddsombud".</summary>
    public static string Swedish(this RetentionRegister register) => register switch
    {
        RetentionRegister.Requests => "Begäranden",
        RetentionRegister.Breaches => "Incidenter",
        RetentionRegister.DpoAllocations => "Dataskyddsombud",
        _ => throw new ArgumentOutOfRangeException(nameof(register), register, "Undefined register."),
    };

    /// <summary>The rule in words, for the log and the record of processing: "Incidenter: gallras 60 månader efter avslut".</summary>
    public static string Describe(RetentionRule rule) => rule.Action == RetentionAction.Keep
        ? $"{rule.Register.Swedish()}: bevaras"
        : $"{rule.Register.Swedish()}: {rule.Action.Swedish()} {rule.Months} månader efter avslut";
}
