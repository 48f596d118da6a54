namespace OmoiOs.Core.Planning.Grounding;

/// <summary>How a test file's name marks it as a test.</summary>
public enum TestNaming
{
    /// <summary><c>test_name.py</c></summary>
    PrefixTestUnderscore,

    /// <summary><c>name_test.go</c></summary>
    SuffixUnderscoreTest,

    /// <summary><c>name_spec.rb</c></summary>
    SuffixUnderscoreSpec,

    /// <summary><c>name.test.js</c></summary>
    SuffixDotTest,

    /// <summary><c>name.spec.ts</c></summary>
    SuffixDotSpec,

    /// <summary><c>NameTests.cs</c></summary>
    SuffixTests,

    /// <summary><c>NameTest.java</c></summary>
    SuffixTest,

    /// <summary>A plain name that is a test only by its folder (<c>test/error-response.js</c>), or a file named <c>test</c> (<c>test.js</c>, <c>tests/test.rs</c>).</summary>
    Plain,
}
