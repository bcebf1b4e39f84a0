namespace GemensamNamnd.Infra.Tests;

/// <summary>The repository's infra/ folder and the files the checks run over.</summary>
public static class InfraFiles
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string RepositoryRoot => Root.Value;

    public static string InfraDirectory => Path.Combine(RepositoryRoot, "infra");

    public static string MainTemplate => Path.Combine(InfraDirectory, "main.bicep");

    public static string FullPath(string relativePath) =>
        Path.Combine(RepositoryRoot, relativePath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Every .bicep file under infra/, as repository-relative paths with '/'.</summary>
    public static TheoryData<string> BicepFiles() => Enumerate("*.bicep");

    /// <summary>Every .bicepparam file under infra/.</summary>
    public static TheoryData<string> ParameterFiles() => Enumerate("*.bicepparam");

    /// <summary>Every .bicep and .bicepparam file under infra/.</summary>
    public static TheoryData<string> AllFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Relative("*.bicep").Concat(Relative("*.bicepparam")))
        {
            data.Add(file);
        }

        return data;
    }

    private static TheoryData<string> Enumerate(string pattern)
    {
        var data = new TheoryData<string>();
        foreach (var file in Relative(pattern))
        {
            data.Add(file);
        }

        return data;
    }

    /// <summary>Repository-relative paths (with '/') of the files under infra/ that match.</summary>
    public static IEnumerable<string> Relative(string pattern) =>
        Directory.EnumerateFiles(InfraDirectory, pattern, SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(RepositoryRoot, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal);

    private static string FindRoot()
    {
        // Normally the test assembly sits under the repository (bin/…); with `dotnet test -o`
        // elsewhere, the checkout recorded at build time leads to it.
        var builtFrom = typeof(InfraFiles).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), inherit: false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        foreach (var start in new[] { AppContext.BaseDirectory, builtFrom, Directory.GetCurrentDirectory() }.OfType<string>())
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "infra", "main.bicep")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException(
            $"No infra/main.bicep above {AppContext.BaseDirectory}, {builtFrom} or {Directory.GetCurrentDirectory()}");
    }
}
