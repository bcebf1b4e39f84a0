using GemensamNamnd.Domain;

namespace GemensamNamnd.Domain.Tests.Architecture;

/// <summary>The legal rules stay pure: no framework, no I/O, nothing but the base class library.</summary>
public sealed class DomainPurityTests
{
    [Fact]
    public void DomainAssembly_ReferencesOnlyTheBaseClassLibrary()
    {
        var references = typeof(DomainAssembly).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.All(references, name => Assert.True(name is "System.Runtime" or "System.Collections" or "System.Linq" or "netstandard" || name.StartsWith("System.", StringComparison.Ordinal), name));
        Assert.DoesNotContain(references, n => n.StartsWith("Microsoft.", StringComparison.Ordinal));
        Assert.DoesNotContain(references, n => n is "System.Net.Http" or "System.IO.FileSystem" or "System.Data.Common" or "System.Net.Primitives");
    }
}
