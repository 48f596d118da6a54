using OmoiOs.Core.Planning.Grounding;
using OmoiOs.Infrastructure.Planners.Heuristic;


namespace OmoiOs.Tests.Infrastructure.Planners.Heuristic;

public sealed class RepositoryProfilerTests
{
    [Fact]
    public void Profile_SampleApp_LanguagesBuildSystemsAndTestCommand()
    {
        var profile = Snapshots.SampleAppProfile();

        Assert.Equal("Python", profile.PrimaryLanguage);
        Assert.Equal(["Python", "JavaScript", "Shell"], profile.Conventions.Select(c => c.Language));
        Assert.Equal(["make", "npm", "python"], profile.BuildSystems);
        Assert.Equal("make test", profile.TestCommand);
        Assert.Equal("README.md", profile.Readme);
        Assert.Contains(profile.KeyFiles, k => k.Path == "sample_app/cli.py" && k.Purpose == "command line interface");
        Assert.StartsWith("command line application", profile.ProjectType, StringComparison.Ordinal);
    }

    [Fact]
    public void Profile_SampleApp_TestsAndSourcesTellApart()
    {
        var profile = Snapshots.SampleAppProfile();

        Assert.Equal(["test/text-format.test.js", "tests/__init__.py", "tests/test_cli.py", "tests/test_greeting.py"], profile.TestFiles);
        Assert.DoesNotContain("tests/test_cli.py", profile.SourceFiles);
        Assert.Contains("sample_app/greeting.py", profile.SourceFiles);
    }

    [Fact]
    public void Profile_SampleApp_ConventionsPerLanguage()
    {
        var profile = Snapshots.SampleAppProfile();

        var python = profile.Conventions.Single(c => c.Language == "Python");
        var javaScript = profile.Conventions.Single(c => c.Language == "JavaScript");
        Assert.Equal(("sample_app", NamingStyle.SnakeCase, "tests", TestNaming.PrefixTestUnderscore), (python.SourceRoot, python.Naming, python.TestRoot, python.TestNaming));
        Assert.Equal(("src", NamingStyle.KebabCase, "test", TestNaming.SuffixDotTest), (javaScript.SourceRoot, javaScript.Naming, javaScript.TestRoot, javaScript.TestNaming));
    }

    [Theory]
    [InlineData("package.json", """{ "scripts": { "test": "jest" } }""", "npm test")]
    [InlineData("package.json", """{ "scripts": { "test": "echo \"Error: no test specified\" && exit 1" } }""", null)]
    [InlineData("App.sln", "", "dotnet test")]
    [InlineData("go.mod", "module example.com/x", "go test ./...")]
    [InlineData("Cargo.toml", "[package]", "cargo test")]
    [InlineData("pom.xml", "<project/>", "mvn test")]
    [InlineData("requirements.txt", "pytest==8.0", "python3 -m pytest")]
    [InlineData("run-tests.sh", "#!/bin/sh", "./run-tests.sh")]
    [InlineData("Makefile", "build:\n\tcc x.c\n", null)]
    public void Profile_RootManifest_TestCommand(string manifest, string content, string? expected)
    {
        var profile = RepositoryProfiler.Profile(Snapshots.Of(["src/app.txt"], (manifest, content)));

        Assert.Equal(expected, profile.TestCommand);
    }

    [Fact]
    public void Profile_PythonTestsNotMentioningPytest_Pytest()
    {
        var profile = RepositoryProfiler.Profile(Snapshots.Of(["pkg/core.py", "tests/test_core.py"]));

        Assert.Equal("python3 -m pytest", profile.TestCommand);
    }

