using OmoiOs.Infrastructure.Planners.Heuristic;


namespace OmoiOs.Tests.Infrastructure.Planners.Heuristic;

public sealed class RepositoryLayoutTests
{
    [Theory]
    [InlineData("sample_app/greeting.py", "tests/test_greeting.py")]
    [InlineData("src/text-format.js", "test/text-format.test.js")]
    [InlineData("scripts/greet.sh", "tests/test_greet.py")]
    public void TestPathFor_SampleApp_FollowsEachLanguagesLayout(string source, string expected)
    {
        Assert.Equal(expected, RepositoryLayout.TestPathFor(Snapshots.SampleAppProfile(), source));
    }

    [Fact]
    public void TestPathFor_MirroredDotnetTests_MirrorsTheSourceFolders()
    {
        var profile = RepositoryProfiler.Profile(Snapshots.Of(["Shop.Core/Orders/Order.cs", "Shop.Tests/Core/Orders/OrderTests.cs"]));

        Assert.Equal("Shop.Tests/Core/Billing/InvoiceTests.cs", RepositoryLayout.TestPathFor(profile, "Shop.Core/Billing/Invoice.cs"));
    }

    [Fact]
    public void TestPathFor_DeclarationFileWithATsdTest_TheTypeTestAndForTheCodeItsOwnTest()
    {
        var profile = RepositoryProfiler.Profile(Snapshots.Of(["index.js", "index.d.ts", "index.test-d.ts", "test.js"]));

        Assert.Equal("index.test-d.ts", RepositoryLayout.TestPathFor(profile, "index.d.ts"));
        Assert.Equal("test.js", RepositoryLayout.TestPathFor(profile, "index.js"));
    }

    [Fact]
    public void TestPathFor_ColocatedGoTests_NextToTheSource()
    {
        var profile = RepositoryProfiler.Profile(Snapshots.Of(["pkg/store/store.go", "pkg/store/store_test.go"]));

        Assert.Equal("pkg/store/cache_test.go", RepositoryLayout.TestPathFor(profile, "pkg/store/cache.go"));
    }

    [Fact]
    public void NewSourcePath_SampleApp_PrimaryLanguageRootAndNaming()
    {
        Assert.Equal("sample_app/greeting_config.py", RepositoryLayout.NewSourcePath(Snapshots.SampleAppProfile(), ["greeting", "config"]));
    }

    [Fact]
    public void NewSourcePath_EmptyRepository_FallsBackToPython()
    {
        var profile = RepositoryProfiler.Profile(Snapshots.Of(["README.md"]));

        Assert.Equal("src/greeting.py", RepositoryLayout.NewSourcePath(profile, ["greeting"]));
    }

    [Fact]
    public void TestPathFor_TestsNamedOnlyByTheirFolder_TheExistingTestOfTheSameName()
    {
        var profile = RepositoryProfiler.Profile(Snapshots.Of(["package.json", "src/index.ts", "src/__tests__/index.ts"]));

        Assert.Equal("src/__tests__/index.ts", RepositoryLayout.TestPathFor(profile, "src/index.ts"));
    }

    [Fact]
    public void TestPathFor_ConventionalFolderMissing_ExistingTestFolderSharingTheSourcesWords()
    {
        var profile = RepositoryProfiler.Profile(Snapshots.Of(["src/itsdangerous/timed.py", "src/itsdangerous/signer.py", "tests/test_itsdangerous/test_signer.py"]));

        Assert.Equal("tests/test_itsdangerous/test_timed.py", RepositoryLayout.TestPathFor(profile, "src/itsdangerous/timed.py"));
    }

    [Fact]
    public void TestPathFor_CatchAllTestFile_ThatFile()
    {
        var profile = RepositoryProfiler.Profile(Snapshots.Of(["Cargo.toml", "src/lib.rs", "tests/test.rs"]));

        Assert.Equal("tests/test.rs", RepositoryLayout.TestPathFor(profile, "src/lib.rs"));
    }
}
