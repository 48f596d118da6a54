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
}