    [Theory]
    [InlineData(new[] { "pyproject.toml", "src/calc/__init__.py", "src/calc/ops.py", "tests/test_ops.py" }, "PYTHONPATH=src python3 -m pytest")]
    [InlineData(new[] { "pyproject.toml", "calc/__init__.py", "calc/ops.py", "tests/test_ops.py" }, "python3 -m pytest")]
    [InlineData(new[] { "pyproject.toml", "src/__init__.py", "src/calc/__init__.py", "src/calc/ops.py", "tests/test_ops.py" }, "python3 -m pytest")]
    [InlineData(new[] { "pyproject.toml", "src/__init__.py", "src/ops.py", "tests/test_ops.py" }, "python3 -m pytest")]
    [InlineData(new[] { "pyproject.toml", "src/ops.py", "src/helpers/ops.py", "tests/test_ops.py" }, "python3 -m pytest")]
    [InlineData(new[] { "pyproject.toml", "lib/src/calc/__init__.py", "tests/test_ops.py" }, "python3 -m pytest")]
    public void Profile_PythonLayout_SrcOnPythonPathOnlyForASrcLayoutPackage(string[] paths, string expected)
    {
        var profile = RepositoryProfiler.Profile(Snapshots.Of(paths, ("pyproject.toml", "[project]\nname = \"calc\"\n")));

        Assert.Equal(expected, profile.TestCommand);
    }

    [Fact]
    public void Profile_SrcLayoutWithAMakeTestTarget_TheRepositorysOwnCommandUntouched()
    {
        var profile = RepositoryProfiler.Profile(Snapshots.Of(["src/calc/__init__.py", "tests/test_ops.py"], ("Makefile", "test:\n\tpytest\n")));

        Assert.Equal("make test", profile.TestCommand);
    }

    [Fact]
    public void Profile_DotnetSolution_MirroredTestsAndFrameworks()
    {
        var profile = RepositoryProfiler.Profile(Snapshots.Of(
            ["Shop.sln", "Shop.Core/Orders/Order.cs", "Shop.Core/Orders/OrderService.cs", "Shop.Tests/Core/Orders/OrderTests.cs"],
            ("Shop.Tests/Shop.Tests.csproj", """<Project><ItemGroup><PackageReference Include="xunit" /><PackageReference Include="Moq" /></ItemGroup></Project>""")));

        var csharp = Assert.Single(profile.Conventions);
        Assert.Equal(("Shop.Tests", TestNaming.SuffixTests, true, NamingStyle.PascalCase), (csharp.TestRoot, csharp.TestNaming, csharp.TestsMirrorSources, csharp.Naming));
        Assert.Equal(["moq", "xunit"], profile.Frameworks);
        Assert.Equal("dotnet test", profile.TestCommand);
    }

    [Fact]
    public void Profile_RubyWithRakefile_ConventionFromTheFilesWithExtensions()
    {
        var profile = RepositoryProfiler.Profile(Snapshots.Of(["Rakefile", "lib/party.rb", "spec/party_spec.rb"]));

        var ruby = Assert.Single(profile.Conventions, c => c.Language == "Ruby");
        Assert.Equal((".rb", TestNaming.SuffixUnderscoreSpec), (ruby.Extension, ruby.TestNaming));
    }

    [Fact]
    public void Profile_NamesDefinedInSourcesTestsAndDeclarations_DefinersAreTheSourcesThatHoldTheCode()
    {
        var profile = RepositoryProfiler.Profile(new RepositorySnapshot
        {
            Name = "slugify",
            Files =
            [
                new ScannedFile("index.d.ts", 200, 10) { Definitions = ["slugify", "Options"] },
                new ScannedFile("index.js", 200, 10) { Definitions = ["slugify"] },
                new ScannedFile("test.js", 200, 10) { Definitions = ["slugify"] },
                new ScannedFile("types/extra.d.ts", 200, 10) { Definitions = ["Extra"] },
            ],
        });

        Assert.Equal(["index.js"], profile.Definers["slugify"]);
        Assert.False(profile.Definers.ContainsKey("Options"));
        Assert.Equal(["types/extra.d.ts"], profile.Definers["Extra"]);
    }
}
