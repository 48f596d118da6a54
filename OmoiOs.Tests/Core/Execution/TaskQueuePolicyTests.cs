using OmoiOs.Core.Domain;
using OmoiOs.Core.Execution;

namespace OmoiOs.Tests.Core.Execution;

public sealed class TaskQueuePolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Score_FreshCriticalTaskUnblockingTen_IsPriorityUnblocksAndRetriesLeft() =>
        Assert.Equal(0.45 + 0.15 + 0.05, TaskQueuePolicy.Default.Score(Priority.Critical, Now, 0, 3, 10, Now), 10);

    [Fact]
    public void Score_WorkTaskOrItsFields_Agree()
    {
        var task = new WorkTask
        {
            Id = "task-1",
            SpecId = "spec-1",
            TicketId = "ticket-1",
            SpecTaskId = "spec-task-1",
            Title = "t",
            Priority = Priority.Low,
            Attempts = 1,
            MaxRetries = 3,
            CreatedAt = Now - TimeSpan.FromMinutes(30),
            UpdatedAt = Now,
        };

        Assert.Equal(
            TaskQueuePolicy.Default.Score(task, 4, Now),
            TaskQueuePolicy.Default.Score(Priority.Low, task.CreatedAt, 1, 3, 4, Now));
    }

    [Theory]
    [InlineData(5, 10, 0.3, 0.8)]
    [InlineData(10, 10, 0.3, 1.3)]
    [InlineData(12, 10, 0.3, 1.3)]
    [InlineData(3, 0, 0.3, 0.3)]
    public void Rank_ShareOfCriticalPathPlusScore(double remaining, double critical, double score, double expected) =>
        Assert.Equal(expected, TaskQueuePolicy.Rank(remaining, critical, score), 10);

    [Fact]
    public void Rank_NegativeHours_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TaskQueuePolicy.Rank(-1, 10, 0.5));
}
