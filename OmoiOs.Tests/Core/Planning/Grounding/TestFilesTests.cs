using OmoiOs.Core.Planning.Grounding;

namespace OmoiOs.Tests.Core.Planning.Grounding;

public sealed class TestFilesTests
{
    [Theory]
    [InlineData("tests/test_x.py", true)]
    [InlineData("pkg/x_test.go", true)]
    [InlineData("spec/httparty/request_spec.rb", true)]
    [InlineData("web/button.spec.ts", true)]
    [InlineData("App.Tests/Thing.cs", true)]
    [InlineData("BullseyeTests/CaseInsensitivity.cs", true)]
    [InlineData("src/ThingTests.cs", true)]
    [InlineData("test.js", true)]
    [InlineData("src/contest.py", false)]
    [InlineData("src/latest.js", false)]
    [InlineData("src/testing_helpers.py", false)]
    public void IsTest_Path_ByFolderOrName(string path, bool expected)
    {
        Assert.Equal(expected, TestFiles.IsTest(path));
    }

    [Theory]
    [InlineData("tests/test_x.py", TestNaming.PrefixTestUnderscore)]
    [InlineData("x_test.go", TestNaming.SuffixUnderscoreTest)]
    [InlineData("spec/request_spec.rb", TestNaming.SuffixUnderscoreSpec)]
    [InlineData("src/__tests__/x.test.ts", TestNaming.SuffixDotTest)]
    [InlineData("X.Tests/FooTests.cs", TestNaming.SuffixTests)]
    [InlineData("src/test/java/FooTest.java", TestNaming.SuffixTest)]
    [InlineData("test/error-response.js", TestNaming.Plain)]
    [InlineData("tests/test.rs", TestNaming.Plain)]
    public void SchemeOf_TestPath_NamingItFollows(string path, TestNaming expected)
    {
        Assert.Equal(expected, TestFiles.SchemeOf(path));
    }
}
