using System.Net.Mail;
using GemensamNamnd.Domain.Dpo;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Infrastructure;

namespace GemensamNamnd.Web.Features.Dpo;

/// <summary>What a form or the API sends to create or change an allocation. The checks that need no database are here.</summary>
public sealed record AllocationInput(
    Guid? PersonId,
    DpoRole? Role,
    List<Guid>? ControllerIds,
    int? SharePercent,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    string? ReportsTo,
    ReportingLevel? ReportingLevel,
    DateOnly? ImyReportedOn,
    string? PublicWebPage)
{
    public Dictionary<string, string[]> Validate(DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (PersonId is null || PersonId == Guid.Empty)
        {
            errors[nameof(PersonId)] = ["Välj dataskyddsombud."];
        }

        if (Role is null || !Enum.IsDefined(Role.Value))
        {
            errors[nameof(Role)] = ["Välj roll: ordinarie eller ersättare."];
        }

        if (ControllerIds is null || ControllerIds.Count == 0)
        {
            errors[nameof(ControllerIds)] = ["Välj minst en personuppgiftsansvarig (nämnd eller bolag) som uppdraget gäller."];
        }

        if (SharePercent is not { } share || !AllocationRules.IsValidShare(share))
        {
            errors[nameof(SharePercent)] = ["Andelen av en heltidstjänst ska vara ett heltal från 1 till 100 %."];
        }

        foreach (var outOfRange in new[]
                 {
                     FormValues.CheckRange(nameof(StartsOn), "Första dag", StartsOn, today),
                     FormValues.CheckRange(nameof(EndsOn), "Sista dag", EndsOn, today),
                     FormValues.CheckRange(nameof(ImyReportedOn), "Anmäld till IMY", ImyReportedOn, today),
                 }.OfType<Error>())
        {
            errors[outOfRange.Field] = [outOfRange.Message];
        }

        if (StartsOn is null)
        {
            errors[nameof(StartsOn)] = ["Ange första dag för uppdraget (ÅÅÅÅ-MM-DD)."];
        }
        else if (EndsOn is { } end && end < StartsOn)
        {
            errors[nameof(EndsOn)] = ["Sista dag kan inte vara före första dag."];
        }

        if (string.IsNullOrWhiteSpace(ReportsTo))
        {
            errors[nameof(ReportsTo)] = ["Ange vem dataskyddsombudet rapporterar till, t.ex. kommunstyrelsen (art. 38.3)."];
        }
        else if (ReportsTo.Trim().Length > Limits.Name)
        {
            errors[nameof(ReportsTo)] = [$"Högst {Limits.Name} tecken."];
        }

        if (ReportingLevel is null || !Enum.IsDefined(ReportingLevel.Value))
        {
            errors[nameof(ReportingLevel)] = ["Ange om det är den högsta ledningen hos de personuppgiftsansvariga (art. 38.3)."];
        }

        if (ImyReportedOn is { } reported && reported > today)
        {
            errors[nameof(ImyReportedOn)] = ["Dagen då IMY underrättades kan inte ligga i framtiden."];
        }

        if (!string.IsNullOrWhiteSpace(PublicWebPage)
            && (PublicWebPage.Trim().Length > DpoLimits.Url || !Uri.TryCreate(PublicWebPage.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))
        {
            errors[nameof(PublicWebPage)] = ["Ange webbsidans hela adress, t.ex. https://www.ostersund.se/dataskyddsombud."];
        }

        return errors;
    }

    public void ApplyTo(DpoAllocation a)
    {
        a.PersonId = PersonId!.Value;
        a.Role = Role!.Value;
        a.ControllerIds = [.. ControllerIds!.Distinct()];
        a.SharePercent = SharePercent!.Value;
        a.StartsOn = StartsOn!.Value;
        a.EndsOn = EndsOn;
        a.ReportsTo = ReportsTo!.Trim();
        a.ReportingLevel = ReportingLevel!.Value;
        a.ImyReportedOn = ImyReportedOn;
        a.PublicWebPage = string.IsNullOrWhiteSpace(PublicWebPage) ? null : PublicWebPage.Trim();
    }

    public DpoAllocation ToAllocation(Guid? id)
    {
        var a = id is { } existing ? new DpoAllocation { Id = existing, ReportsTo = string.Empty } : new DpoAllocation { ReportsTo = string.Empty };
        ApplyTo(a);
        return a;
    }
}

/// <summary>What a form or the API sends to create or change a DPO person.</summary>
public sealed record DpoPersonInput(string? Name, string? WorkPhone, string? WorkEmail, Guid? EmployingPartyId, List<string>? OtherRoles, bool IsActive = true)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Name))
        {
            errors[nameof(Name)] = ["Ange dataskyddsombudets namn."];
        }
        else if (Name.Trim().Length > Limits.Name)
        {
            errors[nameof(Name)] = [$"Namnet får vara högst {Limits.Name} tecken."];
        }

        if (!string.IsNullOrWhiteSpace(WorkPhone)
            && (WorkPhone.Trim().Length > DpoLimits.Phone || !WorkPhone.Trim().All(c => char.IsDigit(c) || c is ' ' or '-' or '+' or '(' or ')')
                || WorkPhone.Count(char.IsDigit) < 5))
        {
            errors[nameof(WorkPhone)] = ["Telefonnumret är inte giltigt. Skriv t.ex. 063-14 30 00."];
        }

        if (!string.IsNullOrWhiteSpace(WorkEmail) && (WorkEmail.Trim().Length > Limits.Email || !MailAddress.TryCreate(WorkEmail.Trim(), out var mail) || mail.Address != WorkEmail.Trim()))
        {
            errors[nameof(WorkEmail)] = ["E-postadressen är inte giltig. Skriv t.ex. dataskyddsombud@ostersund.se."];
        }

        var roles = Roles;
        if (roles.Count > DpoLimits.Roles || roles.Any(r => r.Length > DpoLimits.Role))
        {
            errors[nameof(OtherRoles)] = [$"Ange högst {DpoLimits.Roles} andra roller, var och en högst {DpoLimits.Role} tecken."];
        }

        return errors;
    }

    /// <summary>The other roles, trimmed, blank ones dropped, each once.</summary>
    public List<string> Roles => [.. (OtherRoles ?? []).Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];

    public void ApplyTo(DpoPerson p)
    {
        p.Name = Name!.Trim();
        p.WorkPhone = string.IsNullOrWhiteSpace(WorkPhone) ? null : WorkPhone.Trim();
        p.WorkEmail = string.IsNullOrWhiteSpace(WorkEmail) ? null : WorkEmail.Trim();
        p.EmployingPartyId = EmployingPartyId;
        p.OtherRoles = Roles;
        p.IsActive = IsActive;
    }

    /// <summary>"IT-chef\nKommunjurist" → the roles; one per line in the forms.</summary>
    public static List<string> Lines(string? text) =>
        [.. (text ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
}
