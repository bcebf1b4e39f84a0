using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace GemensamNamnd.Infra.Tests;

/// <summary>What the compiled templates and parameter files say, beyond compiling cleanly.</summary>
public partial class TemplateContentTests(CompiledTemplates compiled) : IClassFixture<CompiledTemplates>
{
    [Fact]
    public void Prod_enables_zone_redundant_ha_and_geo_redundant_backup()
    {
        Assert.Equal("ZoneRedundant", compiled.ProdParameters["postgresHighAvailabilityMode"]?["value"]?.GetValue<string>());
        Assert.True(compiled.ProdParameters["postgresGeoRedundantBackup"]?["value"]?.GetValue<bool>());
    }

    [Fact]
    public void Test_environment_runs_without_ha_or_geo_backup()
    {
        Assert.Equal("Disabled", compiled.TestParameters["postgresHighAvailabilityMode"]?["value"]?.GetValue<string>());
        Assert.False(compiled.TestParameters["postgresGeoRedundantBackup"]?["value"]?.GetValue<bool>());
    }

    [Fact]
    public void Ha_and_geo_backup_parameters_reach_the_flexible_server()
    {
        // main.bicep → postgres module parameters → the server's properties.
        var module = compiled.ModuleContaining("Microsoft.DBforPostgreSQL/flexibleServers");
        var parameters = module["properties"]!["parameters"]!;
        Assert.Equal("[parameters('postgresHighAvailabilityMode')]", parameters["highAvailabilityMode"]?["value"]?.GetValue<string>());
        Assert.Equal("[parameters('postgresGeoRedundantBackup')]", parameters["geoRedundantBackup"]?["value"]?.GetValue<string>());

        var template = module["properties"]!["template"]!.AsObject();
        var server = CompiledTemplates.Resources(template)
            .Single(r => CompiledTemplates.Type(r) == "Microsoft.DBforPostgreSQL/flexibleServers" && r["condition"] is null);
        var properties = server["properties"]!;
        Assert.Equal("[parameters('version')]", properties["version"]!.GetValue<string>());
        Assert.Equal("16", template["parameters"]!["version"]!["defaultValue"]!.GetValue<string>());
        Assert.Equal("[parameters('highAvailabilityMode')]", properties["highAvailability"]!["mode"]!.GetValue<string>());
        Assert.Equal("[if(parameters('geoRedundantBackup'), 'Enabled', 'Disabled')]", properties["backup"]!["geoRedundantBackup"]!.GetValue<string>());

        // Private access only: delegated subnet + private DNS zone, no public endpoint.
        var network = template["variables"]!["network"]!;
        Assert.Equal("Disabled", network["publicNetworkAccess"]!.GetValue<string>());
        Assert.Equal("[parameters('delegatedSubnetId')]", network["delegatedSubnetResourceId"]!.GetValue<string>());
        Assert.Equal("[parameters('privateDnsZoneId')]", network["privateDnsZoneArmResourceId"]!.GetValue<string>());

        var database = Assert.Single(CompiledTemplates.Resources(template), r => CompiledTemplates.Type(r) == "Microsoft.DBforPostgreSQL/flexibleServers/databases");
        Assert.Equal("gemensamnamnd", template["parameters"]!["databaseName"]!["defaultValue"]!.GetValue<string>());
        Assert.Contains("parameters('databaseName')", CompiledTemplates.Name(database), StringComparison.Ordinal);
    }

    [Fact]
    public void Staging_slot_switches_hangfire_off_with_a_sticky_setting()
    {
        var resources = CompiledTemplates.Resources(compiled.Main).ToList();

        var sticky = Assert.Single(resources, r => CompiledTemplates.Type(r) == "Microsoft.Web/sites/config"
            && CompiledTemplates.Name(r)!.Contains("'slotConfigNames'", StringComparison.Ordinal));
        var stickyNames = sticky["properties"]!["appSettingNames"]!.AsArray().Select(n => n!.GetValue<string>());
        Assert.Contains("Hangfire__ServerEnabled", stickyNames);

        var staging = Assert.Single(resources, r => CompiledTemplates.Type(r) == "Microsoft.Web/sites/slots/config"
            && CompiledTemplates.Name(r)!.Contains("'staging', 'appsettings'", StringComparison.Ordinal));
        Assert.Equal("false", SettingValue(staging, "Hangfire__ServerEnabled"));

        var production = Assert.Single(resources, r => CompiledTemplates.Type(r) == "Microsoft.Web/sites/config"
            && CompiledTemplates.Name(r)!.Contains("'appsettings'", StringComparison.Ordinal));
        Assert.Equal("true", SettingValue(production, "Hangfire__ServerEnabled"));
    }

