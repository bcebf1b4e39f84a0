using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Requests;

// Planted on purpose: a "Maturity" feature in the test assembly that breaks the boundary rule, and one that keeps it.
namespace GemensamNamnd.Web.Tests.Architecture.Planted.Features.Maturity;

internal static class ReadsRequestsDirectly
{
    public static int Count(IEnumerable<DataSubjectRequest> requests) => requests.Count();
}

internal static class UsesRequestQueries
{
    public static Task<Guid?> Find(AppDbContext db) => RequestQueries.IdByCaseNumberAsync(db, "DS 2026/1", default);
}
