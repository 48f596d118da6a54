using OmoiOs.Core.Planning.Outputs;
using OmoiOs.Infrastructure.Planners.Heuristic;

namespace OmoiOs.Tests.Infrastructure.Planners.Heuristic;

public sealed class HeuristicDesignWriterTests
{
    private static DesignOutput Design(string title, string description, out RequirementsOutput requirements)
    {
        requirements = HeuristicRequirementsWriter.Write(title, description, PlannerFeedback.None);
        return HeuristicDesignWriter.Write(title, requirements, Snapshots.SampleAppProfile(), []);
    }

    [Fact]
    public void Write_GreetingSpec_ComponentsAreTheFilesItTouches()
    {
        var design = Design(Specs.GreetingTitle, Specs.Greeting, out _);

        Assert.Equal(
            [("sample_app/greeting.py", "module"), ("sample_app/cli.py", "cli"), ("scripts/greet.sh", "script"), ("README.md", "documentation")],
            design.Components.Select(c => (c.FilePath, c.Type)));
        Assert.Equal(["Greeting"], design.Components.Single(c => c.Name == "Cli").Dependencies);
        Assert.Empty(design.ApiEndpoints);
    }

    [Fact]
    public void Write_SpecNamesADeclarationFile_BehaviourGoesToTheCodeItDeclaresAndTypesToTheDeclarations()
    {
        var profile = RepositoryProfiler.Profile(Snapshots.Of(["index.js", "index.d.ts", "index.test-d.ts", "test.js", "readme.md"], ("package.json", """{ "name": "slugify", "type": "module", "scripts": { "test": "ava" } }""")));
        const string description = """
            - The `slugify` function accepts a `maxLength` option; when it is given, the returned slug is at most that many characters long.
            - If `maxLength` is not a positive integer, `slugify` throws a TypeError naming the option.
            - The TypeScript definitions in index.d.ts document the `maxLength` option.
            """;
        var requirements = HeuristicRequirementsWriter.Write("Maximum slug length", description, PlannerFeedback.None);

        var design = HeuristicDesignWriter.Write("Maximum slug length", requirements, profile, ["index.d.ts"]);

        var byFile = design.Components.ToDictionary(c => c.FilePath, c => c.Requirements.Count);
        Assert.Equal(1, byFile["index.d.ts"]);
        Assert.Equal(requirements.Requirements.Count - 1, byFile["index.js"]);
    }

    [Fact]
    public void Write_AnySpec_EveryRequirementServedByAComponent()
    {
        foreach (var (title, description) in new[] { (Specs.GreetingTitle, Specs.Greeting), (Specs.ExportTitle, Specs.Export), (Specs.AuditTitle, Specs.Audit), (Specs.OneLinerTitle, Specs.OneLiner) })
        {
            var design = Design(title, description, out var requirements);

            Assert.Equal(
                requirements.Requirements.Select(r => r.Id).Order(),
                design.Components.SelectMany(c => c.Requirements).Order());
        }
    }

    [Fact]
    public void Write_ExportSpec_ModelEndpointAndNewModule()
    {
        var design = Design(Specs.ExportTitle, Specs.Export, out _);

        var model = Assert.Single(design.DataModels);
        Assert.Equal("Greeting", model.Name);
        Assert.Equal(["id", "name", "message", "created_at"], model.Fields.Select(f => f.Name));
        Assert.Equal("datetime", model.Fields[3].Type);
        var endpoint = Assert.Single(design.ApiEndpoints);
        Assert.Equal(("GET", "/api/greetings/export", true), (endpoint.Method, endpoint.Path, endpoint.AuthRequired));
        Assert.Contains(design.Components, c => c.FilePath == "sample_app/csv_export_greetings.py");
    }

    [Fact]
    public void Write_UnwantedBehaviour_NamedInErrorHandling()
    {
        var design = Design(Specs.GreetingTitle, Specs.Greeting, out _);

        Assert.Contains("REQ-GREETING-FUNC-004", design.ErrorHandling, StringComparison.Ordinal);
        Assert.Contains("tests/test_cli.py for sample_app/cli.py", design.TestingStrategy, StringComparison.Ordinal);
    }
}
