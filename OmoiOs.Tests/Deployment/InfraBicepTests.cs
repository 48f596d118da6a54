using System.Text.Json;
using System.Text.RegularExpressions;
using OmoiOs.Tests.Deployment.Bicep;

namespace OmoiOs.Tests.Deployment;

/// <summary>The security and hosting properties infra/bicep must keep, read from its parsed source.</summary>
public sealed partial class InfraBicepTests
{
    private const string RoleDefinitionsType = "Microsoft.Authorization/roleDefinitions";
    private const string StorageAccountType = "Microsoft.Storage/storageAccounts";
    private const string AppInsightsType = "Microsoft.Insights/components";
    private const string KeyVaultType = "Microsoft.KeyVault/vaults";

    [Fact]
    public void Template_ReachesEveryModuleFile()
    {
        var reached = BicepSources.Template.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var onDisk = Directory.GetFiles(RepositoryFiles.PathOf("infra/bicep/modules"), "*.bicep")
            .Select(p => $"modules/{System.IO.Path.GetFileName(p)}");

        Assert.DoesNotContain(onDisk, p => !reached.Contains(p));
        Assert.Contains("main.bicep", reached);
    }

    [Fact]
    public void StorageAccount_DisablesSharedKeyAccess()
    {
        var properties = StorageAccountProperties();

        Assert.False(BoolValue(properties, "allowSharedKeyAccess"));
        Assert.True(BoolValue(properties, "defaultToOAuthAuthentication"));
    }

    [Fact]
    public void StorageAccount_RequiresTls12HttpsAndNoPublicBlobs()
    {
        var properties = StorageAccountProperties();

        Assert.Equal("TLS1_2", PlainString(properties, "minimumTlsVersion"));
        Assert.True(BoolValue(properties, "supportsHttpsTrafficOnly"));
        Assert.False(BoolValue(properties, "allowBlobPublicAccess"));
    }

    [Fact]
    public void FunctionApp_DeploysFromAContainerOfTheStorageAccountByIdentity()
    {
        var (file, container) = BicepSources.Template.SingleResource("Microsoft.Storage/storageAccounts/blobServices/containers");
        var deployment = Nested(Site().Resource.Properties!, "functionAppConfig", "deployment", "storage");

        Assert.Equal("storage.bicep", System.IO.Path.GetFileName(file.Path));
        Assert.Equal("None", PlainString(container.Properties!, "publicAccess"));
        Assert.Equal("blobContainer", PlainString(deployment, "type"));
        Assert.Equal("UserAssignedIdentity", PlainString(Nested(deployment, "authentication"), "type"));
    }

    [Fact]
    public void Plan_IsFlexConsumptionFc1OnLinux()
    {
        var plan = BicepSources.Template.SingleResource("Microsoft.Web/serverfarms").Resource;
        var sku = Assert.IsType<BicepObject>(plan.Declaration["sku"]);

        Assert.Equal("FC1", PlainString(sku, "name"));
        Assert.Equal("FlexConsumption", PlainString(sku, "tier"));
        Assert.True(BoolValue(plan.Properties!, "reserved"));
    }

    [Fact]
    public void FunctionApp_RunsDotnetIsolatedOnTheProjectsDotnetVersion()
    {
        var site = Site().Resource;
        var runtime = Nested(site.Properties!, "functionAppConfig", "runtime");
        var targetFramework = TargetFramework().Match(RepositoryFiles.Read("Directory.Build.props"));

        Assert.Equal("functionapp,linux", PlainString(site.Declaration, "kind"));
        Assert.Equal("dotnet-isolated", PlainString(runtime, "name"));
        Assert.True(targetFramework.Success, "Directory.Build.props names no netX.Y TargetFramework.");
        Assert.Equal(targetFramework.Groups[1].Value, PlainString(runtime, "version"));
    }

