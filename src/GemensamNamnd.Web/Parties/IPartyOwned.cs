namespace GemensamNamnd.Web.Parties;

/// <summary>
/// An entity that belongs to one party. The DbContext's named query filter scopes every query to the
/// current party, SaveChanges stamps and guards <see cref="PartyId"/>, and on PostgreSQL a row-level
/// security policy enforces the same boundary inside the database.
/// </summary>
public interface IPartyOwned
{
    Guid PartyId { get; set; }
}
