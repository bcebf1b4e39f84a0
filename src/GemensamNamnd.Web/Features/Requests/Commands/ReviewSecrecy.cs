using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Requests.Commands;

/// <summary>The secrecy review of one system in the extract: the outcome, the OSL provision relied on, a note.</summary>
public sealed record SecrecyReviewInput(Disclosure? Disclosure, string? Provision, string? Note);

/// <summary>
/// Records the secrecy review (sekretessprövning) per system where the search found data about the person (Art. 15 with
/// Art. 23; OSL; <see cref="SecrecyReview"/>). A null outcome clears a system's review. Every line is checked before any
/// is stored; the case's version moves, and the timeline names each change with its provision.
/// </summary>
public sealed class ReviewSecrecy(RequestChanges changes, AppDbContext db)
{
    public const string Field = "Secrecy";

    public Task<CommandResult<DataSubjectRequest>> RunAsync(
        Guid id, Guid version, IReadOnlyDictionary<Guid, SecrecyReviewInput> reviews, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        return changes.ChangeAsync(id, version, r => DecideAsync(r, reviews, cancellationToken), cancellationToken);
    }

    private async Task<CommandResult<string>> DecideAsync(DataSubjectRequest r, IReadOnlyDictionary<Guid, SecrecyReviewInput> reviews, CancellationToken cancellationToken)
    {
        if (RequestStatusRules.IsClosed(r.Status))
        {
            return RequestChanges.Refuse(Field, "Ett avslutat ärende kan inte ändras.");
        }

        var lines = await db.SystemSearches.Where(s => s.RequestId == r.Id && s.Result == SystemSearchResult.DataFound).ToListAsync(cancellationToken);
        var names = await db.PartySystems.AsNoTracking().Where(p => lines.Select(l => l.SystemId).Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        if (reviews.Keys.Any(k => lines.All(l => l.SystemId != k)))
        {
            return RequestChanges.Refuse(Field, "Sekretessprövningen gäller bara system där sökningen hittade uppgifter om personen. Ladda om sidan.");
        }

        var errors = new List<Error>();
        foreach (var (systemId, review) in reviews)
        {
            if (review.Disclosure is { } disclosure && SecrecyReview.Check(names[systemId], disclosure, review.Provision, review.Note) is { } why)
            {
                errors.Add(new Error(Field, why));
            }
        }

        if (CommandResult.RefuseIfAny<string>(errors) is { } refused)
        {
            return refused;
        }

        var changed = new List<string>();
        foreach (var line in lines.Where(l => reviews.ContainsKey(l.SystemId)).OrderBy(l => names[l.SystemId], StringComparer.Create(Swedish.Culture, false)))
        {
            var review = reviews[line.SystemId];
            var provision = review.Disclosure is null or Disclosure.Disclosed ? null : SecrecyReview.Find(review.Provision)?.Key;
            var note = review.Disclosure is null || string.IsNullOrWhiteSpace(review.Note) ? null : review.Note.Trim();
            if (line.Disclosure == review.Disclosure && line.OslProvision == provision && line.SecrecyNote == note)
            {
                continue;
            }

            line.Disclosure = review.Disclosure;
            line.OslProvision = provision;
            line.SecrecyNote = note;
            changed.Add(review.Disclosure is not { } d ? $"{names[line.SystemId]} (ej prövat)"
                : provision is null ? $"{names[line.SystemId]} {d.Swedish()}"
                : $"{names[line.SystemId]} {d.Swedish()} ({SecrecyReview.Find(provision)!.Citation})");
        }

        return changed.Count == 0
            ? RequestChanges.Refuse(Field, "Inget ändrades i sekretessprövningen.")
            : CommandResult.Done("Sekretessprövning: " + string.Join("; ", changed) + ".");
    }
}
