namespace GemensamNamnd.Domain.Processing;

/// <summary>The level of a risk to the data subjects' rights and freedoms, from the matrix.</summary>
public enum RiskGrade
{
    Low,
    Medium,
    High,
    VeryHigh,
}

/// <summary>
/// The risk matrix of an impact assessment (Art. 35(7)(c), recital 76: risk is assessed by likelihood and severity):
/// likelihood and severity each 1–4 (1 försumbar/osannolik … 4 maximal/mycket sannolik), their product placed as
/// 1–2 låg, 3–4 medel, 6–8 hög, 9–16 mycket hög. A residual risk that is high or very high after the measures requires
/// prior consultation with IMY before the processing starts (Art. 36(1)).
/// </summary>
public static class RiskMatrix
{
    public const int Min = 1;
    public const int Max = 4;

    public static bool IsValid(int value) => value is >= Min and <= Max;

    public static RiskGrade Level(int likelihood, int severity)
    {
        if (!IsValid(likelihood))
        {
            throw new ArgumentOutOfRangeException(nameof(likelihood), likelihood, "1–4");
        }

        if (!IsValid(severity))
        {
            throw new ArgumentOutOfRangeException(nameof(severity), severity, "1–4");
        }

        return (likelihood * severity) switch
        {
            <= 2 => RiskGrade.Low,
            <= 4 => RiskGrade.Medium,
            <= 8 => RiskGrade.High,
            _ => RiskGrade.VeryHigh,
        };
    }

    /// <summary>Art. 36(1): a residual risk that stays high requires prior consultation (förhandssamråd) with IMY.</summary>
    public static bool RequiresPriorConsultation(RiskGrade residual) => residual >= RiskGrade.High;

    public static string Swedish(this RiskGrade level) => level switch
    {
        RiskGrade.Low => "Låg",
        RiskGrade.Medium => "Medel",
        RiskGrade.High => "Hög",
        RiskGrade.VeryHigh => "Mycket hög",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    public static string LikelihoodName(int value) => value switch
    {
        1 => "Osannolik",
        2 => "Möjlig",
        3 => "Sannolik",
        4 => "Mycket sannolik",
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    public static string SeverityName(int value) => value switch
    {
        1 => "Försumbar",
        2 => "Begränsad",
        3 => "Allvarlig",
        4 => "Mycket allvarlig",
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };
}
