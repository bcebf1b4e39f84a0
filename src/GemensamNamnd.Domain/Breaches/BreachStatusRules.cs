using System.Collections.Frozen;

namespace GemensamNamnd.Domain.Breaches;

/// <summary>
/// The moves a breach may make: Registrerad → Bedömd → Anmäld till IMY → Kompletterad → Avslutad.
/// <para>
/// Art. 33(5): every breach is documented and assessed, so a breach is closed only once assessed. Art. 33(1): the
/// report follows the assessment; a breach decided not reportable goes from Bedömd to Avslutad. Art. 33(4): the
/// information may be given in phases, so a reported breach may be supplemented, more than once (Kompletterad stays
/// Kompletterad), before it is closed. A closed breach moves nowhere.
/// </para>
/// </summary>
public static class BreachStatusRules
{
    private static readonly FrozenDictionary<BreachStatus, FrozenSet<BreachStatus>> Moves =
        new Dictionary<BreachStatus, FrozenSet<BreachStatus>>
        {
            [BreachStatus.Registered] = Set(BreachStatus.Assessed),
            // Re-assessment before the report keeps the status.
            [BreachStatus.Assessed] = Set(BreachStatus.Assessed, BreachStatus.ReportedToImy, BreachStatus.Closed),
            [BreachStatus.ReportedToImy] = Set(BreachStatus.Supplemented, BreachStatus.Closed),
            [BreachStatus.Supplemented] = Set(BreachStatus.Supplemented, BreachStatus.Closed),
            [BreachStatus.Closed] = Set(),
        }.ToFrozenDictionary();

    /// <exception cref="ArgumentOutOfRangeException"><paramref name="from"/> is not a defined status.</exception>
    public static IReadOnlySet<BreachStatus> Next(BreachStatus from) =>
        Moves.TryGetValue(from, out var next)
            ? next
            : throw new ArgumentOutOfRangeException(nameof(from), from, "Undefined breach status.");

    public static bool CanMove(BreachStatus from, BreachStatus to) => Next(from).Contains(to);

    public static bool IsClosed(BreachStatus status) => status == BreachStatus.Closed;

    /// <summary>True while the risk assessment and decision may be (re)made: before the report to IMY.</summary>
    public static bool CanAssess(BreachStatus status) => CanMove(status, BreachStatus.Assessed);

    /// <summary>Null when the move is allowed; otherwise why not, in Swedish.</summary>
    public static string? WhyNot(BreachStatus from, BreachStatus to)
    {
        if (CanMove(from, to))
        {
            return null;
        }

        if (IsClosed(from))
        {
            return "En avslutad incident kan inte ändras.";
        }

        return (from, to) switch
        {
            (BreachStatus.Registered, BreachStatus.ReportedToImy or BreachStatus.Closed) =>
                "Incidenten ska först riskbedömas och beslut fattas om anmälan (art. 33.1 och 33.5).",
            (_, BreachStatus.Supplemented) => "Bara en incident som är anmäld till IMY kan kompletteras (art. 33.4).",
            (_, BreachStatus.Assessed) => "Bedömningen kan inte ändras efter anmälan till IMY; lämna en komplettering i stället (art. 33.4).",
            (_, BreachStatus.ReportedToImy) => "Incidenten är redan anmäld till IMY; lämna en komplettering i stället (art. 33.4).",
            _ => $"Från {from.Swedish()} kan incidenten gå till: {string.Join(", ", Next(from).Order().Select(s => s.Swedish()))}.",
        };
    }

    private static FrozenSet<BreachStatus> Set(params BreachStatus[] statuses) => statuses.ToFrozenSet();
}
