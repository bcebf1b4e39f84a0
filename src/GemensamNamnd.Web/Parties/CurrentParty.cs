namespace GemensamNamnd.Web.Parties;

/// <summary>The party the current request or job runs as. Scoped; set once, by resolution or by <see cref="PartyScope"/>.</summary>
public sealed class CurrentParty
{
    public Party? Party { get; private set; }

    public Guid? PartyId => Party?.Id;

    public Party Required => Party ?? throw new InvalidOperationException("Ingen part är vald för den här åtgärden.");

    public void Set(Party party)
    {
        if (Party is not null && Party.Id != party.Id)
        {
            throw new InvalidOperationException("Parten kan inte bytas mitt i en förfrågan.");
        }

        Party = party;
    }
}
