using System.Security.Cryptography;
using GemensamNamnd.Domain.Breaches;
using GemensamNamnd.Domain.Identity;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Audit;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Breaches;
using GemensamNamnd.Web.Features.Documents;
using GemensamNamnd.Web.Features.Requests;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.PersonalData;

namespace GemensamNamnd.Web.Features.PersonSearch;

/// <summary>What the searcher gave: a personnummer, or an exact name and/or e-mail, and why.</summary>
public sealed record PersonQuery(string? PersonalNumber, string? Name, string? Email, string? Reason);

/// <summary>One piece of the person's data in one case: which field, and its value (personnummer masked).</summary>
public sealed record PersonDatum(string Field, string Value);

/// <summary>A case (request or breach) that holds the person's data.</summary>
public sealed record PersonHit(string Register, Guid CaseId, string CaseNumber, string Status, DateOnly Date, string Link, IReadOnlyList<PersonDatum> Data);

/// <summary>
/// Finds one person's data in one party's registers (the party's own Art. 15 duty covers what this tool holds): requests
/// by the keyed hash of the personnummer — never by the number in plain text — or by exact name or e-mail; and the free
/// text of requests and breaches (notes, timelines, supplements, descriptions) that mentions the name or e-mail. The
/// registers' named queries find the cases (<see cref="RequestQueries.PersonDataAsync"/>,
/// <see cref="BreachQueries.PersonDataAsync"/>); this class turns them into hits. Every search is logged as a read of
/// personal data with who and why, also when it finds nothing, and every case found as a read of that case. A request
/// with skyddad identitet is found only by those who may open it (<see cref="RequestAccessQueries.OpenTo"/>): to anyone
/// else it does not exist.
/// </summary>
public sealed class PersonSearch(AppDbContext db, PersonalIdentityNumbers personalNumbers, PersonalDataReadLog reads, TimeProvider clock)
{
    public const string EntityType = "PersonSearch";

    /// <summary>Most hits returned; a search that finds more is too broad to be about one person.</summary>
    public const int MaxHits = 500;

    public static Dictionary<string, string[]> Validate(PersonQuery q, DateOnly today, out PersonalIdentityNumber? number)
    {
        var errors = new Dictionary<string, string[]>();
        number = null;
        var hasNumber = !string.IsNullOrWhiteSpace(q.PersonalNumber);
        if (hasNumber)
        {
            if (PersonalIdentityNumber.TryParse(q.PersonalNumber!, today, out var parsed, out var why))
            {
                number = parsed;
            }
            else
            {
                errors[nameof(q.PersonalNumber)] = [why ?? "Personnumret kunde inte läsas."];
            }
        }

        var name = q.Name?.Trim();
        var email = q.Email?.Trim();
        if (!hasNumber && string.IsNullOrEmpty(name) && string.IsNullOrEmpty(email))
        {
            errors[nameof(q.PersonalNumber)] = ["Ange personnummer, eller namn och/eller e-postadress exakt som de registrerats."];
        }

        if (name is { Length: > 0 } && (name.Length < 3 || name.Length > Limits.Name))
        {
            errors[nameof(q.Name)] = [$"Ange hela namnet (3–{Limits.Name} tecken)."];
        }

        if (email is { Length: > 0 } && (!email.Contains('@', StringComparison.Ordinal) || email.Length > Limits.Email))
        {
            errors[nameof(q.Email)] = ["Ange en hel e-postadress."];
        }

        if (string.IsNullOrWhiteSpace(q.Reason) || q.Reason.Trim().Length > 500)
        {
            errors[nameof(q.Reason)] = ["Ange varför du söker (t.ex. diarienumret på den registrerades begäran om registerutdrag), högst 500 tecken; skälet loggas."];
        }

        return errors;
    }

