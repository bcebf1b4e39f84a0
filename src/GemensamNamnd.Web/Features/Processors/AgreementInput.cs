using GemensamNamnd.Domain.Processors;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Infrastructure;

namespace GemensamNamnd.Web.Features.Processors;

/// <summary>A processor agreement as the form or the API sends it; <see cref="Validate"/> returns every Swedish error at once.</summary>
public sealed record AgreementInput(
    Guid? SupplierId,
    IReadOnlyList<Guid> ControllerIds,
    DateOnly? SignedOn,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    AgreementStandard? Standard,
    string? StandardNote,
    string? Instructions,
    IReadOnlyList<SubProcessor> SubProcessors,
    IReadOnlyList<AgreementAudit> Audits,
    IReadOnlyList<SubProcessorNotice> Notices)
{
    public const int MaxRows = 50;

    /// <summary>The latest date accepted in a term (an agreement may run for decades; a typo like 20266 may not).</summary>
    public static readonly DateOnly LatestDate = new(2100, 12, 31);

    public Dictionary<string, string[]> Validate(DateOnly today, ICollection<Guid> knownSuppliers, ICollection<Guid> partyControllers)
    {
        var errors = new Dictionary<string, string[]>();
        if (SupplierId is not { } supplier || !knownSuppliers.Contains(supplier))
        {
            errors[nameof(SupplierId)] = ["Välj leverantören (personuppgiftsbiträdet) ur listan."];
        }

        if (ControllerIds.Count == 0 || ControllerIds.Any(c => !partyControllers.Contains(c)))
        {
            errors[nameof(ControllerIds)] = ["Välj minst en av partens personuppgiftsansvariga som avtalet gäller."];
        }

        if (SignedOn is { } signed && (signed > today || signed.Year < FormValues.MinYear))
        {
            errors[nameof(SignedOn)] = [$"Undertecknat: ange ett datum mellan år {FormValues.MinYear} och i dag."];
        }

        if (ValidFrom is not { } from)
        {
            errors[nameof(ValidFrom)] = ["Gäller från: ange ett datum (ÅÅÅÅ-MM-DD)."];
        }
        else if (from.Year < FormValues.MinYear || from > LatestDate)
        {
            errors[nameof(ValidFrom)] = [$"Gäller från: ange ett datum mellan år {FormValues.MinYear} och 2100."];
        }
        else if (ValidTo is { } to && (to > LatestDate || !AgreementRules.IsValidTerm(from, to)))
        {
            errors[nameof(ValidTo)] = [to > LatestDate ? "Gäller till: ange ett datum senast år 2100." : AgreementRules.EndBeforeStart];
        }

        if (Standard is null)
        {
            errors[nameof(Standard)] = ["Välj vilken mall avtalet följer."];
        }

        if (StandardNote?.Trim().Length > Limits.Name)
        {
            errors[nameof(StandardNote)] = ["Mallens namn får vara högst 200 tecken."];
        }

        if (Instructions?.Trim().Length > 4000)
        {
            errors[nameof(Instructions)] = ["Instruktionerna får vara högst 4 000 tecken."];
        }

        if (SubProcessors.Count > MaxRows || SubProcessors.Any(s => s.Name.Trim().Length > Limits.Name || !IsCountry(s.Country)))
        {
            errors[nameof(SubProcessors)] = ["Ange varje underbiträde med namn (högst 200 tecken) och land med två bokstäver, t.ex. SE eller US."];
        }

        if (Audits.Count > MaxRows || Audits.Any(a => a.On > today || a.On.Year < FormValues.MinYear || a.Note.Trim().Length > Limits.Reason))
        {
            errors[nameof(Audits)] = ["Ange varje granskning med ett datum som har passerat och en anteckning (högst 1 000 tecken)."];
        }

        if (Notices.Count > MaxRows || Notices.Any(n => n.ReceivedOn > today || n.ReceivedOn.Year < FormValues.MinYear || n.Description.Trim().Length is 0 or > Limits.Reason))
        {
            errors[nameof(Notices)] = ["Ange för varje meddelande om underbiträden när det kom (ett datum som har passerat) och vad det gällde (högst 1 000 tecken)."];
        }
        else if (Notices.Any(n => n.Decision != NoticeDecision.Pending && (n.DecidedOn is not { } d || d < n.ReceivedOn || d > today)))
        {
            errors[nameof(Notices)] = ["Ett beslut om ett meddelande om underbiträden behöver ett beslutsdatum, tidigast när meddelandet kom och senast i dag."];
        }

        return errors;
    }

    public void ApplyTo(ProcessorAgreement agreement)
    {
        agreement.SupplierId = SupplierId!.Value;
        agreement.ControllerIds = [.. ControllerIds.Distinct()];
        agreement.SignedOn = SignedOn;
        agreement.ValidFrom = ValidFrom!.Value;
        agreement.ValidTo = ValidTo;
        agreement.Standard = Standard!.Value;
        agreement.StandardNote = Clean(StandardNote);
        agreement.Instructions = Clean(Instructions);
        agreement.SubProcessors = [.. SubProcessors.Select(s => new SubProcessor { Name = s.Name.Trim(), Country = s.Country.Trim().ToUpperInvariant() })];
        agreement.Audits = [.. Audits.OrderBy(a => a.On).Select(a => new AgreementAudit { On = a.On, Note = a.Note.Trim() })];
        agreement.Notices = [.. Notices.OrderBy(n => n.ReceivedOn).Select(n => new SubProcessorNotice
        {
            Id = n.Id == Guid.Empty ? Guid.CreateVersion7() : n.Id,
            ReceivedOn = n.ReceivedOn,
            Description = n.Description.Trim(),
            Decision = n.Decision,
            DecidedOn = n.Decision == NoticeDecision.Pending ? null : n.DecidedOn,
        })];
    }

    private static bool IsCountry(string? code) => code?.Trim() is { Length: 2 } c && c.All(char.IsAsciiLetter);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
