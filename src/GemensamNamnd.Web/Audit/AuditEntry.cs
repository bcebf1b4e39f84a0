namespace GemensamNamnd.Web.Audit;

/// <summary>One change to one entity: who, when, what. Append-only (the application role may only insert and read).</summary>
public sealed class AuditEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The party the changed entity belongs to; null for global data (parties, users, memberships).</summary>
    public Guid? PartyId { get; init; }

    public DateTimeOffset At { get; init; }

    public required string ActorId { get; init; }

    public required string ActorName { get; init; }

    public required string EntityType { get; init; }

    public required string EntityId { get; init; }

    public required AuditAction Action { get; init; }

    /// <summary>JSON object of changed properties: { "Name": { "from": …, "to": … } }. Personal data appears as "[skyddat]".</summary>
    public required string Changes { get; init; }
}

public enum AuditAction
{
    Created,
    Modified,
    Deleted,
}

/// <summary>Someone opened a record that holds personal data. Append-only.</summary>
public sealed class PersonalDataRead : GemensamNamnd.Web.Parties.IPartyOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PartyId { get; set; }

    public DateTimeOffset At { get; init; }

    public required string ActorId { get; init; }

    public required string EntityType { get; init; }

    public required string EntityId { get; init; }

    public required string Purpose { get; init; }
}

/// <summary>Marks a property whose value is personal data: the audit trail records that it changed, not the value.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PersonalDataAttribute : Attribute;

/// <summary>An entity edited in forms: a concurrency token that changes on every save, on every provider.</summary>
public interface IVersioned
{
    Guid Version { get; set; }
}
