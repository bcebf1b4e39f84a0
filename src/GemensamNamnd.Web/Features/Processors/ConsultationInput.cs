using GemensamNamnd.Domain.Processors;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Infrastructure;

namespace GemensamNamnd.Web.Features.Processors;

/// <summary>A consultation of the DPO as the form sends it; <see cref="Validate"/> returns every Swedish error at once.</summary>
public sealed record ConsultationInput(Guid? ControllerId, DateOnly? AskedOn, string? Subject, string? Advice, DateOnly? DecidedOn, AdviceFollowed? Followed, string? FollowedNote)
{
    public Dictionary<string, string[]> Validate(DateOnly today, ICollection<Guid> partyControllers)
    {
        var errors = new Dictionary<string, string[]>();
        if (ControllerId is not { } controller || !partyControllers.Contains(controller))
        {
            errors[nameof(ControllerId)] = ["Välj den personuppgiftsansvariga som frågade."];
        }

        if (AskedOn is not { } asked)
        {
            errors[nameof(AskedOn)] = ["Ange när dataskyddsombudet tillfrågades (ÅÅÅÅ-MM-DD)."];
        }
        else if (FormValues.CheckRange(nameof(AskedOn), "Tillfrågad", asked, today) is { } outOfRange || asked > today)
        {
            errors[nameof(AskedOn)] = [$"Tillfrågad: ange ett datum mellan år {FormValues.MinYear} och i dag."];
        }

        if (DecidedOn is { } decided && (decided > today || decided.Year < FormValues.MinYear))
        {
            errors[nameof(DecidedOn)] = [$"Beslutat: ange ett datum mellan år {FormValues.MinYear} och i dag."];
        }

        if (string.IsNullOrWhiteSpace(Subject) || Subject.Trim().Length > Limits.Reason)
        {
            errors[nameof(Subject)] = ["Ange vad frågan gällde (högst 1 000 tecken)."];
        }

        if (Advice?.Trim().Length > 4000)
        {
            errors[nameof(Advice)] = ["Rådet får vara högst 4 000 tecken."];
        }

        if (Followed is null)
        {
            errors[nameof(Followed)] = ["Ange om rådet följdes."];
        }
        else if (ConsultationRules.NeedsReason(Followed.Value) && string.IsNullOrWhiteSpace(FollowedNote))
        {
            errors[nameof(FollowedNote)] = ["Ange varför rådet inte följdes (helt)."];
        }

        if (FollowedNote?.Trim().Length > Limits.Reason)
        {
            errors[nameof(FollowedNote)] = ["Motiveringen får vara högst 1 000 tecken."];
        }

        return errors;
    }

    public void ApplyTo(DpoConsultation c)
    {
        c.ControllerId = ControllerId!.Value;
        c.AskedOn = AskedOn!.Value;
        c.Subject = Subject!.Trim();
        c.Advice = string.IsNullOrWhiteSpace(Advice) ? null : Advice.Trim();
        c.DecidedOn = DecidedOn;
        c.Followed = Followed!.Value;
        c.FollowedNote = string.IsNullOrWhiteSpace(FollowedNote) ? null : FollowedNote.Trim();
    }
}
