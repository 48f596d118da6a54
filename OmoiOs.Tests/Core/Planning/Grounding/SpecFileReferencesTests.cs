using OmoiOs.Core.Planning.Grounding;

namespace OmoiOs.Tests.Core.Planning.Grounding;

public sealed class SpecFileReferencesTests
{
    private static readonly RepositoryTree Tree = new(
    [
        "README.md", "src/itsdangerous/timed.py", "src/itsdangerous/__init__.py", "tests/test_itsdangerous/__init__.py",
        "tests/test_itsdangerous/test_timed.py", "docs/timed.rst",
    ]);

    [Fact]
    public void Find_PathAndUniqueFileName_BothExistingFiles()
    {
        var named = SpecFileReferences.Find("The change goes in `timed.py`; tests go in tests/test_itsdangerous/test_timed.py.", Tree);

        Assert.Equal(["src/itsdangerous/timed.py", "tests/test_itsdangerous/test_timed.py"], named);
    }

    [Theory]
    [InlineData("Update __init__.py too.")]
    [InlineData("Keep timed.pyi stubs and test_timed.py_old aside.")]
    [InlineData("See src/itsdangerous/timed.py.bak for the old one.")]
    public void Find_AmbiguousOrLongerNames_NothingNamed(string text)
    {
        Assert.Empty(SpecFileReferences.Find(text, Tree));
    }

    [Theory]
    [InlineData("The README documents the option.")]
    [InlineData("The readme documents the option with an example.")]
    [InlineData("Update the Readme.")]
    public void Find_ReadmeInAnyCase_TheRootReadme(string text)
    {
        Assert.Equal(["README.md"], SpecFileReferences.Find(text, Tree));
    }

    [Fact]
    public void Find_ReadmeWithinAWord_NothingNamed()
    {
        Assert.Empty(SpecFileReferences.Find("The readmeGenerator tool is out of scope.", Tree));
    }
}
