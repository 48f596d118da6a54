using OmoiOs.Core.Planning.Outputs;
using OmoiOs.Infrastructure.Planners.Heuristic;

namespace OmoiOs.Tests.Infrastructure.Planners.Heuristic;

public sealed class ComponentMatcherTests
{
    [Theory]
    [InlineData("The greeting word contains only letters.", "sample_app/greeting.py")]
    [InlineData("When the `--greeting` option is given, the command line uses its value.", "sample_app/cli.py")]
    [InlineData("`scripts/greet.sh` passes a second argument through.", "scripts/greet.sh")]
    [InlineData("The README documents the option.", "README.md")]
    [InlineData("Long text is truncated with an ellipsis by the text formatter.", "src/text-format.js")]
    [InlineData("Invoices are archived monthly.", null)]
    public void Match_Requirement_BestExistingFile(string text, string? expected)
    {
        var requirement = new PlannedRequirement { Id = "REQ-X-FUNC-001", Title = text, Text = text };

        Assert.Equal(expected, ComponentMatcher.Match(requirement, Snapshots.SampleAppProfile()));
    }

    [Theory]
    [InlineData("When the value is negative, `Buffer::format_signed` shall return the same text as `Buffer::format`.", "src/lib.rs")]
    [InlineData("`Buffer::format` of a `u128` goes through `udivmod_1e19`.", "src/lib.rs")]
    [InlineData("`udivmod_1e19` divides by ten to the nineteenth.", "src/u128_ext.rs")]
    [InlineData("The `u128` output keeps its plus sign.", "src/u128_ext.rs")]
    [InlineData("`new` returns an empty buffer.", null)]
    public void Match_RequirementQuotingCodeNames_TheFileDefiningMostOfThem(string text, string? expected)
    {
        var requirement = new PlannedRequirement { Id = "REQ-X-FUNC-001", Title = text, Text = text };

        Assert.Equal(expected, ComponentMatcher.Match(requirement, RustCrate()));
    }

    [Fact]
    public void Match_RequirementWhoseWordsNameAFuzzTarget_NeverPicksIt()
    {
        var requirement = new PlannedRequirement { Id = "REQ-X-FUNC-001", Title = "Fuzz inputs are formatted", Text = "Fuzz inputs are formatted with itoa." };

        Assert.Null(ComponentMatcher.Match(requirement, RustCrate()));
    }

    /// <summary>itoa's layout: <c>Buffer</c> and <c>Integer</c> in src/lib.rs, a helper module, a fuzz target, a benchmark, and <c>new</c> defined everywhere.</summary>
    private static RepositoryProfile RustCrate() => RepositoryProfiler.Profile(new RepositorySnapshot
    {
        Name = "itoa",
        Files =
        [
            new ScannedFile("Cargo.toml", 200, 10),
            new ScannedFile("benches/bench.rs", 200, 10) { Definitions = ["bench_format", "new"] },
            new ScannedFile("fuzz/fuzz_targets/fuzz_itoa.rs", 200, 10) { Definitions = ["fuzz_itoa", "new"] },
            new ScannedFile("src/lib.rs", 200, 10) { Definitions = ["Buffer", "new", "format", "Integer", "Sealed"] },
            new ScannedFile("src/u128_ext.rs", 200, 10) { Definitions = ["udivmod_1e19", "new"] },
            new ScannedFile("src/other.rs", 200, 10) { Definitions = ["new"] },
            new ScannedFile("tests/test.rs", 200, 10) { Definitions = ["Buffer", "test_u64"] },
        ],
    });
}
