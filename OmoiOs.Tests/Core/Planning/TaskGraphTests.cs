using OmoiOs.Core.Errors;
using OmoiOs.Core.Planning;

namespace OmoiOs.Tests.Core.Planning;

public sealed class TaskGraphTests
{
    // TSK-001 ─┬─> TSK-002 (3 h) ─┐
    //          └─> TSK-003 (1 h) ─┴─> TSK-004
    private static readonly TaskNode[] Diamond =
    [
        new("TSK-001", [], 2),
        new("TSK-002", ["TSK-001"], 3),
        new("TSK-003", ["TSK-001"], 1),
        new("TSK-004", ["TSK-002", "TSK-003"], 2),
    ];

    [Fact]
    public void TopologicalOrder_Diamond_PutsDependenciesFirst()
    {
        var graph = TaskGraph.Build(Diamond.Reverse());

        Assert.Equal(["TSK-001", "TSK-003", "TSK-002", "TSK-004"], graph.TopologicalOrder);
    }

    [Fact]
    public void ParallelGroups_Diamond_GroupsByDepth()
    {
        var graph = TaskGraph.Build(Diamond);

        Assert.Equal([["TSK-001"], ["TSK-002", "TSK-003"], ["TSK-004"]], graph.ParallelGroups);
        Assert.Equal(2, graph.DepthOf("TSK-004"));
    }

    [Fact]
    public void CriticalPath_Diamond_FollowsTheLongestHours()
    {
        var path = TaskGraph.Build(Diamond).CriticalPath;

        Assert.Equal(["TSK-001", "TSK-002", "TSK-004"], path.TaskIds);
        Assert.Equal(7, path.Hours);
    }

    [Theory]
    [InlineData("TSK-001", 7)]
    [InlineData("TSK-002", 5)]
    [InlineData("TSK-003", 3)]
    [InlineData("TSK-004", 2)]
    public void RemainingHours_Diamond_IsLongestPathToTheEnd(string id, double expected)
    {
        Assert.Equal(expected, TaskGraph.Build(Diamond).RemainingHours(id));
    }

    [Fact]
    public void Cycle_TwoTasksWaitingForEachOther_ReportsThePath()
    {
        var graph = TaskGraph.Build([new("TSK-001", [], 1), new("TSK-002", ["TSK-005"], 1), new("TSK-005", ["TSK-002"], 1)]);

        Assert.True(graph.HasCycle);
        Assert.Equal(["TSK-002", "TSK-005", "TSK-002"], graph.Cycle);
    }

    [Fact]
    public void Cycle_SelfDependency_IsACycle()
    {
        var graph = TaskGraph.Build([new("TSK-001", ["TSK-001"], 1)]);

        Assert.Equal(["TSK-001", "TSK-001"], graph.Cycle);
    }

    [Fact]
    public void Cycle_BehindAnAcyclicPrefix_ReportsOnlyTheCycle()
    {
        var graph = TaskGraph.Build(
        [
            new("TSK-001", ["TSK-002"], 1),
            new("TSK-002", ["TSK-003"], 1),
            new("TSK-003", ["TSK-004"], 1),
            new("TSK-004", ["TSK-002"], 1),
        ]);

        Assert.Equal(["TSK-002", "TSK-003", "TSK-004", "TSK-002"], graph.Cycle);
    }

    [Fact]
    public void TopologicalOrder_WithCycle_ThrowsValidationFailedNamingTheCycle()
    {
        var graph = TaskGraph.Build([new("TSK-001", ["TSK-002"], 1), new("TSK-002", ["TSK-001"], 1)]);

        var error = Assert.Throws<ValidationFailedException>(() => graph.TopologicalOrder);
        Assert.Equal(["the task graph has a dependency cycle: TSK-001 → TSK-002 → TSK-001"], error.Errors["dependsOn"]);
        Assert.Throws<ValidationFailedException>(() => graph.CriticalPath);
    }

    [Fact]
    public void Build_DanglingAndDuplicateIds_AreRecordedAndLeftOut()
    {
        var graph = TaskGraph.Build(
        [
            new("TSK-001", ["TSK-009"], 1),
            new("TSK-002", ["TSK-001", "TSK-001"], 1),
            new("TSK-001", ["TSK-002"], 1),
        ]);

        Assert.Equal([new DanglingDependency("TSK-001", "TSK-009")], graph.DanglingDependencies);
        Assert.Equal(["TSK-001"], graph.DuplicateIds);
        Assert.Equal(2, graph.Count);
        Assert.Equal(["TSK-001"], graph.DependenciesOf("TSK-002"));
        Assert.False(graph.HasCycle);
    }

    [Fact]
    public void RemainingHours_NegativeOrNaNHours_CountAsZero()
    {
        var graph = TaskGraph.Build([new("TSK-001", [], double.NaN), new("TSK-002", ["TSK-001"], -3)]);

        Assert.Equal(0, graph.RemainingHours("TSK-001"));
    }

    [Fact]
    public void DependenciesOf_UnknownId_ThrowsNotFound()
    {
        Assert.Throws<NotFoundException>(() => TaskGraph.Build(Diamond).DependenciesOf("TSK-404"));
    }

    [Fact]
    public void DependentsOf_Diamond_ListsTasksThatWait()
    {
        Assert.Equal(["TSK-002", "TSK-003"], TaskGraph.Build(Diamond).DependentsOf("TSK-001"));
    }

    [Fact]
    public void Build_TenThousandTaskChain_AnalysesWithoutRecursion()
    {
        var nodes = Enumerable.Range(1, 10_000).Select(i => new TaskNode($"TSK-{i:D5}", i == 1 ? [] : [$"TSK-{i - 1:D5}"], 1)).ToList();

        var graph = TaskGraph.Build(nodes);

        Assert.Equal(10_000, graph.CriticalPath.Hours);
        Assert.Equal(10_000, graph.ParallelGroups.Count);
        Assert.Equal("TSK-10000", graph.TopologicalOrder[^1]);
    }

    [Fact]
    public void Cycle_TenThousandTaskLoop_ReportsTheWholeLoop()
    {
        var nodes = Enumerable.Range(1, 10_000).Select(i => new TaskNode($"TSK-{i:D5}", [$"TSK-{(i % 10_000) + 1:D5}"], 1)).ToList();

        var graph = TaskGraph.Build(nodes);

        Assert.Equal(10_001, graph.Cycle.Count);
        Assert.Equal(graph.Cycle[0], graph.Cycle[^1]);
    }

    [Fact]
    public void ToDependencyAnalysis_Diamond_DescribesTheGraph()
    {
        var analysis = TaskGraph.Build(Diamond).ToDependencyAnalysis();

        Assert.Equal(["TSK-002", "TSK-003"], analysis.Graph["TSK-004"]);
        Assert.Equal(["TSK-001", "TSK-002", "TSK-004"], analysis.CriticalPath);
        Assert.Equal(7, analysis.CriticalPathHours);
        Assert.Equal(3, analysis.ParallelGroups.Count);
    }
}
