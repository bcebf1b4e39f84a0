namespace GemensamNamnd.Domain.Dpo;

public enum DpoWarningKind
{
    /// <summary>Another role held conflicts with the DPO's tasks, Art. 38(6).</summary>
    ConflictingRole,

    /// <summary>Reports below the highest management level, Art. 38(3).</summary>
    ReportingLine,

    /// <summary>A share of a post below the configured minimum: resources, Art. 38(2).</summary>
    ShareBelowMinimum,

    /// <summary>More than a full-time post across all parties on some day, Art. 38(2).</summary>
    OverAllocated,

    /// <summary>A controller without a designated DPO on some day, Art. 37(1)(a).</summary>
    Gap,

    /// <summary>Contact details not communicated to IMY 14 days after the start, Art. 37(7).</summary>
    ImyNotTold,

    /// <summary>An allocation ends within 30 days.</summary>
    EndingSoon,

    /// <summary>The party's total share is below its target.</summary>
    BelowTarget,
}

/// <summary>A finding shown plainly on the person and party pages; each names the article it rests on.</summary>
public sealed record DpoWarning(DpoWarningKind Kind, string Message, string Article)
{
    /// <summary>"IT-chef är en roll som kan ge en intressekonflikt (art. 38.6)."</summary>
    public string Text => $"{Message} ({Article}).";

    /// <summary>An error rather than a warning: the situation is not allowed, not merely doubtful.</summary>
    public bool IsError => Kind is DpoWarningKind.OverAllocated or DpoWarningKind.Gap;
}
