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

    private static readonly DateTimeOffset ReferenceNow = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(Priority.Critical, 0.45 * 1.0)]
    [InlineData(Priority.High, 0.45 * 0.75)]
    [InlineData(Priority.Medium, 0.45 * 0.5)]
    [InlineData(Priority.Low, 0.45 * 0.25)]
    public void Score_NewTaskWithNothingElse_IsPriorityTermPlusFullRetryTerm(Priority priority, double priorityTerm)
    {
        var score = TaskQueuePolicy.Default.Score(Task("a", priority, ReferenceNow), 0, ReferenceNow);

        Assert.Equal(priorityTerm + 0.05, score, 10);
    }

    [Fact]
    public void Score_EveryTermAtItsCap_SumsToOne()
    {
        var task = Task("a", Priority.Critical, ReferenceNow.AddHours(-5));

        var score = TaskQueuePolicy.Default.Score(task, tasksUnblocked: 25, ReferenceNow, deadline: ReferenceNow.AddMinutes(-1));

        Assert.Equal(1.0, score, 10);
    }

    [Fact]
    public void Score_HalfAgeHalfUnblocksHalfDeadlineHalfRetries_WeighsEachTerm()
    {
        var task = Task("a", Priority.Low, ReferenceNow.AddMinutes(-30)) with { Attempts = 1, MaxRetries = 2 };

        var score = TaskQueuePolicy.Default.Score(task, tasksUnblocked: 5, ReferenceNow, deadline: ReferenceNow.AddMinutes(30));

        Assert.Equal((0.45 * 0.25) + (0.20 * 0.5) + (0.15 * 0.5) + (0.15 * 0.5) + (0.05 * 0.5), score, 10);
    }

    [Fact]
    public void Score_DeadlineBeyondWindow_AddsNothing()
    {
        var task = Task("a", Priority.Medium, ReferenceNow);

        Assert.Equal(
            TaskQueuePolicy.Default.Score(task, 0, ReferenceNow),
            TaskQueuePolicy.Default.Score(task, 0, ReferenceNow, deadline: ReferenceNow.AddHours(3)), 10);
    }

    private static WorkTask Task(string id, Priority priority, DateTimeOffset created) => new()
    {
        Id = id,
        SpecId = "spec-abcdef123456",
        TicketId = "ticket-abcdef123456",
        SpecTaskId = "spec-task-abcdef123456-" + id,
        Title = id,
        Priority = priority,
        CreatedAt = created,
        UpdatedAt = created,
    };
}
