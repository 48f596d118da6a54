namespace OmoiOs.Tests.Deployment.Bicep;

public sealed class BicepTemplateTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("omoi-bicep-").FullName;

    [Fact]
    public void Load_FollowsModulesRelativeToEachFile()
    {
        Write("main.bicep", "module a 'modules/a.bicep' = {\n  name: 'a'\n}\nmodule remote 'br/public:avm/res/x:1.0' = {\n  name: 'r'\n}");
        Write("modules/a.bicep", "module b 'b.bicep' = {\n  name: 'b'\n}\nresource s 'Microsoft.Storage/storageAccounts@2023-05-01' = {\n  name: 's'\n}");
        Write("modules/b.bicep", "module again 'a.bicep' = {\n  name: 'a'\n}");

        var template = BicepTemplate.Load(Path.Combine(_root, "main.bicep"));

        Assert.Equal(["main.bicep", "modules/a.bicep", "modules/b.bicep"], template.Files.Select(f => f.Path));
        Assert.Equal("modules/a.bicep", template.SingleResource("Microsoft.Storage/storageAccounts").File.Path);
    }

    [Fact]
    public void Load_MissingModule_Throws()
    {
        Write("main.bicep", "module a 'modules/missing.bicep' = {\n  name: 'a'\n}");

        var exception = Assert.Throws<FileNotFoundException>(() => BicepTemplate.Load(Path.Combine(_root, "main.bicep")));

        Assert.Contains("modules/missing.bicep", exception.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
