using OmoiOs.Core.Domain;
using OmoiOs.Core.Execution;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Core.Execution;

public sealed class TaskFailuresTests
{
    private static readonly string SpecId = TestRecords.NewSpecId();
    private static readonly DateTimeOffset At = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Of_CheckFailed_ReasonIsTheHeadlineAndTheTailIsTheLastOutputLines()
    {
        var output = string.Join("\n", Enumerable.Range(1, 15).Select(n => $"line {n}"));
        var task = Failed(1, feedback: $"The check `python -m pytest` failed (exit 127). The end of its output:\n{output}\n");

        var failure = Assert.Single(TaskFailures.Of([task], SpecTasks(1)));

        Assert.Equal(("TSK-001", WorkTaskStatus.Failed, "The check `python -m pytest` failed (exit 127)."), (failure.Key, failure.Status, failure.Reason));
        Assert.Equal(Enumerable.Range(6, 10).Select(n => $"line {n}"), failure.OutputTail);
    }

    [Fact]
    public void Of_AttemptCouldNotRun_ReasonIsTheRecordedError()
    {
        var task = Failed(1, error: "The agent was stopped by the sandbox: timeout after 600 s.");

        var failure = Assert.Single(TaskFailures.Of([task], SpecTasks(1)));

        Assert.Equal("The agent was stopped by the sandbox: timeout after 600 s.", failure.Reason);
        Assert.Empty(failure.OutputTail);
    }

    [Fact]
    public void Of_FailedAndBlocked_FailedFirstInTheOrderTheyFailedThenBlockedNamingTheirCause()
    {
        var later = Failed(1, error: "late") with { CompletedAt = At.AddMinutes(5) };
        var earlier = Failed(2, error: "early") with { CompletedAt = At.AddMinutes(1) };
        var blocked = TestRecords.WorkTask(SpecId, 3, 1, 2) with { Status = WorkTaskStatus.Blocked, Error = "blocked: x failed" };

        var failures = TaskFailures.Of([blocked, later, earlier, TestRecords.WorkTask(SpecId, 4) with { Status = WorkTaskStatus.Completed }], SpecTasks(4));

        Assert.Equal(
            ["TSK-002 early", "TSK-001 late", "TSK-003 waits for TSK-001 (failed), TSK-002 (failed)"],
            failures.Select(f => $"{f.Key} {f.Reason}"));
    }

    [Fact]
    public void SpecReason_OneFailed_NamesTheFirstFailedTaskThenTheCounts()
    {
        var failures = TaskFailures.Of([Failed(2, error: "boom"), TestRecords.WorkTask(SpecId, 3, 2) with { Status = WorkTaskStatus.Blocked }], SpecTasks(3));

        Assert.Equal("TSK-002 failed: boom (1 task(s) failed, 1 blocked, 1 not run)", TaskFailures.SpecReason(failures, total: 4, completed: 1));
    }

    [Fact]
    public void SpecReason_NothingFailed_IsTheCounts() =>
        Assert.Equal("0 task(s) failed, 0 blocked, 2 not run", TaskFailures.SpecReason([], total: 3, completed: 1));

    private static WorkTask Failed(int n, string? feedback = null, string? error = null) =>
        TestRecords.WorkTask(SpecId, n) with { Status = WorkTaskStatus.Failed, Feedback = feedback, Error = error };

    private static List<SpecTask> SpecTasks(int count) => [.. Enumerable.Range(1, count).Select(n => TestRecords.SpecTask(SpecId, n))];
}
