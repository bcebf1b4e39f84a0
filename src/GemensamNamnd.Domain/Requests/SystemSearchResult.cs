namespace GemensamNamnd.Domain.Requests;

/// <summary>
/// Where one of the party's systems stands in the search for the data subject's data. Art. 15(1) covers every
/// processing of the person's data by the controller, so the answer rests on a record of which systems were searched.
/// A system not yet marked has no value.
/// </summary>
public enum SystemSearchResult
{
    /// <summary>Sökt, the result not yet assessed.</summary>
    Searched,

    /// <summary>Sökt, inga uppgifter om personen.</summary>
    NoData,

    /// <summary>Sökt, uppgifter om personen finns.</summary>
    DataFound,
}

/// <summary>Swedish names of <see cref="SystemSearchResult"/>.</summary>
public static class SystemSearchResultNames
{
    public static string Swedish(this SystemSearchResult result) => result switch
    {
        SystemSearchResult.Searched => "sökt",
        SystemSearchResult.NoData => "inga uppgifter",
        SystemSearchResult.DataFound => "uppgifter finns",
        _ => throw new ArgumentOutOfRangeException(nameof(result), result, "Undefined system search result."),
    };
}
