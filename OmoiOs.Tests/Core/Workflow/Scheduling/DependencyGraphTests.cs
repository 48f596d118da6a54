using OmoiOs.Core.Errors;
using OmoiOs.Core.Workflow.Scheduling;
using static OmoiOs.Tests.Core.Workflow.Scheduling.PlanTasks;

namespace OmoiOs.Tests.Core.Workflow.Scheduling;

public sealed class DependencyGraphTests
{
    [Fact]
    public void Build_Diamond_RemainingHoursAndCriticalPath()
    {
        var graph = DependencyGraph.Build(Diamond(a: 1, b: 2, c: 3, d: 4));

        Assert.Equal([8.0, 6.0, 7.0, 4.0], graph.RemainingHours);
        Assert.Equal(8, graph.CriticalPathHours);
    }

    [Fact]
    public void Build_RepeatedDependency_CountsOnce()
    {
        var graph = DependencyGraph.Build([Task("A"), Task("B", "A", "A")]);

        Assert.Equal(1, graph.DependenciesOf(1).Length);
        Assert.Equal([1], graph.DependantsOf(0).ToArray());
    }

    [Fact]
    public void Build_SelfDependency_ThrowsNamingTheLoop()
    {
        var error = Assert.Throws<ValidationFailedException>(() => DependencyGraph.Build([Task("A", "A")]));

        Assert.EndsWith("A → A.", error.Errors["dependsOn"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_LongChainWithCycleAtTheEnd_FindsItWithoutRecursion()
    {
        var tasks = Enumerable.Range(0, 100_000).Select(i => Task($"T{i}", i == 0 ? "T99999" : $"T{i - 1}")).ToArray();

        var error = Assert.Throws<ValidationFailedException>(() => DependencyGraph.Build(tasks));

        Assert.StartsWith("The tasks form a dependency cycle", error.Errors["dependsOn"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SeveralProblems_ReportsEachByField()
    {
        var error = Assert.Throws<ValidationFailedException>(() => DependencyGraph.Build(
        [
            Task(" "),
            Task("A") with { EstimatedHours = double.NaN },
            Task("B") with { Attempts = -1 },
            Task("C", "missing"),
        ]));

        Assert.Equal(["id", "estimatedHours", "attempts", "dependsOn"], error.Errors.Keys);
    }
}
