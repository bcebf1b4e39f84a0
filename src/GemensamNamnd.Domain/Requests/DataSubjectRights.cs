namespace GemensamNamnd.Domain.Requests;

/// <summary>
/// The rights a data subject invokes in one request (GDPR Chapter III). One request may invoke
/// several, e.g. a registerutdrag together with radering.
/// </summary>
[Flags]
public enum DataSubjectRights
{
    /// <summary>No right; never a valid request.</summary>
    None = 0,

    /// <summary>Right of access, registerutdrag (GDPR Art. 15).</summary>
    Access = 1,

    /// <summary>Right to rectification (GDPR Art. 16).</summary>
    Rectification = 2,

    /// <summary>Right to erasure (GDPR Art. 17).</summary>
    Erasure = 4,

    /// <summary>Right to restriction of processing (GDPR Art. 18).</summary>
    Restriction = 8,

    /// <summary>Right to data portability (GDPR Art. 20).</summary>
    Portability = 16,

    /// <summary>Right to object (GDPR Art. 21).</summary>
    Objection = 32,
}
