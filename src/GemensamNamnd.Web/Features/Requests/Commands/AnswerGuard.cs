using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Requests.Commands;

/// <summary>
/// The guard rails before an Art. 15 request (registerutdrag) is answered: systems of the party not yet searched, no
/// identity decision recorded (neither confirmed nor handling started, which says no check was needed), what was found
/// not yet through the secrecy review (<see cref="ReviewSecrecy"/>), no officer assigned. They warn, they do not forbid: the officer may go on by giving a reason, which the timeline keeps
/// (<see cref="AnswerRequest"/>). Without the reason, while a warning applies, the answer is refused.
/// </summary>
public sealed class AnswerGuard(AppDbContext db)
{
    public const string ReasonField = "AnswerReason";

    /// <summary>The warnings that apply to answering <paramref name="r"/> now, in Swedish; empty when none does.</summary>
    public async Task<IReadOnlyList<string>> WarningsAsync(DataSubjectRequest r, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(r);
        if (!r.Rights.HasFlag(DataSubjectRights.Access) || RequestStatusRules.IsClosed(r.Status))
        {
            return [];
        }

        var warnings = new List<string>();
        var marked = db.SystemSearches.Where(s => s.RequestId == r.Id).Select(s => s.SystemId);
        var unsearched = await db.PartySystems.AsNoTracking().CountAsync(s => s.IsActive && !marked.Contains(s.Id), cancellationToken);
        if (unsearched > 0)
        {
            warnings.Add($"{Swedish.Count(unsearched, "system", "system")} med personuppgifter är inte {(unsearched == 1 ? "sökt" : "sökta")} (art. 15.1).");
        }

        var unreviewed = await db.SystemSearches.CountAsync(s => s.RequestId == r.Id && s.Result == SystemSearchResult.DataFound && s.Disclosure == null, cancellationToken);
        if (unreviewed > 0)
        {
            warnings.Add($"{Swedish.Count(unreviewed, "system", "system")} med uppgifter om personen är inte {(unreviewed == 1 ? "sekretessprövat" : "sekretessprövade")} (offentlighets- och sekretesslagen).");
        }

        if (r.IdentityConfirmedAt is null && r.Status is RequestStatus.Registered or RequestStatus.IdentityCheck)
        {
            warnings.Add("Inget beslut om identiteten är registrerat: den är varken bekräftad eller bedömd som klar när handläggningen påbörjades (art. 12.6).");
        }

        if (r.AssignedOfficerId is null)
        {
            warnings.Add("Ingen handläggare är tilldelad ärendet.");
        }

        return warnings;
    }
}
