using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Requests;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Tests.Features.Documents;

/// <summary>The app on its own PostgreSQL database with a small document limit (50 kB); documents in the database store.</summary>
public sealed class DocumentsFactory : AppFactory
{
    public const long MaxBytes = 50_000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Documents:MaxBytes", MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>A request of the party, answered on <paramref name="answeredOn"/> (or open when null).</summary>
    public Task<Guid> RequestAsync(string slug, DateOnly? answeredOn = null, bool protectedIdentity = false) =>
        InParty(slug, async db =>
        {
            var controller = await db.DataControllers.FirstAsync(c => c.IsActive);
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var received = answeredOn?.AddDays(-10) ?? today;
            var request = new DataSubjectRequest
            {
                CaseNumber = "HT " + Guid.NewGuid().ToString("N")[..10],
                RequesterName = "Dokument Dokumentsson",
                ControllerId = controller.Id,
                ReceivedAt = new DateTimeOffset(received.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero),
                Channel = RequestChannel.Letter,
                Rights = DataSubjectRights.Access,
                ProtectedIdentity = protectedIdentity,
                ClockStartOn = received,
                DueOn = received.AddDays(30),
                ExtendedDueOn = received.AddDays(90),
                EffectiveDueOn = received.AddDays(30),
                Status = answeredOn is null ? RequestStatus.Registered : RequestStatus.Answered,
                AnsweredOn = answeredOn,
                Delivery = answeredOn is null ? null : AnswerDelivery.Letter,
            };
            db.Requests.Add(request);
            await db.SaveChangesAsync();
            return request.Id;
        });
}