    [Fact]
    public void FunctionApp_UsesItsUserAssignedIdentityEverywhere()
    {
        var site = Site().Resource;
        var identity = Assert.IsType<BicepObject>(site.Declaration["identity"]);

        Assert.Equal("UserAssigned", PlainString(identity, "type"));
        Assert.IsType<BicepIdentifier>(site.Properties!["keyVaultReferenceIdentity"]);
        Assert.True(BoolValue(site.Properties!, "httpsOnly"));
        Assert.Equal("1.2", PlainString(Nested(site.Properties!, "siteConfig"), "minTlsVersion"));
    }

    [Fact]
    public void AppSettings_ReachHostStorageByIdentityOnly()
    {
        var settings = BicepSources.AppSettings;
        var names = BicepSources.AppSettingNames;

        Assert.Equal("managedidentity", PlainString(settings, "AzureWebJobsStorage__credential"));
        foreach (var key in new[] { "AzureWebJobsStorage__clientId", "AzureWebJobsStorage__blobServiceUri", "AzureWebJobsStorage__queueServiceUri", "AzureWebJobsStorage__tableServiceUri" })
        {
            Assert.True(settings[key] is not null and not BicepString { IsPlain: true }, $"{key} must be set from the deployment's identity/storage outputs.");
        }

        Assert.DoesNotContain("AzureWebJobsStorage", names);
        Assert.DoesNotContain("OMOI_STORAGE", names);
        Assert.DoesNotContain(names, n => n.Contains("CONNECTION_STRING", StringComparison.OrdinalIgnoreCase) && n != "APPLICATIONINSIGHTS_CONNECTION_STRING");
    }

    [Fact]
    public void AppSettings_LeaveTheRuntimeToFunctionAppConfig()
    {
        // Flex Consumption rejects these: the runtime and package come from functionAppConfig.
        string[] rejected = ["FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE", "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", "WEBSITE_CONTENTSHARE"];

        Assert.Empty(BicepSources.AppSettingNames.Intersect(rejected));
    }

    [Fact]
    public void AppSettings_AuthenticateTelemetryWithEntra()
    {
        var authentication = Assert.IsType<BicepString>(BicepSources.AppSettings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);

        Assert.Equal("ClientId=${…};Authorization=AAD", authentication.Shape);
        Assert.NotNull(BicepSources.AppSettings["APPLICATIONINSIGHTS_CONNECTION_STRING"]);
    }

    [Fact]
    public void AppSettings_RunTasksInDaytona()
    {
        Assert.Equal("daytona", PlainString(BicepSources.AppSettings, "OMOI_SANDBOX"));
    }

    [Theory]
    [InlineData("OMOI_OPENAI_API_KEY", "openai-api-key")]
    [InlineData("OMOI_ANTHROPIC_API_KEY", "anthropic-api-key")]
    [InlineData("OMOI_DAYTONA_API_KEY", "daytona-api-key")]
    [InlineData("ANTHROPIC_API_KEY", "agent-api-key")]
    public void AppSettings_ReferenceApiKeysInKeyVault(string setting, string secretName)
    {
        var reference = Assert.IsType<BicepString>(BicepSources.AppSettings[setting]);
        var secrets = BicepSources.Template.Resources("Microsoft.KeyVault/vaults/secrets")
            .Select(r => PlainString(r.Resource.Declaration, "name"));

        Assert.Equal($"@Microsoft.KeyVault(SecretUri=${{…}}secrets/{secretName})", reference.Shape);
        Assert.Contains(secretName, secrets);
    }

    [Fact]
    public void AppSettings_AzureOpenAiKey_ReferencesKeyVaultOnlyWhenChosen()
    {
        var choice = Assert.IsType<BicepTernary>(BicepSources.AppSettings["OMOI_AZURE_OPENAI_API_KEY"]);
        var secrets = BicepSources.Template.Resources("Microsoft.KeyVault/vaults/secrets")
            .Select(r => PlainString(r.Resource.Declaration, "name"));

        Assert.Equal("@Microsoft.KeyVault(SecretUri=${…}secrets/azure-openai-api-key)", Assert.IsType<BicepString>(choice.WhenTrue).Shape);
        Assert.Equal("", Assert.IsType<BicepString>(choice.WhenFalse).Value);
        Assert.Contains("azure-openai-api-key", secrets);
    }

