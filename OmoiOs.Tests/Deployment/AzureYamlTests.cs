using System.Text.RegularExpressions;
using OmoiOs.Tests.Deployment.Bicep;

namespace OmoiOs.Tests.Deployment;

/// <summary>azure.yaml (read line by line: no YAML library here) against the Bicep it deploys.</summary>
public sealed partial class AzureYamlTests
{
    private static readonly string Yaml = RepositoryFiles.Read("azure.yaml");

    [Fact]
    public void Infra_PointsAtMainBicep()
    {
        Assert.Matches(Line("provider", "bicep"), Yaml);
        Assert.Matches(Line("path", "infra/bicep"), Yaml);
        Assert.Matches(Line("module", "main"), Yaml);
        Assert.True(File.Exists(RepositoryFiles.PathOf("infra/bicep/main.bicep")));
    }

    [Fact]
    public void Service_DeploysTheFunctionsProjectAsAFunction()
    {
        var project = Line("project", @"\./OmoiOs\.Functions").Match(Yaml);

        Assert.True(project.Success, "azure.yaml has no service with project ./OmoiOs.Functions.");
        Assert.True(File.Exists(RepositoryFiles.PathOf("OmoiOs.Functions/OmoiOs.Functions.csproj")));
        Assert.Matches(Line("language", "dotnet"), Yaml);
        Assert.Matches(Line("host", "function"), Yaml);
    }

    [Fact]
    public void ServiceName_MatchesTheSiteTagAzdLooksFor()
    {
        var service = ServiceName().Match(Yaml);
        var site = BicepSources.Template.SingleResource("Microsoft.Web/sites").Resource;
        var tag = BicepFile.Descendants(site.Declaration["tags"]!).OfType<BicepObject>()
            .Select(o => o["azd-service-name"]).OfType<BicepString>().Single();

        Assert.True(service.Success, "azure.yaml declares no service.");
        Assert.Equal(service.Groups[1].Value, tag.Value);
    }

    private static Regex Line(string key, string valuePattern) => new($@"(?m)^\s*{key}:\s*{valuePattern}\s*$");

    [GeneratedRegex(@"(?m)^services:\s*\n\s+([A-Za-z0-9-]+):\s*$")]
    private static partial Regex ServiceName();
}
