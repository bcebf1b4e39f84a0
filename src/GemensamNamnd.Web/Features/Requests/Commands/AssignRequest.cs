using System.Net;
using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Outbox;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GemensamNamnd.Web.Features.Requests.Commands;

/// <summary>
/// Assigns the case to one of the party's officers, or to no one; only while the case is open. The officer assigned is
/// told by mail (through the outbox, in the same save as the assignment), unless they assigned it to themselves or a
/// system process (the demo data) did: the
/// case number, the party, the deadline and a link — no name, no personnummer, nothing of the data subject.
/// </summary>
public sealed class AssignRequest(
    RequestChanges changes,
    RequestOfficers officers,
    AppDbContext db,
    CurrentParty currentParty,
    CurrentUser currentUser,
    IOptions<MailOptions> mail,
    TimeProvider clock)
{
    private const string Field = "OfficerId";

    public Task<CommandResult<DataSubjectRequest>> RunAsync(Guid id, Guid version, Guid? officerId, CancellationToken cancellationToken = default) =>
        changes.ChangeAsync(id, version, r => DecideAsync(r, officerId, cancellationToken), cancellationToken);

    private async Task<CommandResult<string>> DecideAsync(DataSubjectRequest r, Guid? officerId, CancellationToken cancellationToken)
    {
        if (RequestStatusRules.IsClosed(r.Status))
        {
            return RequestChanges.Refuse(Field, "Ett avslutat ärende kan inte tilldelas.");
        }

        string text;
        if (officerId is { } officer)
        {
            var name = (await officers.ListAsync(cancellationToken)).Where(o => o.Id == officer).Select(o => o.Name).FirstOrDefault();
            if (name is null)
            {
                return RequestChanges.Refuse(Field, "Välj en handläggare eller ett dataskyddsombud hos parten.");
            }

            text = $"Tilldelad {name}.";
        }
        else
        {
            text = "Ingen handläggare tilldelad.";
        }

        if (r.AssignedOfficerId == officerId)
        {
            return CommandResult.Done(RequestChanges.Unchanged);
        }

        r.AssignedOfficerId = officerId;
        if (officerId is { } assigned)
        {
            await TellAsync(r, assigned, cancellationToken);
        }

        return CommandResult.Done(text);
    }

    /// <summary>The mail to the officer assigned, added to the outbox in the assignment's save.</summary>
    private async Task TellAsync(DataSubjectRequest r, Guid officerId, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync(cancellationToken);
        var address = await db.Users.AsNoTracking().Where(u => u.Id == officerId && !u.IsDisabled).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
        if (me is null || me.Id == officerId || string.IsNullOrWhiteSpace(address))
        {
            return;
        }

        var party = currentParty.Required;
        var content = Mail(r.CaseNumber, party.Name, r.EffectiveDueOn, $"{mail.Value.LinkBase.TrimEnd('/')}/{party.Slug}/begaranden/{r.Id}");
        db.OutboxMessages.Add(OutboxMessage.ForParty(party, mail.Value, address, content, clock.GetUtcNow()));
    }

    /// <summary>The assignment mail: case number, party, deadline and link only (the outbox holds no citizen data).</summary>
    public static (string Subject, string Text, string Html) Mail(string caseNumber, string partyName, DateOnly dueOn, string link)
    {
        var subject = $"{partyName}: du är handläggare för {caseNumber}";
        var lead = $"Du har tilldelats begäran {caseNumber} hos {partyName}. Sista dag att besvara den: {SwedishDates.Long(dueOn)}.";
        var text = $"{lead}\n\nÖppna ärendet: {link}\n";
        var html = $"<p>{WebUtility.HtmlEncode(lead)}</p><p><a href=\"{WebUtility.HtmlEncode(link)}\">Öppna ärendet {WebUtility.HtmlEncode(caseNumber)}</a></p>";
        return (subject, text, html);
    }
}
