namespace OmoiOs.Tests.Deployment.Bicep;

public sealed class BicepFileTests
{
    [Fact]
    public void Resolve_VarChain_ReturnsTheFinalValue()
    {
        var file = BicepFile.Parse("t.bicep", "var role = owner\nvar owner = 'b7e6'\nparam p string");

        Assert.Equal("b7e6", Assert.IsType<BicepString>(file.Resolve(new BicepIdentifier(1, "role"))).Value);
        Assert.IsType<BicepIdentifier>(file.Resolve(new BicepIdentifier(1, "p")));
    }

    [Fact]
    public void Resolve_SelfReferencingVar_Stops()
    {
        var file = BicepFile.Parse("t.bicep", "var a = b\nvar b = a");

        Assert.IsType<BicepIdentifier>(file.Resolve(new BicepIdentifier(1, "a")));
    }

    [Fact]
    public void AllExpressions_IncludesDecoratorsHolesAndNestedValues()
    {
        var file = BicepFile.Parse("t.bicep", "@description('d')\nparam p string = 'x${q}'\nresource r 'A/b@1' = {\n  properties: {\n    v: [\n      'deep'\n    ]\n  }\n}");

        var strings = file.AllExpressions().OfType<BicepString>().Select(s => s.Shape).ToList();
        Assert.Equal(["d", "x${…}", "deep"], strings);
        Assert.Contains(file.AllExpressions(), e => e is BicepIdentifier { Name: "q" });
    }

    [Fact]
    public void Parse_Malformed_PrefixesTheFilePath()
    {
        var exception = Assert.Throws<FormatException>(() => BicepFile.Parse("modules/x.bicep", "var = 1"));

        Assert.StartsWith("modules/x.bicep: line 1", exception.Message, StringComparison.Ordinal);
    }
}
