using System.Diagnostics;
using System.Reflection;

namespace GemensamNamnd.Infra.Tests;

/// <summary>One run of the Bicep CLI.</summary>
public sealed record BicepResult(IReadOnlyList<string> Arguments, int ExitCode, string StdOut, string StdErr)
{
    /// <summary>
    /// Why this run does not pass: a non-zero exit code, or any output line that contains
    /// "Warning" or "Error". The CLI exits 0 on type warnings (an unknown property, a wrong type),
    /// so the exit code alone would let them through.
    /// </summary>
    /// <param name="readStdOut">
    /// False where stdout carries the compiled JSON (<c>--stdout</c>): a template may legitimately
    /// contain those words, and diagnostics go to stderr anyway.
    /// </param>
    public IReadOnlyList<string> Failures(bool readStdOut)
    {
        var failures = new List<string>();
        if (ExitCode != 0)
        {
            failures.Add($"bicep {string.Join(' ', Arguments)} exited with {ExitCode}");
        }

        var output = readStdOut ? StdOut + "\n" + StdErr : StdErr;
        failures.AddRange(output
            .Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .Where(line => line.Contains("Warning", StringComparison.Ordinal)
                || line.Contains("Error", StringComparison.Ordinal)));
        return failures;
    }

    public string Describe(bool readStdOut) =>
        string.Join(Environment.NewLine, Failures(readStdOut)) + Environment.NewLine
        + "--- stderr ---" + Environment.NewLine + StdErr
        + (readStdOut ? "--- stdout ---" + Environment.NewLine + StdOut : string.Empty);
}

/// <summary>
/// Finds the native <c>bicep</c> binary that the project's <c>PackageDownload</c> of
/// Azure.Bicep.CommandLine.linux-x64 restored, and runs it.
/// </summary>
public static class BicepCli
{
    public const string PackageId = "azure.bicep.commandline.linux-x64";
    public const string Version = "0.49.2";

    private static readonly Lazy<string> Binary = new(Locate);

    public static string Path => Binary.Value;

    public static BicepResult Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = InfraFiles.RepositoryRoot,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The parameter files read secrets with readEnvironmentVariable('GN_…'); the checks must see
        // what the committed files say, not a secret that happens to be in this shell.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("GN_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"Could not start {Path}");
        var stdOut = process.StandardOutput.ReadToEndAsync();
        var stdErr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within 3 minutes");
        }

        process.WaitForExit();
        return new BicepResult(arguments, process.ExitCode, stdOut.GetAwaiter().GetResult(), stdErr.GetAwaiter().GetResult());
    }

    private static string Locate()
    {
        var roots = new List<string>();
        var restored = typeof(BicepCli).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "NuGetPackageRoot")?.Value;
        if (!string.IsNullOrWhiteSpace(restored))
        {
            roots.Add(restored);
        }

        var fromEnvironment = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            roots.Add(fromEnvironment);
        }

        roots.Add(System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"));

        var candidates = roots
            .Select(root => System.IO.Path.Combine(root, PackageId, Version, "tools", "bicep"))
            .ToList();
        var binary = candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException(
                "The Bicep CLI was not restored. Run `dotnet restore` on GemensamNamnd.Infra.Tests. Looked in: "
                + string.Join(", ", candidates));

        // NuGet does not always keep the execute bit of a file inside a package.
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(binary);
            var execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
            if ((mode & UnixFileMode.UserExecute) == 0)
            {
                File.SetUnixFileMode(binary, mode | execute);
            }
        }

        return binary;
    }
}