    [Fact]
    public void AppSettings_EveryApiKeyIsAKeyVaultReference()
    {
        var keys = BicepSources.AppSettings.Properties.Where(p => p.Name!.EndsWith("_API_KEY", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(keys);
        Assert.Empty(keys.Where(p => !IsKeyVaultReferenceOrEmpty(p.Value)).Select(p => p.Name));
    }

    [Fact]
    public void KeyVault_AuthorizesWithRbac()
    {
        var vault = BicepSources.Template.SingleResource(KeyVaultType).Resource;

        Assert.True(BoolValue(vault.Properties!, "enableRbacAuthorization"));
        Assert.Null(vault.Properties!["accessPolicies"]);
    }

    [Theory]
    [InlineData("b7e6dc6d-f1e8-4753-8033-0f276bb0955b", StorageAccountType)]
    [InlineData("974c5e8b-45b9-4653-ba55-5f855dd0fb88", StorageAccountType)]
    [InlineData("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", StorageAccountType)]
    [InlineData("3913510d-42f4-4e42-8a64-420c390055eb", AppInsightsType)]
    [InlineData("4633458b-17de-408a-b874-0445c86b69e6", KeyVaultType)]
    public void RoleAssignments_GrantTheAppIdentityEachRoleOnItsResource(string roleDefinitionId, string scopeType)
    {
        var grants = IdentityGrants().Where(g => g.RoleDefinitionId == roleDefinitionId).ToList();

        var grant = Assert.Single(grants);
        Assert.Equal(scopeType, grant.ScopeType);
        Assert.Equal("ServicePrincipal", grant.PrincipalType);
    }

    [Fact]
    public void RoleAssignments_AppIdentityGetsNoOtherRole()
    {
        string[] expected =
        [
            "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "974c5e8b-45b9-4653-ba55-5f855dd0fb88", "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3",
            "3913510d-42f4-4e42-8a64-420c390055eb", "4633458b-17de-408a-b874-0445c86b69e6",
        ];

        Assert.Equal(expected.Order(StringComparer.Ordinal), IdentityGrants().Select(g => g.RoleDefinitionId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void RoleAssignments_GoToTheUserAssignedIdentityPrincipal()
    {
        var main = BicepSources.Template.Main;
        var rbac = Assert.Single(main.Modules, m => m.Path == "modules/rbac.bicep");
        var identityModule = Assert.Single(main.Modules, m => m.Path == "modules/identity.bicep");
        var identityFile = Assert.Single(BicepSources.Template.Files, f => f.Path == "modules/identity.bicep");

        var principal = Assert.IsType<BicepMemberAccess>(Nested(rbac.Declaration, "params")["identityPrincipalId"]);
        var outputs = Assert.IsType<BicepMemberAccess>(principal.Target);
        Assert.Equal(identityModule.Name, Assert.IsType<BicepIdentifier>(outputs.Target).Name);
        var output = Assert.Single(identityFile.Outputs, o => o.Name == principal.Member);
        var source = Assert.IsType<BicepMemberAccess>(output.Value);
        Assert.Equal("principalId", source.Member);
        var resource = identityFile.FindResource(Assert.IsType<BicepIdentifier>(Assert.IsType<BicepMemberAccess>(source.Target).Target).Name);
        Assert.Equal("Microsoft.ManagedIdentity/userAssignedIdentities", resource?.Type);
    }

    [Fact]
    public void Monitoring_DisablesLocalAuth()
    {
        var insights = BicepSources.Template.SingleResource(AppInsightsType).Resource;
        var workspace = BicepSources.Template.SingleResource("Microsoft.OperationalInsights/workspaces").Resource;

        Assert.True(BoolValue(insights.Properties!, "DisableLocalAuth"));
        Assert.True(BoolValue(Nested(workspace.Properties!, "features"), "disableLocalAuth"));
        Assert.IsType<BicepMemberAccess>(insights.Properties!["WorkspaceResourceId"]);
    }

    [Fact]
    public void SecureParameters_HaveNoDefault()
    {
        var secure = BicepSources.Template.Files.SelectMany(f => f.Params.Where(p => p.HasDecorator("secure")).Select(p => (f, p))).ToList();

        Assert.NotEmpty(secure);
        Assert.Empty(secure.Where(s => s.p.Default is not null).Select(s => $"{s.f.Path}:{s.p.Name}"));
    }

    [Fact]
    public void ParametersFile_TakesSecureParametersOnlyFromTheEnvironment()
    {
        using var parameters = JsonDocument.Parse(RepositoryFiles.Read(BicepSources.ParametersPath));
        var secureNames = BicepSources.Template.Main.Params.Where(p => p.HasDecorator("secure")).Select(p => p.Name).ToList();
        var values = parameters.RootElement.GetProperty("parameters");

        foreach (var name in secureNames)
        {
            Assert.True(values.TryGetProperty(name, out var entry), $"{BicepSources.ParametersPath} does not map secure parameter '{name}' (azd would prompt for it).");
            Assert.Matches(EnvironmentReference(), entry.GetProperty("value").GetString());
        }
    }

    [Fact]
    public void ParametersFile_NamesOnlyParametersOfMain()
    {
        using var parameters = JsonDocument.Parse(RepositoryFiles.Read(BicepSources.ParametersPath));
        var declared = BicepSources.Template.Main.Params.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

        var unknown = parameters.RootElement.GetProperty("parameters").EnumerateObject().Select(p => p.Name).Where(n => !declared.Contains(n)).ToList();

        Assert.True(unknown.Count == 0, $"{BicepSources.ParametersPath} sets parameters main.bicep does not declare: {string.Join(", ", unknown)}");
    }

    [Fact]
    public void Template_HasNoSecretLiteral()
    {
        var findings = BicepSources.Template.Files
            .SelectMany(f => f.AllExpressions().OfType<BicepString>().SelectMany(s => s.Literals)
                .SelectMany(SecretLiteralScanner.Findings).Select(x => $"{f.Path}: {x}"))
            .Concat(JsonStrings(RepositoryFiles.Read(BicepSources.ParametersPath)).SelectMany(SecretLiteralScanner.Findings).Select(x => $"main.parameters.json: {x}"))
            .Concat(SecretLiteralScanner.Findings(RepositoryFiles.Read("azure.yaml")).Select(x => $"azure.yaml: {x}"))
            .ToList();

        Assert.True(findings.Count == 0, "secret-looking literals:\n" + string.Join("\n", findings));
    }

    [Fact]
    public void Template_NeverReadsKeysOfAnyResource()
    {
        var keyReads = BicepSources.Template.Files
            .SelectMany(f => f.AllExpressions().OfType<BicepCall>().Where(c => c.Name.StartsWith("list", StringComparison.OrdinalIgnoreCase)).Select(c => $"{f.Path}:{c.Line} {c.Name}()"));

        Assert.Empty(keyReads);
    }

    [Fact]
    public void Network_IsOptionalAndJoinsTheFunctionApp()
    {
        var main = BicepSources.Template.Main;
        var toggle = Assert.Single(main.Params, p => p.Name == "vnetEnabled");
        var network = Assert.Single(main.Modules, m => m.Path == "modules/network.bicep");

        Assert.Equal("bool", toggle.Type);
        Assert.False(Assert.IsType<BicepBool>(toggle.Default).Value);
        Assert.Equal("vnetEnabled", Assert.IsType<BicepIdentifier>(Assert.IsType<BicepIf>(network.Body).Condition).Name);
        Assert.NotNull(Site().Resource.Properties!["virtualNetworkSubnetId"]);
        var delegation = BicepFile.Descendants(BicepSources.Template.SingleResource("Microsoft.Network/virtualNetworks/subnets").Resource.Body)
            .OfType<BicepString>().Where(s => s.IsPlain).Select(s => s.Value);
        Assert.Contains("Microsoft.App/environments", delegation);
    }

    [Theory]
    [InlineData("AZURE_FUNCTION_APP_NAME")]
    [InlineData("AZURE_FUNCTION_APP_HOSTNAME")]
    [InlineData("AZURE_STORAGE_ACCOUNT_NAME")]
    public void Main_OutputsWhatOperatorsNeed(string output)
    {
        var declared = Assert.Single(BicepSources.Template.Main.Outputs, o => o.Name == output);

        Assert.Equal("string", declared.Type);
    }

    /// <summary>A Key Vault reference, an empty string, or a choice between those: never a parameter or a literal key.</summary>
    private static bool IsKeyVaultReferenceOrEmpty(BicepExpression value) => value switch
    {
        BicepString { IsPlain: true, Value: "" } => true,
        BicepString text => text.Shape.StartsWith("@Microsoft.KeyVault(SecretUri=${…}secrets/", StringComparison.Ordinal) && text.Shape.EndsWith(')'),
        BicepTernary choice => IsKeyVaultReferenceOrEmpty(choice.WhenTrue) && IsKeyVaultReferenceOrEmpty(choice.WhenFalse),
        _ => false,
    };

    private static BicepObject StorageAccountProperties() =>
        BicepSources.Template.SingleResource(StorageAccountType).Resource.Properties!;

    private static (BicepFile File, BicepResource Resource) Site() => BicepSources.Template.SingleResource("Microsoft.Web/sites");

    /// <summary>Role assignments in rbac.bicep (the app identity's), with role ids and scopes resolved.</summary>
    private static IEnumerable<(string RoleDefinitionId, string ScopeType, string PrincipalType)> IdentityGrants()
    {
        var rbac = Assert.Single(BicepSources.Template.Files, f => f.Path == "modules/rbac.bicep");
        foreach (var assignment in rbac.Resources.Where(r => r.Type == "Microsoft.Authorization/roleAssignments"))
        {
            var properties = assignment.Properties!;
            var roleDefinition = Assert.IsType<BicepCall>(properties["roleDefinitionId"]);
            Assert.Equal("subscriptionResourceId", roleDefinition.Name);
            Assert.Equal(RoleDefinitionsType, Assert.IsType<BicepString>(roleDefinition.Arguments[0]).Value);
            var roleId = Assert.IsType<BicepString>(rbac.Resolve(roleDefinition.Arguments[1])).Value;
            Assert.Equal("identityPrincipalId", Assert.IsType<BicepIdentifier>(properties["principalId"]).Name);
            var scope = Assert.IsType<BicepIdentifier>(assignment.Declaration["scope"]);
            var scopeResource = rbac.FindResource(scope.Name) ?? throw new InvalidOperationException($"rbac.bicep: scope '{scope.Name}' is not a resource.");
            yield return (roleId, scopeResource.Type, PlainString(properties, "principalType"));
        }
    }

    private static BicepObject Nested(BicepObject root, params string[] names)
    {
        var current = root;
        foreach (var name in names)
        {
            current = current[name] as BicepObject ?? throw new InvalidOperationException($"no object '{name}' at line {current.Line}.");
        }

        return current;
    }

    private static string PlainString(BicepObject value, string name) =>
        value[name] is BicepString { IsPlain: true } text ? text.Value : throw new InvalidOperationException($"'{name}' at line {value.Line} is not a plain string.");

    private static bool BoolValue(BicepObject value, string name) =>
        value[name] is BicepBool flag ? flag.Value : throw new InvalidOperationException($"'{name}' at line {value.Line} is not a true/false literal.");

    private static IEnumerable<string> JsonStrings(string json)
    {
        using var document = JsonDocument.Parse(json);
        var stack = new Stack<JsonElement>([document.RootElement.Clone()]);
        while (stack.TryPop(out var element))
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        stack.Push(property.Value);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        stack.Push(item);
                    }

                    break;
                case JsonValueKind.String:
                    yield return element.GetString()!;
                    break;
            }
        }
    }

    [GeneratedRegex(@"<TargetFramework>net(\d+\.\d+)</TargetFramework>")]
    private static partial Regex TargetFramework();

    [GeneratedRegex(@"^\$\{[A-Z][A-Z0-9_]*\}$")]
    private static partial Regex EnvironmentReference();
}
