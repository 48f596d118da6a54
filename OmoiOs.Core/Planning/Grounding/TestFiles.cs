namespace OmoiOs.Core.Planning.Grounding;

/// <summary>Which repository paths are tests, and how their names say so: one rule for the planners and the evaluators.</summary>
public static class TestFiles
{
    private static readonly string[] TestDirectoryNames = ["test", "tests", "__tests__", "spec", "specs", "testing"];

    private static readonly string[] CatchAllStems = ["test", "tests", "spec"];

    /// <summary>Whether a path is a test by folder (tests/, X.Tests/) or by name (test_x.py, x.test.js, XTests.cs, x_test.go, test.js).</summary>
    public static bool IsTest(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = path.Split('/');
        return segments[..^1].Any(IsTestDirectoryName) || NamingOf(segments[^1]) is not null;
    }

    /// <summary>Whether a folder name marks everything below it as tests (tests, __tests__, X.Tests, XTests).</summary>
    public static bool IsTestDirectoryName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return TestDirectoryNames.Contains(name, StringComparer.OrdinalIgnoreCase)
            || name.EndsWith(".Tests", StringComparison.Ordinal) || name.EndsWith(".Test", StringComparison.Ordinal)
            || name.EndsWith(".UnitTests", StringComparison.Ordinal) || name.EndsWith(".IntegrationTests", StringComparison.Ordinal)
            || (name.Length > 5 && name.EndsWith("Tests", StringComparison.Ordinal) && !name.Contains('.', StringComparison.Ordinal));
    }

    /// <summary>How a file name marks it as a test; null when it does not (a test only by its folder).</summary>
    public static TestNaming? NamingOf(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var dot = fileName.IndexOf('.', StringComparison.Ordinal);
        var stem = dot > 0 ? fileName[..dot] : fileName;
        var inner = fileName.Split('.');
        if (inner.Length >= 3 && inner[^2] is "test")
        {
            return TestNaming.SuffixDotTest;
        }

        if (inner.Length >= 3 && inner[^2] is "spec")
        {
            return TestNaming.SuffixDotSpec;
        }

        if (stem.StartsWith("test_", StringComparison.Ordinal))
        {
            return TestNaming.PrefixTestUnderscore;
        }

        if (stem.EndsWith("_test", StringComparison.Ordinal))
        {
            return TestNaming.SuffixUnderscoreTest;
        }

        if (stem.EndsWith("_spec", StringComparison.Ordinal))
        {
            return TestNaming.SuffixUnderscoreSpec;
        }

        if (stem.Length > 5 && stem.EndsWith("Tests", StringComparison.Ordinal))
        {
            return TestNaming.SuffixTests;
        }

        if (stem.Length > 4 && stem.EndsWith("Test", StringComparison.Ordinal))
        {
            return TestNaming.SuffixTest;
        }

        return dot > 0 && IsCatchAll(fileName) ? TestNaming.Plain : null;
    }

    /// <summary>Whether the file is a suite's one catch-all file: <c>test.js</c>, <c>tests.rs</c>, <c>spec.rb</c>.</summary>
    public static bool IsCatchAll(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var dot = fileName.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && CatchAllStems.Contains(fileName[..dot], StringComparer.Ordinal);
    }

    /// <summary>The naming a test file follows: its name's marker, else <see cref="TestNaming.Plain"/> (a test by its folder).</summary>
    public static TestNaming SchemeOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return NamingOf(path[(path.LastIndexOf('/') + 1)..]) ?? TestNaming.Plain;
    }
}