    [Fact]
    public void Web_app_runs_dotnet_10_securely_with_a_readiness_health_check()
    {
        var resources = CompiledTemplates.Resources(compiled.Main).ToList();
        var module = compiled.ModuleContaining("Microsoft.Web/sites/slots");
        var siteConfig = module["properties"]!["template"]!["variables"]!["siteConfig"]!;
        Assert.Equal("DOTNETCORE|10.0", siteConfig["linuxFxVersion"]!.GetValue<string>());
        Assert.Equal("/health/ready", siteConfig["healthCheckPath"]!.GetValue<string>());
        Assert.Equal("1.2", siteConfig["minTlsVersion"]!.GetValue<string>());
        Assert.Equal("Disabled", siteConfig["ftpsState"]!.GetValue<string>());

        foreach (var type in new[] { "Microsoft.Web/sites", "Microsoft.Web/sites/slots" })
        {
            var site = Assert.Single(resources, r => CompiledTemplates.Type(r) == type && r["identity"] is not null);
            Assert.Equal("SystemAssigned", site["identity"]!["type"]!.GetValue<string>());
            Assert.True(site["properties"]!["httpsOnly"]!.GetValue<bool>());
            Assert.Equal("[variables('siteConfig')]", site["properties"]!["siteConfig"]!.GetValue<string>());
            Assert.NotNull(site["properties"]!["virtualNetworkSubnetId"]);
        }
    }

    public static TheoryData<string> RequiredAppSettings() =>
    [
        "ASPNETCORE_ENVIRONMENT", "Database__Provider", "ConnectionStrings__App", "ConnectionStrings__Owner",
        "ConnectionStrings__Aggregates", "PersonalData__HashKey", "AzureAd__Instance", "AzureAd__TenantId",
        "AzureAd__ClientId", "AzureAd__ClientSecret", "Mail__Host", "Mail__Port", "Mail__UserName",
        "Mail__Password", "Mail__From", "Demo__Enabled", "DataProtection__KeyVaultKeyId",
        "APPLICATIONINSIGHTS_CONNECTION_STRING", "OTEL_EXPORTER_OTLP_ENDPOINT",
        "Documents__Store", "Documents__BlobAccountUrl", "Documents__BlobContainer",
    ];

    [Theory]
    [MemberData(nameof(RequiredAppSettings))]
    public void App_setting_the_application_reads_is_set(string name) =>
        Assert.Contains($"'{name}', ", SharedSettings(), StringComparison.Ordinal);

    [Theory]
    [InlineData("ASPNETCORE_ENVIRONMENT", "'Production'")]
    [InlineData("Database__Provider", "'Postgres'")]
    [InlineData("AzureAd__TenantId", "'organizations'")]
    [InlineData("Demo__Enabled", "'false'")]
    [InlineData("Documents__Store", "'AzureBlob'")]
    [InlineData("Documents__BlobAccountUrl", "reference('documentStorage').outputs.blobEndpoint.value")]
    [InlineData("Documents__BlobContainer", "reference('documentStorage').outputs.containerName.value")]
    // https://login.microsoftonline.com/ in the public cloud, without a hard-coded host (linter rule).
    [InlineData("AzureAd__Instance", "environment().authentication.loginEndpoint")]
    [InlineData("DataProtection__KeyVaultKeyId", "reference('keyVault').outputs.dataProtectionKeyUri.value")]
    [InlineData("APPLICATIONINSIGHTS_CONNECTION_STRING", "reference('monitoring').outputs.appInsightsConnectionString.value")]
    [InlineData("ConnectionStrings__App", "__bicep.secretReference(reference('keyVault').outputs.uri.value, 'ConnectionStrings--App')")]
    [InlineData("ConnectionStrings__Owner", "__bicep.secretReference(reference('keyVault').outputs.uri.value, 'ConnectionStrings--Owner')")]
    [InlineData("ConnectionStrings__Aggregates", "__bicep.secretReference(reference('keyVault').outputs.uri.value, 'ConnectionStrings--Aggregates')")]
    [InlineData("PersonalData__HashKey", "__bicep.secretReference(reference('keyVault').outputs.uri.value, 'PersonalData--HashKey')")]
    [InlineData("AzureAd__ClientSecret", "__bicep.secretReference(reference('keyVault').outputs.uri.value, 'AzureAd--ClientSecret')")]
    [InlineData("Mail__Password", "__bicep.secretReference(reference('keyVault').outputs.uri.value, 'Mail--Password')")]
    public void App_setting_has_its_value(string name, string expression) =>
        Assert.Contains($"'{name}', {expression}", SharedSettings(), StringComparison.Ordinal);

