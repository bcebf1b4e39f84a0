namespace GemensamNamnd.Infra.Tests;

/// <summary>
/// Every template and parameter file under infra/ compiles and lints with no warning and no error,
/// against the Azure types built into the pinned Bicep CLI (offline).
/// </summary>
public class BicepValidationTests
{
    [Theory]
    [MemberData(nameof(InfraFiles.BicepFiles), MemberType = typeof(InfraFiles))]
    public void Template_builds_without_warnings(string file)
    {
        var result = BicepCli.Run("build", InfraFiles.FullPath(file), "--stdout");

        Assert.True(result.Failures(readStdOut: false).Count == 0, result.Describe(readStdOut: false));
        Assert.StartsWith("{", result.StdOut.TrimStart(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(InfraFiles.AllFiles), MemberType = typeof(InfraFiles))]
    public void File_lints_clean(string file)
    {
        var result = BicepCli.Run("lint", InfraFiles.FullPath(file));

        Assert.True(result.Failures(readStdOut: true).Count == 0, result.Describe(readStdOut: true));
    }

    [Theory]
    [MemberData(nameof(InfraFiles.ParameterFiles), MemberType = typeof(InfraFiles))]
    public void Parameter_file_builds_without_warnings(string file)
    {
        var result = BicepCli.Run("build-params", InfraFiles.FullPath(file), "--stdout");

        Assert.True(result.Failures(readStdOut: false).Count == 0, result.Describe(readStdOut: false));
        Assert.Contains("parametersJson", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_module_is_local()
    {
        // No registry (br:) or template-spec (ts:) modules: everything the deployment runs is here.
        var offenders = Directory
            .EnumerateFiles(InfraFiles.InfraDirectory, "*.bicep", SearchOption.AllDirectories)
            .SelectMany(path => File.ReadLines(path).Select(line => (path, line: line.Trim())))
            .Where(x => x.line.StartsWith("module ", StringComparison.Ordinal))
            .Where(x => !System.Text.RegularExpressions.Regex.IsMatch(x.line, @"^module\s+\w+\s+'(\./|\.\./|modules/)[^':]+\.bicep'"))
            .Select(x => $"{x.path}: {x.line}")
            .ToList();

        Assert.True(offenders.Count == 0, string.Join(Environment.NewLine, offenders));
    }

    [Fact]
    public void Infra_has_the_expected_files()
    {
        // Guards the theories above against an empty enumeration (a moved folder would pass silently).
        var bicep = InfraFiles.Relative("*.bicep").ToList();
        var parameters = InfraFiles.Relative("*.bicepparam").ToList();

        Assert.Contains("infra/main.bicep", bicep);
        Assert.Contains(bicep, f => f.StartsWith("infra/modules/", StringComparison.Ordinal));
        Assert.Equal(["infra/env/prod.bicepparam", "infra/env/test.bicepparam"], parameters);
    }
}

/// <summary>The check itself can fail: broken files written to a temporary folder are reported.</summary>
public sealed class BicepCheckCanFailTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("gn-bicep-");

    public void Dispose() => _directory.Delete(recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }

    private const string TemplateWithUnknownProperty = """
        param location string = resourceGroup().location

        resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
          name: 'kv-broken-example'
          location: location
          properties: {
            tenantId: tenant().tenantId
            sku: {
              family: 'A'
              name: 'standard'
            }
            enableRbacAuthorization: true
            unknownSetting: true
          }
        }
        """;

    [Fact]
    public void Unknown_property_is_reported_by_build_although_the_exit_code_is_zero()
    {
        var path = Write("broken.bicep", TemplateWithUnknownProperty);

        var result = BicepCli.Run("build", path, "--stdout");

        // The reason the checks read the output: the CLI treats a type problem as a warning.
        Assert.Equal(0, result.ExitCode);
        var failures = result.Failures(readStdOut: false);
        Assert.Contains(failures, line => line.Contains("Warning BCP037", StringComparison.Ordinal)
            && line.Contains("unknownSetting", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_property_is_reported_by_lint()
    {
        var path = Write("broken.bicep", TemplateWithUnknownProperty);

        var result = BicepCli.Run("lint", path);

        Assert.Contains(result.Failures(readStdOut: true), line => line.Contains("BCP037", StringComparison.Ordinal));
    }

    [Fact]
    public void Linter_rule_violation_is_reported()
    {
        var path = Write("unused.bicep", """
            param unused string
            output answer int = 42
            """);

        var result = BicepCli.Run("lint", path);

        Assert.Contains(result.Failures(readStdOut: true), line => line.Contains("no-unused-params", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_parameter_in_a_parameter_file_is_reported()
    {
        Write("main.bicep", """
            param name string
            output greeting string = 'Hej ${name}'
            """);
        var parameters = Write("broken.bicepparam", """
            using './main.bicep'
            param name = 'Östersund'
            param notDeclared = 1
            """);

        var result = BicepCli.Run("build-params", parameters, "--stdout");

        Assert.NotEmpty(result.Failures(readStdOut: false));
    }
}
