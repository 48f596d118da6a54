using OmoiOs.Core.Domain;
using OmoiOs.Core.Execution;

namespace OmoiOs.Tests.Core.Execution;

public sealed class TaskBranchNamesTests
{
    private static readonly DateTimeOffset At = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ForTask_BesideSpecBranch_KeyLowerCased()
    {
        var spec = Spec("omoi/spec-abcdef123456");

        Assert.Equal("omoi/spec-abcdef123456", TaskBranchNames.ForSpec(spec));
        Assert.Equal("omoi/spec-abcdef123456-tasks/tsk-001", TaskBranchNames.ForTask(spec, Task("TSK-001")));
    }

    [Fact]
    public void ForSpec_NoBranchSet_DerivedFromId() => Assert.Equal("omoi/spec-abcdef123456", TaskBranchNames.ForSpec(Spec("")));

    private static Spec Spec(string branch) => new()
    {
        Id = "spec-abcdef123456", Title = "t", Description = "d", Repository = "/r", Branch = branch, InstanceId = "i", CreatedAt = At, UpdatedAt = At,
    };

    private static SpecTask Task(string key) => new() { Id = "spec-task-abcdef123456-x", SpecId = "spec-abcdef123456", Key = key, Title = "t" };
}
