using OmoiOs.Infrastructure.Planners.Heuristic;


namespace OmoiOs.Tests.Infrastructure.Planners.Heuristic;

public sealed class AcceptanceCriteriaWriterTests
{
    [Fact]
    public void Write_ConditionalRequirement_BehaviourWithAndWithoutTheCondition()
    {
        var draft = EarsWriter.Write("If the name is empty, print an error.");

        var criteria = AcceptanceCriteriaWriter.Write(draft);

        Assert.Equal(
            ["Given the name is empty: the system prints an error.", "Without the condition (the name is empty), the system does not print an error; the existing tests keep passing."],
            criteria);
    }

    [Fact]
    public void Write_LimitsCodesOptionsAndVariables_OneCheckEach()
    {
        var draft = EarsWriter.Write("If `GREETING` is longer than 20 characters or `--greeting` is empty, the CLI exits with code 2.");

        var criteria = AcceptanceCriteriaWriter.Write(draft);

        Assert.Contains("A value of exactly 20 characters is accepted and a value of 21 characters is rejected.", criteria);
        Assert.Contains("The process exit code is exactly 2 in that case, and 0 on success.", criteria);
        Assert.Contains("The `--greeting` option is accepted by the command line and listed in its help output.", criteria);
        Assert.Contains(criteria, c => c.StartsWith("A test sets `GREETING`", StringComparison.Ordinal));
        Assert.True(criteria.Count <= AcceptanceCriteriaWriter.MaxCriteria);
    }

    [Fact]
    public void Write_UbiquitousRequirement_AtLeastTwoCriteria()
    {
        var criteria = AcceptanceCriteriaWriter.Write(EarsWriter.Write("Dark mode support"));

        Assert.True(criteria.Count >= 2);
        Assert.All(criteria, c => Assert.False(string.IsNullOrWhiteSpace(c)));
    }

    [Fact]
    public void Write_ExtraTestCriterionAsked_AddsIt()
    {
        var draft = EarsWriter.Write("Dark mode support");

        var criteria = AcceptanceCriteriaWriter.Write(draft, extraTestCriterion: true);

        Assert.Equal(3, criteria.Count);
    }
}