    public async Task<(List<PersonHit>? Hits, Dictionary<string, string[]> Errors)> RunAsync(PersonQuery q, string slug, RequestViewer viewer, CancellationToken ct)
    {
        var today = Swedish.Today(clock);
        var errors = Validate(q, today, out var number);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var hash = number is { } n ? personalNumbers.Hash(n) : null;
        var name = q.Name?.Trim().ToLowerInvariant() is { Length: > 0 } nm ? nm : null;
        var email = q.Email?.Trim().ToLowerInvariant() is { Length: > 0 } em ? em : null;

        var requests = await RequestQueries.PersonDataAsync(db, viewer, hash, name, email, MaxHits, ct);
        var breaches = await BreachQueries.PersonDataAsync(db, name, email, MaxHits, ct);
        // The documents the cases hold are the person's data too (Art. 15): named in each hit, downloadable from the case.
        var documents = await CaseDocumentQueries.HeldByAsync(db, [.. requests.Select(r => r.Id), .. breaches.Select(b => b.Id)], ct);

        var hits = new List<PersonHit>();
        foreach (var r in requests.OrderBy(r => r.ReceivedAt))
        {
            List<PersonDatum> data = [new("Namn", r.RequesterName)];
            if (r.PersonalNumberProtected is { } p)
            {
                data.Add(new PersonDatum("Personnummer", Mask(p, today)));
            }

            Maybe(data, "E-post", r.Email);
            Maybe(data, "Postadress", r.PostalAddress);
            Maybe(data, "Anteckningar", r.Notes);
            data.AddRange(r.Mentions.Select(m => new PersonDatum($"Händelse {Swedish.DateTime(m.At)}", m.Text)));
            data.AddRange(documents[r.Id].Select(Document));

            hits.Add(new PersonHit("Begäran", r.Id, r.CaseNumber, r.Status.Swedish(), Swedish.Date(r.ReceivedAt), $"/{slug}/begaranden/{r.Id}", data));
        }

        foreach (var b in breaches.OrderBy(b => b.AwareAt))
        {
            List<PersonDatum> data = [new("Rubrik", b.Title), new("Beskrivning", b.Description)];
            Maybe(data, "Konsekvenser", b.Consequences);
            Maybe(data, "Vidtagna åtgärder", b.MeasuresTaken);
            Maybe(data, "Planerade åtgärder", b.MeasuresProposed);
            Maybe(data, "Riskbedömning", b.RiskReasoning);
            Maybe(data, "Rapporterad internt av", b.ReportedInternallyBy);
            Maybe(data, "Kontaktperson", b.ContactName);
            Maybe(data, "Kontaktuppgifter", b.ContactDetails);
            data.AddRange(b.Mentions.Select(m => new PersonDatum(
                $"{(m.Source == BreachMentionSource.Supplement ? "Komplettering" : "Händelse")} {Swedish.DateTime(m.At)}", m.Text)));
            data.AddRange(documents[b.Id].Select(Document));
            hits.Add(new PersonHit("Incident", b.Id, b.CaseNumber, b.Status.Swedish(), Swedish.Date(b.AwareAt), $"/{slug}/incidenter/{b.Id}", data));
        }

        // Who and why, never what was searched for: the log must not itself hold the personnummer.
        var kinds = string.Join(", ", new[] { hash is null ? null : "personnummer", name is null ? null : "namn", email is null ? null : "e-post" }.OfType<string>());
        var purpose = $"Personsökning ({kinds}): {q.Reason!.Trim()}";
        await reads.RecordAsync(EntityType, Guid.CreateVersion7(), purpose, ct);
        await reads.RecordManyAsync(nameof(DataSubjectRequest), requests.Select(r => r.Id), purpose, ct);
        await reads.RecordManyAsync(nameof(Breach), breaches.Select(b => b.Id), purpose, ct);
        return (hits, errors);
    }

    /// <summary>The hits as a spreadsheet: one row per piece of data, for the data subject's access request.</summary>
    public static Spreadsheet ToSpreadsheet(IEnumerable<PersonHit> hits) => new(
        "Personsökning",
        ["Register", "Diarienummer", "Status", "Datum", "Uppgift", "Värde"],
        [.. hits.SelectMany(h => h.Data.Select(d => (IReadOnlyList<Cell>)
            [h.Register, h.CaseNumber, h.Status, Cell.Date(h.Date), d.Field, d.Value]))]);

    private string Mask(string protectedValue, DateOnly today)
    {
        try
        {
            return PersonalIdentityNumber.TryParse(personalNumbers.Unprotect(protectedValue), today, out var number, out _) ? number.Masked : "kan inte visas";
        }
        catch (CryptographicException)
        {
            return "kan inte visas";
        }
    }

    private static PersonDatum Document(DocumentRow d) =>
        new("Handling", $"{d.FileName} ({d.TypeName}, {d.SizeText}), uppladdad {Swedish.DateTime(d.UploadedAt)} av {d.UploadedBy}");

    private static void Maybe(List<PersonDatum> data, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            data.Add(new PersonDatum(field, value));
        }
    }
}

public static class PersonSearchExtensions
{
    public static IServiceCollection AddPersonSearch(this IServiceCollection services) => services.AddScoped<PersonSearch>();
}
