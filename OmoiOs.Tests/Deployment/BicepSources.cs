using OmoiOs.Tests.Deployment.Bicep;

namespace OmoiOs.Tests.Deployment;

/// <summary>The repository's deployment, parsed once for all deployment tests.</summary>
internal static class BicepSources
{
    public const string MainPath = "infra/bicep/main.bicep";
    public const string ParametersPath = "infra/bicep/main.parameters.json";

    private static readonly Lazy<BicepTemplate> LazyTemplate = new(() => BicepTemplate.Load(RepositoryFiles.PathOf(MainPath)));

    public static BicepTemplate Template => LazyTemplate.Value;

    /// <summary>The literal object of the function app's <c>appsettings</c> config resource.</summary>
    public static BicepObject AppSettings
    {
        get
        {
            var settings = Template.Resources("Microsoft.Web/sites/config")
                .Where(r => r.Resource.Declaration["name"] is BicepString { IsPlain: true, Value: "appsettings" })
                .ToList();
            Assert.True(settings.Count == 1, $"expected one Microsoft.Web/sites/config 'appsettings' resource, found {settings.Count}.");
            return Assert.IsType<BicepObject>(settings[0].Resource.Properties);
        }
    }

    public static IReadOnlyList<string> AppSettingNames =>
        AppSettings.Properties.Select(p => p.Name ?? throw new InvalidOperationException("an app setting name is interpolated")).ToList();
}
