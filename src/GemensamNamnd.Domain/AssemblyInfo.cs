namespace GemensamNamnd.Domain;

/// <summary>Marker for the Domain assembly (architecture tests find it by this type).</summary>
public static class DomainAssembly;
