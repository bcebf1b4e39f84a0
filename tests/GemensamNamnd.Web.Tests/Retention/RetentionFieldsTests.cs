using System.Reflection;
using GemensamNamnd.Web.Audit;
using GemensamNamnd.Web.Features.Breaches;
using GemensamNamnd.Web.Features.Requests;
using GemensamNamnd.Web.Features.Retention;

namespace GemensamNamnd.Web.Tests.Retention;

/// <summary>
/// What the record of processing calls personal data ([PersonalData]) is exactly what retention thins: a new personal
/// field must be thinned, and retention must not quietly thin a field nobody declared. No database needed.
/// </summary>
public sealed class RetentionFieldsTests
{
    /// <summary>Thinned beyond [PersonalData], with the reason; keep it short.</summary>
    private static readonly HashSet<(Type, string)> AlsoThinned =
    [
        // The keyed hash is the personnummer's search key, not shown anywhere; thinned so the person can no longer be found.
        (typeof(DataSubjectRequest), nameof(DataSubjectRequest.PersonalNumberHash)),
    ];

    /// <summary>[PersonalData] entities that retention keeps on purpose, with the reason.</summary>
    private static readonly HashSet<Type> NotThinned =
    [
        // Not (yet) a register in the retention plan (RetentionPlan.Rules names requests, breaches, DPO allocations):
        // participants and findings of a drill stay until the plan gains a drill rule.
        typeof(Web.Features.Drills.Drill),
    ];

    [Fact]
    public void PersonalDataProperties_AreExactlyTheThinnedFields()
    {
        var declared = typeof(DataSubjectRequest).Assembly.GetTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(p => p.GetCustomAttribute<PersonalDataAttribute>() is not null)
                .Select(p => (Type: t, p.Name)))
            .Where(x => !NotThinned.Contains(x.Type))
            .ToHashSet();
        var thinned = RetentionRun.ThinnedFields.SelectMany(e => e.Value.Select(name => (Type: e.Key, Name: name))).ToHashSet();

        var notThinned = declared.Except(thinned).Select(Name).ToList();
        Assert.True(notThinned.Count == 0,
            "[PersonalData] but not thinned by retention (add to RetentionRun.ThinnedFields and thin it): " + string.Join(", ", notThinned));
        var undeclared = thinned.Except(declared).Except(AlsoThinned).Select(Name).ToList();
        Assert.True(undeclared.Count == 0,
            "Thinned by retention but not [PersonalData] (mark it, or remove it from RetentionRun.ThinnedFields): " + string.Join(", ", undeclared));
    }

    [Fact]
    public void ThinRequest_ChangesExactlyTheListedFields() =>
        AssertThinChangesExactlyTheList(
            new DataSubjectRequest { CaseNumber = "DS 2026/1", RequesterName = "Anna Andersson" },
            RetentionRun.Thin);

    [Fact]
    public void ThinBreach_ChangesExactlyTheListedFields() =>
        AssertThinChangesExactlyTheList(
            new Breach { CaseNumber = "PU 2026/1", Title = "Fel mottagare", Description = "Brev till fel adress" },
            RetentionRun.Thin);

    /// <summary>Fills every settable string with a value, thins, and compares the fields that changed with the list.</summary>
    private static void AssertThinChangesExactlyTheList<T>(T entity, Action<T> thin)
    {
        var strings = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType == typeof(string) && p.SetMethod is { IsPublic: true })
            .ToList();
        foreach (var p in strings)
        {
            p.SetValue(entity, "värde " + p.Name);
        }

        var before = strings.ToDictionary(p => p.Name, p => p.GetValue(entity));
        thin(entity);
        var changed = strings.Where(p => !Equals(p.GetValue(entity), before[p.Name])).Select(p => p.Name).Order().ToList();
        var listed = RetentionRun.ThinnedFields[typeof(T)].Order().ToList();

        Assert.True(listed.SequenceEqual(changed),
            $"{typeof(T).Name}: listed but not changed by Thin: {string.Join(", ", listed.Except(changed))}; "
            + $"changed but not listed: {string.Join(", ", changed.Except(listed))}");
    }

    private static string Name((Type Type, string Name) field) => $"{field.Type.Name}.{field.Name}";
}