    [Fact]
    public void Secret_reference_is_a_key_vault_secret_uri()
    {
        var function = compiled.Main["functions"]![0]!["members"]!["secretReference"]!["output"]!["value"]!.GetValue<string>();
        Assert.Equal("[format('@Microsoft.KeyVault(SecretUri={0}secrets/{1})', parameters('vaultUri'), parameters('secretName'))]", function);
    }

    [Fact]
    public void Data_protection_key_is_rsa_3072_in_a_protected_vault()
    {
        var resources = CompiledTemplates.Resources(compiled.Main).ToList();
        var key = Assert.Single(resources, r => CompiledTemplates.Type(r) == "Microsoft.KeyVault/vaults/keys");
        Assert.Equal("RSA", key["properties"]!["kty"]!.GetValue<string>());
        Assert.Equal(3072, key["properties"]!["keySize"]!.GetValue<int>());

        var vault = Assert.Single(resources, r => CompiledTemplates.Type(r) == "Microsoft.KeyVault/vaults" && r["properties"] is not null);
        Assert.True(vault["properties"]!["enableRbacAuthorization"]!.GetValue<bool>());
        Assert.True(vault["properties"]!["enableSoftDelete"]!.GetValue<bool>());
        Assert.True(vault["properties"]!["enablePurgeProtection"]!.GetValue<bool>());
    }

    [Fact]
    public void The_web_app_identities_get_secrets_user_and_crypto_user()
    {
        var module = compiled.ModuleNamed("keyvault-access");
        var text = module.ToJsonString();
        Assert.Contains("4633458b-17de-408a-b874-0445c86b69e6", text, StringComparison.Ordinal); // Key Vault Secrets User
        Assert.Contains("12338af0-0e69-4776-bea7-57ae8d297424", text, StringComparison.Ordinal); // Key Vault Crypto User
        var principals = module["properties"]!["parameters"]!["principalIds"]!["value"]!.AsArray();
        Assert.Equal(2, principals.Count); // the production slot and the staging slot
    }

    [Fact]
    public void Documents_are_in_a_private_container_reached_by_the_web_app_identities()
    {
        var module = compiled.ModuleNamed("document-storage");
        var resources = CompiledTemplates.Resources(module["properties"]!["template"]!.AsObject()).ToList();
        var account = Assert.Single(resources, r => CompiledTemplates.Type(r) == "Microsoft.Storage/storageAccounts");
        var properties = account["properties"]!;
        Assert.False(properties["allowBlobPublicAccess"]!.GetValue<bool>());
        Assert.False(properties["allowSharedKeyAccess"]!.GetValue<bool>());
        Assert.Equal("TLS1_2", properties["minimumTlsVersion"]!.GetValue<string>());
        Assert.True(properties["supportsHttpsTrafficOnly"]!.GetValue<bool>());
        var container = Assert.Single(resources, r => CompiledTemplates.Type(r) == "Microsoft.Storage/storageAccounts/blobServices/containers");
        Assert.Equal("None", container["properties"]!["publicAccess"]!.GetValue<string>());
        var text = module.ToJsonString();
        Assert.Contains("ba92f5b4-2d11-453d-a403-e96b0029c9fe", text, StringComparison.Ordinal); // Storage Blob Data Contributor
        Assert.Equal(2, module["properties"]!["parameters"]!["principalIds"]!["value"]!.AsArray().Count); // both slots
    }

