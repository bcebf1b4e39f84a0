using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Infrastructure;

namespace GemensamNamnd.Web.Features.Drills;

/// <summary>A drill as the form sends it; <see cref="Validate"/> returns every Swedish error at once.</summary>
public sealed record DrillInput(DateOnly? HeldOn, string? Scenario, string? Participants, string? Findings, IReadOnlyList<DrillAction> Actions)
{
    public const int MaxActions = 20;

    public Dictionary<string, string[]> Validate(DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (HeldOn is not { } held)
        {
            errors[nameof(HeldOn)] = ["Ange vilken dag övningen hölls (ÅÅÅÅ-MM-DD)."];
        }
        else if (held > today)
        {
            errors[nameof(HeldOn)] = ["En övning kan inte registreras innan den har hållits."];
        }
        else if (FormValues.CheckRange(nameof(HeldOn), "Dagen övningen hölls", held, today) is { } outOfRange)
        {
            errors[nameof(HeldOn)] = [outOfRange.Message];
        }

        if (string.IsNullOrWhiteSpace(Scenario) || Scenario.Trim().Length > Limits.Reason)
        {
            errors[nameof(Scenario)] = ["Beskriv scenariot som övades (högst 1 000 tecken)."];
        }

        if (string.IsNullOrWhiteSpace(Participants) || Participants.Trim().Length > Limits.Reason)
        {
            errors[nameof(Participants)] = ["Ange vilka som deltog (högst 1 000 tecken)."];
        }

        if (Findings?.Trim().Length > 4000)
        {
            errors[nameof(Findings)] = ["Iakttagelserna får vara högst 4 000 tecken."];
        }

        if (Actions.Count > MaxActions || Actions.Any(a => a.Text.Trim().Length > Limits.Reason))
        {
            errors[nameof(Actions)] = ["Högst 20 åtgärder, var och en högst 1 000 tecken."];
        }

        return errors;
    }

    public void ApplyTo(Drill drill)
    {
        drill.HeldOn = HeldOn!.Value;
        drill.Scenario = Scenario!.Trim();
        drill.Participants = Participants!.Trim();
        drill.Findings = string.IsNullOrWhiteSpace(Findings) ? null : Findings.Trim();
        drill.Actions = [.. Actions.Where(a => !string.IsNullOrWhiteSpace(a.Text)).Select(a => new DrillAction { Text = a.Text.Trim(), Done = a.Done })];
    }
}
