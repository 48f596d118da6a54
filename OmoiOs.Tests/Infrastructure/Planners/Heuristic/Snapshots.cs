using OmoiOs.Infrastructure.Planners.Heuristic;

namespace OmoiOs.Tests.Infrastructure.Planners.Heuristic;

/// <summary>Builds scan snapshots for the heuristic writers' tests: paths (10 lines each) and manifest texts.</summary>
internal static class Snapshots
{
    public static RepositorySnapshot Of(string[] paths, params (string Path, string Content)[] manifests) => new()
    {
        Name = "repo",
        Files = paths.Concat(manifests.Select(m => m.Path)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(p => new ScannedFile(p, 200, 10)).ToList(),
        Manifests = manifests.Select(m => new ManifestFile(m.Path, m.Content)).ToList(),
    };

    /// <summary>The files of the bundled sample-app, as a scan lists them.</summary>
    public static RepositorySnapshot SampleApp() => Of(
        [
            ".gitignore", "README.md", "pyproject.toml", "run-tests.sh", "sample_app/__init__.py", "sample_app/__main__.py",
            "sample_app/cli.py", "sample_app/greeting.py", "scripts/greet.sh", "src/text-format.js", "test/text-format.test.js",
            "tests/__init__.py", "tests/test_cli.py", "tests/test_greeting.py",
        ],
        ("Makefile", "test: test-python test-js\n\ntest-python:\n\tpython3 -m unittest\n"),
        ("package.json", """{ "name": "x", "scripts": { "test": "node --test test/" } }"""));

    public static RepositoryProfile SampleAppProfile() => RepositoryProfiler.Profile(SampleApp());
}