    [Fact]
    public void Time_zone_is_not_set()
    {
        // The application stores UTC; WEBSITE_TIME_ZONE would shift DateTime.Now on the host.
        Assert.DoesNotContain("WEBSITE_TIME_ZONE", compiled.MainJson, StringComparison.Ordinal);
    }

    [Fact]
    public void Alerts_watch_outbox_failures_the_reminder_sweep_and_health()
    {
        var resources = CompiledTemplates.Resources(compiled.Main).ToList();
        var rules = resources.Where(r => CompiledTemplates.Type(r) == "Microsoft.Insights/scheduledQueryRules").ToList();
        var queries = rules.Select(r => r["properties"]!["criteria"]!["allOf"]![0]!).ToList();

        var outbox = Assert.Single(queries, q => q["query"]!.GetValue<string>().Contains("Outbox message failed", StringComparison.Ordinal));
        Assert.Equal("GreaterThan", outbox["operator"]!.GetValue<string>());

        var sweep = Assert.Single(queries, q => q["query"]!.GetValue<string>().Contains("Reminder sweep completed", StringComparison.Ordinal));
        Assert.Equal("LessThan", sweep["operator"]!.GetValue<string>());
        var sweepRule = Assert.Single(rules, r => r["properties"]!["criteria"]!["allOf"]![0] == sweep);
        Assert.Equal("PT45M", sweepRule["properties"]!["windowSize"]!.GetValue<string>());

        var health = Assert.Single(resources, r => CompiledTemplates.Type(r) == "Microsoft.Insights/metricAlerts");
        var criterion = health["properties"]!["criteria"]!["allOf"]![0]!;
        Assert.Equal("HealthCheckStatus", criterion["metricName"]!.GetValue<string>());
        Assert.Equal("LessThan", criterion["operator"]!.GetValue<string>());
        Assert.Equal(100, criterion["threshold"]!.GetValue<int>());

        Assert.Single(resources, r => CompiledTemplates.Type(r) == "Microsoft.Insights/actionGroups");
        Assert.Single(resources, r => CompiledTemplates.Type(r) == "Microsoft.Insights/autoscalesettings");
    }

    [Fact]
    public void No_secret_value_is_committed_in_a_parameter_file()
    {
        var secure = compiled.Main["parameters"]!.AsObject()
            .Where(p => p.Value!["type"]!.GetValue<string>() is "securestring" or "secureObject")
            .Select(p => p.Key)
            .ToList();
        Assert.NotEmpty(secure);

        foreach (var parameters in new[] { compiled.TestParameters, compiled.ProdParameters })
        {
            foreach (var name in secure)
            {
                // Unset, or read from an environment variable that is empty here: never a literal.
                var value = parameters[name]?["value"]?.GetValue<string>();
                Assert.True(string.IsNullOrEmpty(value), $"{name} has a value in a committed parameter file");
            }
        }

        foreach (var file in Directory.EnumerateFiles(Path.Combine(InfraFiles.InfraDirectory, "env"), "*.bicepparam"))
        {
            foreach (var name in secure)
            {
                var assignment = File.ReadLines(file).SingleOrDefault(l => l.StartsWith($"param {name} ", StringComparison.Ordinal));
                Assert.True(assignment is null || assignment.Contains("readEnvironmentVariable(", StringComparison.Ordinal),
                    $"{Path.GetFileName(file)}: {assignment}");
            }
        }
    }

    /// <summary>
    /// The settings both slots share: the expression main.json passes to the appsettings module
    /// (union(createObject('Name', value, …), …)).
    /// </summary>
    private string SharedSettings() =>
        compiled.ModuleContaining("Microsoft.Web/sites/slots/config")["properties"]!["parameters"]!["settings"]!["value"]!.GetValue<string>();

    /// <summary>
    /// The value an appsettings resource gives a setting: its properties are either an object or a
    /// union(…, createObject('Name', 'value')) expression over the shared settings.
    /// </summary>
    private static string? SettingValue(JsonObject resource, string name)
    {
        var properties = resource["properties"]!;
        if (properties is JsonObject literal)
        {
            return literal[name]?.GetValue<string>();
        }

        var match = Regex.Match(properties.GetValue<string>(), $@"createObject\('{Regex.Escape(name)}', '([^']*)'\)");
        return match.Success ? match.Groups[1].Value : null;
    }
}
