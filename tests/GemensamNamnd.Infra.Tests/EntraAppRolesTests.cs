using System.Text.Json.Nodes;

namespace GemensamNamnd.Infra.Tests;

/// <summary>infra/entra/app-roles.json: the app roles the README's az ad app create uses.</summary>
public class EntraAppRolesTests
{
    private static JsonArray Roles() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(InfraFiles.InfraDirectory, "entra", "app-roles.json")))!.AsArray();

    [Theory]
    [InlineData("Handlaggare", "User")]
    [InlineData("Dataskyddsombud", "User")]
    [InlineData("Administrator", "User")]
    [InlineData("EStrateg", "User")]
    [InlineData("Intake.Requests", "Application")]
    [InlineData("Intake.Breaches", "Application")]
    public void Role_exists_for_its_member_type(string value, string memberType)
    {
        var role = Assert.Single(Roles(), r => r!["value"]!.GetValue<string>() == value)!;
        Assert.Equal([memberType], role["allowedMemberTypes"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.True(role["isEnabled"]!.GetValue<bool>());
        Assert.True(Guid.TryParse(role["id"]!.GetValue<string>(), out _));
    }

    [Fact]
    public void Role_ids_are_unique_and_there_are_no_others()
    {
        var roles = Roles();
        Assert.Equal(6, roles.Count);
        Assert.Equal(6, roles.Select(r => r!["id"]!.GetValue<string>()).Distinct().Count());
    }
}
