using GemensamNamnd.Domain.Processing;
using GemensamNamnd.Web.Data;

namespace GemensamNamnd.Web.Features.Processing;

/// <summary>
/// A processing activity as the form or an integration sends it; <see cref="Validate"/> returns every Swedish error at
/// once. A controller's record needs purposes and a retention period or rule (Art. 30(1)(f)); its legal basis is one of
/// Art. 6(1) a–f and nothing else, or not yet recorded (the list points it out); a processor's record (Art. 30(2)) needs the controller it works for and the categories of
/// processing.
/// </summary>
public sealed record ProcessingInput(
    Guid? ControllerId,
    string? Name,
    bool AsProcessor,
    string? ExternalController,
    string? Purposes,
    LegalBasis? LegalBasis,
    SpecialCategoryCondition? SpecialCategoryCondition,
    bool CriminalOffenceData,
    string? SwedishLaw,
    string? DataSubjectCategories,
    string? PersonalDataCategories,
    string? Recipients,
    string? ThirdCountryTransfers,
    TransferSafeguard? TransferSafeguard,
    string? RetentionPeriod,
    string? RetentionRule,
    string? RetentionPlanName,
    string? RetentionPlanDecision,
    string? SecurityMeasures,
    IReadOnlyList<Guid> SystemIds,
    IReadOnlyList<Guid> SupplierIds,
    IReadOnlyList<Wp248Criterion> ScreeningCriteria,
    IReadOnlyList<MandatoryDpiaKind> ScreeningMandatory,
    bool Screened)
{
    public const int LongText = 4000;

    public const string LegalBasisMessage = "Välj den rättsliga grunden enligt artikel 6.1 a–f.";

    public const string RetentionMessage = "Ange hur länge uppgifterna sparas: en tidsperiod eller en regel för gallring (art. 30.1 f).";

    public const string DpoAdviceMessage = "Ett beslut kräver dataskyddsombudets råd (art. 35.2): ange rådet och dagen det lämnades.";

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = [message];

        if (ControllerId is null)
        {
            Add(nameof(ControllerId), "Välj den personuppgiftsansvariga nämnden eller bolaget.");
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            Add(nameof(Name), "Ange behandlingens namn, t.ex. ”Handläggning av ekonomiskt bistånd”.");
        }
        else if (Name.Trim().Length > Limits.Name)
        {
            Add(nameof(Name), $"Namnet får vara högst {Limits.Name} tecken.");
        }

        if (AsProcessor)
        {
            if (string.IsNullOrWhiteSpace(ExternalController) || ExternalController.Trim().Length > Limits.Name)
            {
                Add(nameof(ExternalController), "Ange den personuppgiftsansvariga som parten behandlar uppgifterna åt (art. 30.2 a).");
            }

            if (string.IsNullOrWhiteSpace(Purposes))
            {
                Add(nameof(Purposes), "Beskriv vilka slags behandlingar som utförs åt den personuppgiftsansvariga (art. 30.2 b).");
            }
        }
        else
        {
            if (string.IsNullOrWhiteSpace(Purposes))
            {
                Add(nameof(Purposes), "Ange ändamålen med behandlingen (art. 30.1 b).");
            }

            // A basis not yet settled may be left empty (the list shows it as missing); one given must be Art. 6(1) a–f.
            if (LegalBasis is { } basis && !Enum.IsDefined(basis))
            {
                Add(nameof(LegalBasis), LegalBasisMessage);
            }

            if (string.IsNullOrWhiteSpace(RetentionPeriod) && string.IsNullOrWhiteSpace(RetentionRule))
            {
                Add(nameof(RetentionPeriod), RetentionMessage);
            }
        }

        if (SpecialCategoryCondition is { } condition && !Enum.IsDefined(condition))
        {
            Add(nameof(SpecialCategoryCondition), "Välj ett villkor enligt artikel 9.2 a–j.");
        }

        if (!string.IsNullOrWhiteSpace(ThirdCountryTransfers) && (TransferSafeguard is not { } safeguard || !Enum.IsDefined(safeguard)))
        {
            Add(nameof(TransferSafeguard), "Välj skyddsåtgärden för överföringen till tredjeland (art. 44–49).");
        }

        if (string.IsNullOrWhiteSpace(RetentionPlanName) != string.IsNullOrWhiteSpace(RetentionPlanDecision))
        {
            Add(nameof(RetentionPlanName), "Ange både dokumenthanteringsplanens namn och beslutet, eller inget av dem.");
        }

        foreach (var (field, value, max) in new (string, string?, int)[]
        {
            (nameof(ExternalController), ExternalController, Limits.Name), (nameof(SwedishLaw), SwedishLaw, Limits.Name),
            (nameof(RetentionPeriod), RetentionPeriod, Limits.Name), (nameof(RetentionRule), RetentionRule, Limits.Reason),
            (nameof(RetentionPlanName), RetentionPlanName, Limits.Name), (nameof(RetentionPlanDecision), RetentionPlanDecision, Limits.Name),
            (nameof(ThirdCountryTransfers), ThirdCountryTransfers, Limits.Reason), (nameof(Purposes), Purposes, LongText),
            (nameof(DataSubjectCategories), DataSubjectCategories, LongText), (nameof(PersonalDataCategories), PersonalDataCategories, LongText),
            (nameof(Recipients), Recipients, LongText), (nameof(SecurityMeasures), SecurityMeasures, LongText),
        })
        {
            if (value?.Trim().Length > max && !errors.ContainsKey(field))
            {
                Add(field, $"Texten får vara högst {max} tecken.");
            }
        }

        if (ScreeningCriteria.Any(c => !Enum.IsDefined(c)) || ScreeningMandatory.Any(m => !Enum.IsDefined(m)))
        {
            Add(nameof(ScreeningCriteria), "Välj bland kriterierna i listan.");
        }

        return errors;
    }

    public void ApplyTo(ProcessingActivity a, DateOnly today)
    {
        static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        a.ControllerId = ControllerId!.Value;
        a.Name = Name!.Trim();
        a.AsProcessor = AsProcessor;
        a.ExternalController = AsProcessor ? Clean(ExternalController) : null;
        a.Purposes = Clean(Purposes);
        a.LegalBasis = AsProcessor ? null : LegalBasis;
        a.SpecialCategoryCondition = AsProcessor ? null : SpecialCategoryCondition;
        a.CriminalOffenceData = !AsProcessor && CriminalOffenceData;
        a.SwedishLaw = Clean(SwedishLaw);
        a.DataSubjectCategories = Clean(DataSubjectCategories);
        a.PersonalDataCategories = Clean(PersonalDataCategories);
        a.Recipients = Clean(Recipients);
        a.ThirdCountryTransfers = Clean(ThirdCountryTransfers);
        a.TransferSafeguard = a.ThirdCountryTransfers is null ? null : TransferSafeguard;
        a.RetentionPeriod = Clean(RetentionPeriod);
        a.RetentionRule = Clean(RetentionRule);
        a.RetentionPlanName = Clean(RetentionPlanName);
        a.RetentionPlanDecision = Clean(RetentionPlanDecision);
        a.SecurityMeasures = Clean(SecurityMeasures);
        a.SystemIds = [.. SystemIds.Distinct()];
        a.SupplierIds = [.. SupplierIds.Distinct()];
        if (Screened)
        {
            a.ScreeningCriteria = [.. ScreeningCriteria.Distinct().Order()];
            a.ScreeningMandatory = [.. ScreeningMandatory.Distinct().Order()];
            var result = DpiaScreening.Screen(a.ScreeningCriteria, a.ScreeningMandatory);
            a.DpiaRequired = result.Required;
            a.ScreenedOn = today;
        }
    }
}
