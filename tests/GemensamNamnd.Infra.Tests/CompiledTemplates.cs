using System.Text.Json.Nodes;

namespace GemensamNamnd.Infra.Tests;

/// <summary>main.bicep and both parameter files, compiled once for the tests that read them.</summary>
public sealed class CompiledTemplates
{
    public CompiledTemplates()
    {
        MainJson = Compile("build", InfraFiles.MainTemplate);
        Main = JsonNode.Parse(MainJson)!.AsObject();
        TestParameters = CompileParameters("test");
        ProdParameters = CompileParameters("prod");
    }

    public string MainJson { get; }

    public JsonObject Main { get; }

    /// <summary>The "parameters" object of the compiled test.bicepparam.</summary>
    public JsonObject TestParameters { get; }

    /// <summary>The "parameters" object of the compiled prod.bicepparam.</summary>
    public JsonObject ProdParameters { get; }

    private static string Compile(string command, string path)
    {
        var result = BicepCli.Run(command, path, "--stdout");
        Assert.True(result.Failures(readStdOut: false).Count == 0, result.Describe(readStdOut: false));
        return result.StdOut;
    }

    private static JsonObject CompileParameters(string environment)
    {
        var output = JsonNode.Parse(Compile("build-params", Path.Combine(InfraFiles.InfraDirectory, "env", environment + ".bicepparam")))!;
        var parametersJson = output["parametersJson"]!.GetValue<string>();
        return JsonNode.Parse(parametersJson)!["parameters"]!.AsObject();
    }

    /// <summary>Every resource in the template and in its nested module templates, depth first.</summary>
    public static IEnumerable<JsonObject> Resources(JsonObject template)
    {
        var resources = template["resources"] switch
        {
            JsonArray array => array.OfType<JsonObject>(),
            // languageVersion 2.0 keys resources by symbolic name.
            JsonObject byName => byName.Select(pair => pair.Value).OfType<JsonObject>(),
            _ => [],
        };

        foreach (var resource in resources)
        {
            yield return resource;
            if (resource["properties"] is JsonObject properties && properties["template"] is JsonObject nested)
            {
                foreach (var inner in Resources(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>The module deployment (Microsoft.Resources/deployments) whose template holds a resource of this type.</summary>
    public JsonObject ModuleContaining(string resourceType) =>
        Resources(Main)
            .Where(r => r["type"]?.GetValue<string>() == "Microsoft.Resources/deployments")
            .Single(r => r["properties"] is JsonObject properties && properties["template"] is JsonObject nested
                && Resources(nested).Any(inner => inner["type"]?.GetValue<string>() == resourceType));

    /// <summary>The module deployment named <paramref name="name"/> (its <c>name</c> in main.bicep).</summary>
    public JsonObject ModuleNamed(string name) =>
        Resources(Main).Single(r => r["type"]?.GetValue<string>() == "Microsoft.Resources/deployments" && r["name"]?.GetValue<string>() == name);

    public static string? Type(JsonObject resource) => resource["type"]?.GetValue<string>();

    public static string? Name(JsonObject resource) => resource["name"]?.GetValue<string>();
}
