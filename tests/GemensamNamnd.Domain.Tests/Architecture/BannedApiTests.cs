using System.Diagnostics;
using System.Reflection;

namespace GemensamNamnd.Domain.Tests.Architecture;

/// <summary>
/// The purity guard can fail: a copy of the Domain project with planted clock, file, network, environment and
/// randomness calls must not build, and each planted line must be named by RS0030 (BannedSymbols.txt).
/// </summary>
public sealed class BannedApiTests
{
    // Line numbers in the planted file → what was planted there.
    private static readonly (int Line, string Call)[] Planted =
    [
        (5, "System.IO.File.ReadAllText"),
        (6, "DateTime.Now"),
        (7, "DateTime.UtcNow"),
        (8, "DateTimeOffset.UtcNow"),
        (9, "Environment"),
        (10, "HttpClient"),
        (11, "Console"),
        (12, "Random.Shared"),
        (13, "Thread.Sleep"),
        (14, "System.IO.Path"),
    ];

    private const string PlantedSource = """
        namespace GemensamNamnd.Domain;

        internal static class PlantedViolations
        {
            public static string ReadFile() => System.IO.File.ReadAllText("regler.txt");
            public static DateTime Now() => DateTime.Now;
            public static DateTime UtcNow() => DateTime.UtcNow;
            public static DateTimeOffset OffsetNow() => DateTimeOffset.UtcNow;
            public static string? Variable() => Environment.GetEnvironmentVariable("GN");
            public static object Client() => new System.Net.Http.HttpClient();
            public static void Print() => Console.WriteLine("x");
            public static int Chance() => Random.Shared.Next();
            public static void Wait() => Thread.Sleep(1);
            public static string Combine() => Path.Combine("a", "b");
        }

        """;

    [Fact]
    public void DomainWithPlantedCalls_DoesNotBuild_AndRS0030NamesEachOne()
    {
        var root = RepositoryRoot();
        var work = Directory.CreateTempSubdirectory("gn-purity-");
        try
        {
            // The build settings that apply to the real project come along: props, central versions, editorconfig.
            foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", ".editorconfig" })
            {
                File.Copy(Path.Combine(root, file), Path.Combine(work.FullName, file));
            }

            var source = Path.Combine(root, "src", "GemensamNamnd.Domain");
            var target = Path.Combine(work.FullName, "src", "GemensamNamnd.Domain");
            CopyProject(source, target);
            File.WriteAllText(Path.Combine(target, "PlantedViolations.cs"), PlantedSource.ReplaceLineEndings("\n"));

            var (exitCode, output) = Build(Path.Combine(target, "GemensamNamnd.Domain.csproj"));

            Assert.True(exitCode != 0, "The Domain project built with planted banned calls:\n" + output);
            foreach (var (line, call) in Planted)
            {
                Assert.True(
                    output.Split('\n').Any(l => l.Contains($"PlantedViolations.cs({line},", StringComparison.Ordinal)
                        && l.Contains("error RS0030", StringComparison.Ordinal)),
                    $"No RS0030 for the planted {call} on line {line}:\n{output}");
            }

            var otherErrors = output.Split('\n')
                .Where(l => l.Contains("PlantedViolations.cs(", StringComparison.Ordinal) && l.Contains(": error ", StringComparison.Ordinal))
                .Where(l => !l.Contains("error RS0030", StringComparison.Ordinal))
                .ToList();
            Assert.True(otherErrors.Count == 0, "The planted file should fail on RS0030 alone:\n" + string.Join('\n', otherErrors));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static void CopyProject(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            var first = relative.Split(Path.DirectorySeparatorChar)[0];
            if (first is "bin" or "obj")
            {
                continue;
            }

            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }

    private static (int ExitCode, string Output) Build(string project)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // No build servers left behind by the test; the packages are already in the local cache from the real build.
        foreach (var argument in new[] { "build", project, "-nologo", "-v:q", "-nodeReuse:false", "-p:UseSharedCompilation=false", "--disable-build-servers" })
        {
            start.ArgumentList.Add(argument);
        }

        // The test host's MSBuild variables would point the child build at the wrong SDK pieces.
        foreach (var name in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly" })
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet build of the planted Domain copy took more than 5 minutes:\n" + output);
        }

        return (process.ExitCode, output + error.Result);
    }

    private static string RepositoryRoot()
    {
        var builtFrom = typeof(BannedApiTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        foreach (var start in new[] { AppContext.BaseDirectory, builtFrom }.OfType<string>())
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "src", "GemensamNamnd.Domain", "BannedSymbols.txt")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException($"No src/GemensamNamnd.Domain/BannedSymbols.txt above {AppContext.BaseDirectory} or {builtFrom}");
    }
}
