using OmoiOs.Core.Planning.Grounding;

namespace OmoiOs.Tests.Core.Planning.Grounding;

public sealed class RepositoryTreeTests
{
    /// <summary>pallets/itsdangerous' layout: sources in src/itsdangerous/, tests in tests/test_itsdangerous/.</summary>
    private static readonly RepositoryTree Itsdangerous = new(
    [
        "pyproject.toml", "src/itsdangerous/__init__.py", "src/itsdangerous/signer.py", "src/itsdangerous/timed.py",
        "tests/test_itsdangerous/__init__.py", "tests/test_itsdangerous/test_signer.py", "tests/test_itsdangerous/test_timed.py",
    ]);

    [Theory]
    [InlineData("tests/test_itsdangerous/test_timed.py")]
    [InlineData("tests/test_itsdangerous/test_optional.py")]
    public void TestLayoutProblem_BesideTheExistingTests_None(string path)
    {
        Assert.Null(Itsdangerous.TestLayoutProblem(path, []));
    }

    [Fact]
    public void TestLayoutProblem_FolderThatDoesNotExist_NamesThePathAndTheTestFolders()
    {
        var problem = Itsdangerous.TestLayoutProblem("tests/itsdangerous/test_timed.py", []);

        Assert.Equal("tests/itsdangerous/test_timed.py is outside the test layout: .py tests live in tests/test_itsdangerous/", problem);
    }

    [Fact]
    public void TestLayoutProblem_OtherNaming_NamesAnExistingTest()
    {
        var problem = Itsdangerous.TestLayoutProblem("tests/test_itsdangerous/timed_test.py", []);

        Assert.Equal("tests/test_itsdangerous/timed_test.py is not named like the repository's .py tests (such as tests/test_itsdangerous/test_timed.py)", problem);
    }

    [Fact]
    public void TestLayoutProblem_ColocatedGoTests_BesideTheSource()
    {
        var tree = new RepositoryTree(["go.mod", "uuid.go", "uuid_test.go", "internal/clock/clock.go"]);

        Assert.Null(tree.TestLayoutProblem("version7_test.go", []));
        Assert.Null(tree.TestLayoutProblem("internal/clock/clock_test.go", []));
        Assert.NotNull(tree.TestLayoutProblem("tests/version7_test.go", []));
    }

    [Fact]
    public void TestLayoutProblem_MirroredDotnetTests_NewMirroredFolderFitsAnInventedOneDoesNot()
    {
        var tree = new RepositoryTree(["Shop.Core/Orders/Order.cs", "Shop.Core/Billing/Invoice.cs", "Shop.Tests/Core/Orders/OrderTests.cs"]);

        Assert.Null(tree.TestLayoutProblem("Shop.Tests/Core/Billing/InvoiceTests.cs", []));
        Assert.NotNull(tree.TestLayoutProblem("Shop.Tests/Core/Payments/CardTests.cs", []));
        Assert.Null(tree.TestLayoutProblem("Shop.Tests/Core/Payments/CardTests.cs", ["Shop.Core/Payments/Card.cs"]));
    }

    [Fact]
    public void TestLayoutProblem_NoTestsYet_TopLevelTestFolderFits()
    {
        var tree = new RepositoryTree(["src/app.py"]);

        Assert.Null(tree.TestLayoutProblem("tests/test_app.py", []));
        Assert.NotNull(tree.TestLayoutProblem("src/deep/tests/test_app.py", []));
    }

    [Theory]
    [InlineData("src/itsdangerous/optional_default.py", true)]
    [InlineData("src/itsdangerous/extras/defaults.py", true)]
    [InlineData("lib/deep/defaults.py", false)]
    public void SourceLayoutProblem_NewSourceFile_FitsInAnExistingFolderOrOneBelow(string path, bool fits)
    {
        Assert.Equal(fits, Itsdangerous.SourceLayoutProblem(path) is null);
    }
}
