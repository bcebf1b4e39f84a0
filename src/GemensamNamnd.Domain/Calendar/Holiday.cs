namespace GemensamNamnd.Domain.Calendar;

/// <summary>A Swedish public holiday (or, by a party's choice, an eve), with its Swedish name.</summary>
public sealed record Holiday(DateOnly Date, string Name);
