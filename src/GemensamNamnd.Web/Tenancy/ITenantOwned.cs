namespace GemensamNamnd.Web.Tenancy;

/// <summary>
/// An entity that belongs to one party. The DbContext's named query filter scopes every query to the
/// current party, SaveChanges stamps and guards <see cref="TenantId"/>, and on PostgreSQL a row-level
/// security policy enforces the same boundary inside the database.
/// </summary>
public interface ITenantOwned
{
    Guid TenantId { get; set; }
}
